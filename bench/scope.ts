/**
 * What the default run leaves out to stay near 10 minutes on the project's 2-core machine, and why.
 * Measured there on a loaded machine (2026-11-29): the whole matrix took 12.5 min, of which
 * tfjs-cpu at N = 128 alone took 3.2 min (2–3 s per call, 3–4× tfjs-wasm, whose ratio its N = 32 rows
 * already show); without it the default run took 7–9 min (with --torch). `--all` measures it too.
 * Each omission is reported in RESULTS.md under "Not measured".
 */
import type { Case } from './cases.js';

/** Why the default run does not measure `impl` on case `c`, or null when it does. */
export function omittedByDefault(impl: string, c: Case): string | null {
  if (impl === 'tfjs-cpu' && c.n > 32) {
    return 'left out of the default run at N > 32 (2–3 s per call, 3–4× tfjs-wasm; its N = 32 rows show the ratio); --all measures it';
  }
  return null;
}
