/**
 * What the default run leaves out to stay near 10 minutes on the project's 2-core machine, and why.
 * Measured there (a loaded machine, 2026-11-29): the whole matrix took 12.5 min, of which tfjs-cpu
 * at N = 128 took 3.2 min (2–3 s per call, 3–4× tfjs-wasm) and webgl2's ResizeMix at N = 128
 * 2.5 min per webgl2 row (3–5 s per call: headless-gl rasterises in software on a machine without a GPU).
 * `--all` measures them too. Each omission is reported in RESULTS.md under "Not measured".
 */
import type { Case } from './cases.js';

/** Why the default run does not measure `impl` on case `c`, or null when it does. */
export function omittedByDefault(impl: string, c: Case): string | null {
  if (impl === 'tfjs-cpu' && c.n > 32) {
    return 'left out of the default run at N > 32 (2–3 s per call, 3–4× tfjs-wasm; its N = 32 rows show the ratio); --all measures it';
  }
  if (impl.startsWith('webgl2') && c.n > 32 && c.op.startsWith('resizemix')) {
    return 'left out of the default run at N > 32 (3–5 s per call: headless-gl rasterises in software here; its N = 32 rows show the ratio); --all measures it';
  }
  return null;
}
