/**
 * The bytes an op must move at least (reads + writes), as research/perf-anchors.md §2 counts them:
 * the numerator of "effective GB/s" and what the memory bound is scaled to. B = the batch's bytes,
 * f = the box's share of the image, t = the share of a source image that the resize reads.
 *
 * - mixup (out of place):     3B            read x[i], read x[index[i]], write out
 * - cutmix out of place:      2B            every output byte read once (from x[i] or the partner) and written once
 * - cutmix in place:          2fB           read the partner's box, write the box
 * - resizemix out of place:   (1 − f)B + tB + B   x outside the box, the partner's taps, the whole output
 * - resizemix in place:       tB + fB
 *
 * t is counted from the planner's taps (src/plan/taps.ts, the same taps every backend applies): the
 * source rows with a non-zero weight times the source columns with one, over H·W. Bilinear at scale
 * 0.5 and bicubic read every pixel (t = 1); nearest at 0.5 reads a quarter.
 */
import { axisTaps } from '../src/plan/taps.js';
import type { Interpolation } from '../src/index.js';
import { caseInfo, type Case } from './cases.js';

/** Distinct source indices with a non-zero weight, over the axis length. */
function touchedShare(inSize: number, outSize: number, mode: Interpolation): number {
  const taps = axisTaps(inSize, outSize, mode);
  const seen = new Uint8Array(inSize);
  for (let j = 0; j < taps.idx.length; j++) if (taps.wt[j] !== 0) seen[taps.idx[j]] = 1;
  let count = 0;
  for (let i = 0; i < inSize; i++) count += seen[i];
  return count / inSize;
}

/** The minimum bytes moved by one call of case `c` (see the file comment). */
export function bytesMoved(c: Case): number {
  const info = caseInfo(c);
  const B = info.batchBytes;
  if (info.kind === 'mixup') return 3 * B;
  const [y0, y1, x0, x1] = info.box!;
  const f = ((y1 - y0) * (x1 - x0)) / (c.size * c.size);
  if (info.kind === 'cutmix') return info.inPlace ? 2 * f * B : 2 * B;
  const mode = info.interpolation!;
  const t = touchedShare(c.size, y1 - y0, mode) * touchedShare(c.size, x1 - x0, mode);
  return info.inPlace ? t * B + f * B : (1 - f) * B + t * B + B;
}
