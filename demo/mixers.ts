/**
 * The demo's appliers: one batchmix instance per backend choice, for the current class count and
 * label smoothing (the only options `apply` reads). Instances for an older class count or
 * smoothing are disposed as soon as another is asked for.
 */
import { createBatchMix, type BackendChoice, type BatchMix } from '../src/index.js';

const mixers = new Map<string, Promise<BatchMix>>();

/** The applier on `backend` (a failed creation is forgotten, so a later call tries again). */
export function mixerFor(backend: BackendChoice, numClasses: number, labelSmoothing: number): Promise<BatchMix> {
  const suffix = `|${numClasses}|${labelSmoothing}`;
  for (const [key, m] of mixers) {
    if (!key.endsWith(suffix)) {
      mixers.delete(key);
      m.then((x) => x.dispose(), () => {});
    }
  }
  const key = backend + suffix;
  let m = mixers.get(key);
  if (!m) {
    m = createBatchMix({ numClasses, augments: { op: 'mixup', alpha: 1 }, labelSmoothing, backend });
    mixers.set(key, m);
    m.catch(() => mixers.delete(key));
  }
  return m;
}
