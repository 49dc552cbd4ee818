/**
 * Draws the MixParams of one batch of N images of H×W (SPEC §2, §3). The draw order is fixed:
 *
 *   1. op choice: one uniform, always (choose.ts); 'identity' stops here (index = 0…N−1, λ = 1).
 *   2. λ draws, Beta(α, α) each (two Gammas, beta.ts): 1 in 'batch' mode, N in 'elem' and 'pair'
 *      (draw k belongs to sample k). ResizeMix maps each: λ = β·(lamMax − lamMin) + lamMin.
 *   3. the partner vector `index` (partners.ts; Fisher–Yates for 'permutation' / 'derangement').
 *   4. box draws, paste ops only (boxes.ts: cy before cx; or cut_h, cut_w, y0, x0 with minmax):
 *      'batch' one box from λ_0 for all; 'elem' one per sample i from λ_i, i ascending; 'pair' one
 *      per cycle of `index`, from the λ of the cycle's smallest member, cycles by that member
 *      ascending. Every member of a cycle shares its λ and box, so i and index[i] always do
 *      (for 'mirror' the cycles are {i, N−1−i}: timm's pair mode).
 *
 * lam[i] (float32): Mixup the drawn λ; paste ops 1 − box area/(H·W) when correctLam or minmax, else
 * the drawn λ. Boxes are computed from the float64 λ, as NumPy does.
 */
import { fail } from '../errors.js';
import type { NormalizedOptions } from '../options.js';
import type { MixParams, Mode } from '../types.js';
import { sampleBeta } from './beta.js';
import { checkMinmax, correctedLam, randBox, randBoxMinmax } from './boxes.js';
import { chooseAugment } from './choose.js';
import { checkPartners, samplePartners } from './partners.js';
import type { Rng } from './rng.js';

/** owner[i]: the sample whose λ draw (and box) sample i uses; owner[i] ≤ i. */
function ownersOf(mode: Mode, index: Int32Array): Int32Array {
  const n = index.length;
  const owner = new Int32Array(n);
  if (mode === 'elem') return owner.map((_, i) => i);
  if (mode === 'batch') return owner;
  owner.fill(-1);
  for (let i = 0; i < n; i++) {
    // The first unvisited sample, scanning up, is the smallest member of its cycle.
    for (let j = i; owner[j] < 0; j = index[j]) owner[j] = i;
  }
  return owner;
}

/** One MixParams for n images of h×w from the options' augments, mode and partner kind. */
export function sampleParams(rng: Rng, options: NormalizedOptions, n: number, h: number, w: number): MixParams {
  for (const [name, v] of [['N', n], ['H', h], ['W', w]] as const) {
    if (!Number.isSafeInteger(v) || v < 1) fail('BAD_SHAPE', `sample: ${name} must be a positive integer, got ${String(v)}`);
  }
  // Everything that can fail is checked before the first draw: a failed call leaves the generator
  // as it was, and a bad minmax fails on every call, not only when its op happens to be chosen.
  for (const a of options.augments) if (a.minmax) checkMinmax(`sample (${a.op})`, a.minmax, h, w);
  checkPartners(options.partner, n);

  const aug = chooseAugment(rng, options.augments);
  if (!aug) return { op: 'identity', index: new Int32Array(n).map((_, i) => i), lam: new Float32Array(n).fill(1) };

  const raw = new Float64Array(options.mode === 'batch' ? 1 : n);
  for (let k = 0; k < raw.length; k++) raw[k] = sampleBeta(rng, aug.alpha, aug.alpha) * (aug.lamMax - aug.lamMin) + aug.lamMin;
  const index = samplePartners(rng, options.partner, n);
  const owner = ownersOf(options.mode, index);
  const lam = new Float32Array(n);
  if (aug.op === 'mixup') {
    for (let i = 0; i < n; i++) lam[i] = raw[owner[i]];
    return { op: 'mixup', index, lam };
  }

  const correct = aug.correctLam || aug.minmax !== null;
  const boxes = new Int32Array(4 * n);
  for (let i = 0; i < n; i++) {
    const o = owner[i];
    if (o === i) {
      const box = aug.minmax ? randBoxMinmax(rng, aug.minmax, h, w) : randBox(rng, raw[i], h, w);
      boxes.set(box, 4 * i);
      lam[i] = correct ? correctedLam(box, h, w) : raw[i];
    } else {
      boxes.copyWithin(4 * i, 4 * o, 4 * o + 4);
      lam[i] = lam[o];
    }
  }
  return aug.op === 'resizemix' ? { op: 'resizemix', index, lam, boxes, interpolation: aug.interpolation } : { op: 'cutmix', index, lam, boxes };
}
