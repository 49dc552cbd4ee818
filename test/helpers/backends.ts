/**
 * One parity suite, every backend (TF.js describeWithFlags, made loud): `forEachBackend` opens a
 * describe block per backend. A backend that cannot start here fails its tests with the reason;
 * it is never skipped.
 */
import { describe } from 'vitest';
import { createBatchMix, type BatchMix, type CreateOptions } from '../../src/index.js';
import type { BackendName } from '../../src/types.js';

export const BACKENDS: readonly BackendName[] = ['js', 'wasm', 'webgl2'];

export function forEachBackend(fn: (backend: BackendName) => void, only: readonly BackendName[] = BACKENDS): void {
  for (const b of only) describe(`backend ${b}`, () => fn(b));
}

/** A mixer on a named backend (never a fallback): `mixer('wasm')`. */
export function mixer(backend: BackendName, options: Partial<CreateOptions> = {}): Promise<BatchMix> {
  return createBatchMix({
    numClasses: 10,
    augments: [{ op: 'mixup', alpha: 1 }],
    ...options,
    backend,
  });
}
