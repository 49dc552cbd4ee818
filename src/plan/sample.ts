/**
 * Draws the MixParams of one batch of N images of H×W (SPEC §2, §3). The draw order is fixed.
 *
 * One op per batch (the default, MMClassification's `Augments`):
 *   1. op choice: one uniform, always (choose.ts); 'identity' stops here (index = 0…N−1, λ = 1).
 *   2. λ draws, Beta(α, α) each (two Gammas, beta.ts): 1 in 'batch' mode, N in 'elem' and 'pair'
 *      (draw k belongs to sample k). ResizeMix maps each: λ = β·(lamMax − lamMin) + lamMin.
 *   3. the partner vector `index` (partners.ts; Fisher–Yates for 'permutation' / 'derangement').
 *   4. box draws, paste ops only (boxes.ts: cy before cx; y0 before x0 with placement 'inside';
 *      cut_h, cut_w, y0, x0 with minmax): 'batch' one box from λ_0 for all; 'elem' one per sample i
 *      from λ_i, i ascending; 'pair' one per cycle of `index`, from the λ of the cycle's smallest
 *      member, cycles by that member ascending. Every member of a cycle shares its λ and box, so i
 *      and index[i] always do (for 'mirror' the cycles are {i, N−1−i}: timm's pair mode).
 *
 * One op per sample (`perSample`, modes 'elem' and 'pair'; op 'mixed', timm's elem/pair modes):
 *   1. op choice: N uniforms, uniform k is sample k's (k = 0 … N−1), each through choose.ts.
 *   2. λ draws: for k = 0 … N−1 whose op is not the identity, one Beta(α_k, α_k) of that augment,
 *      mapped with its lamMin and lamMax; an identity sample draws nothing.
 *   3. the partner vector, as above.
 *   4. box draws, as above, for the owners (each sample in 'elem', each cycle's smallest member in
 *      'pair', ascending) whose op pastes, with that augment's minmax or placement.
 *   Every sample draws its op and λ in steps 1–2, so the number of draws before the partners does
 *   not depend on them; in 'pair' a cycle then takes its owner's op, λ and box (the other members'
 *   draws go unused, as the λ draws of 'pair' do above). Per sample: ops[i] = the owner's op;
 *   identity: λ 1, an empty box [0, 0, 0, 0], index[i] stays the drawn partner (nothing is read);
 *   mixup: λ the drawn one, an empty box; paste ops: the owner's box and λ as below.
 *   `interpolation` is set when any sample is resizemix (options.ts makes the augments agree).
 *
 * lam[i] (float32): Mixup the drawn λ; paste ops 1 − box area/(H·W) when correctLam or minmax, else
 * the drawn λ. Boxes are computed from the float64 λ, as NumPy does.
 */
import { fail } from '../errors.js';
import type { NormalizedAugment, NormalizedOptions } from '../options.js';
import type { MixParams, Mode, Op } from '../types.js';
import { sampleBeta } from './beta.js';
import { checkMinmax, correctedLam, randBox, randBoxInside, randBoxMinmax } from './boxes.js';
import { chooseAugment } from './choose.js';
import { checkPartners, samplePartners } from './partners.js';
import type { Rng } from './rng.js';

/** owner[i]: the sample whose λ draw (and box) sample i uses; owner[i] ≤ i. */
export function ownersOf(mode: Mode, index: Int32Array): Int32Array {
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

/** One λ draw of an augment: Beta(α, α)·(lamMax − lamMin) + lamMin (two Gammas). */
function drawLam(rng: Rng, aug: NormalizedAugment): number {
  return sampleBeta(rng, aug.alpha, aug.alpha) * (aug.lamMax - aug.lamMin) + aug.lamMin;
}

/** One box of a paste augment from the float64 λ: minmax, else by its placement. */
function drawBox(rng: Rng, aug: NormalizedAugment, lam: number, h: number, w: number): [number, number, number, number] {
  if (aug.minmax) return randBoxMinmax(rng, aug.minmax, h, w);
  return aug.placement === 'inside' ? randBoxInside(rng, lam, h, w) : randBox(rng, lam, h, w);
}

/** The label λ of a paste augment's box: corrected when correctLam or minmax, else the drawn λ. */
function pasteLam(aug: NormalizedAugment, box: ArrayLike<number>, raw: number, h: number, w: number): number {
  return aug.correctLam || aug.minmax !== null ? correctedLam(box, h, w) : raw;
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
  if (options.perSample) return samplePerSample(rng, options, n, h, w);

  const aug = chooseAugment(rng, options.augments);
  if (!aug) return { op: 'identity', index: new Int32Array(n).map((_, i) => i), lam: new Float32Array(n).fill(1) };

  const raw = new Float64Array(options.mode === 'batch' ? 1 : n);
  for (let k = 0; k < raw.length; k++) raw[k] = drawLam(rng, aug);
  const index = samplePartners(rng, options.partner, n);
  const owner = ownersOf(options.mode, index);
  const lam = new Float32Array(n);
  if (aug.op === 'mixup') {
    for (let i = 0; i < n; i++) lam[i] = raw[owner[i]];
    return { op: 'mixup', index, lam };
  }

  const boxes = new Int32Array(4 * n);
  for (let i = 0; i < n; i++) {
    const o = owner[i];
    if (o === i) {
      const box = drawBox(rng, aug, raw[i], h, w);
      boxes.set(box, 4 * i);
      lam[i] = pasteLam(aug, box, raw[i], h, w);
    } else {
      boxes.copyWithin(4 * i, 4 * o, 4 * o + 4);
      lam[i] = lam[o];
    }
  }
  return aug.op === 'resizemix' ? { op: 'resizemix', index, lam, boxes, interpolation: aug.interpolation } : { op: 'cutmix', index, lam, boxes };
}

/** The perSample draws (steps 1–4 of the second list above); mode 'elem' or 'pair' (options.ts). */
function samplePerSample(rng: Rng, options: NormalizedOptions, n: number, h: number, w: number): MixParams {
  const chosen: (NormalizedAugment | null)[] = [];
  for (let k = 0; k < n; k++) chosen.push(chooseAugment(rng, options.augments));
  const raw = new Float64Array(n).fill(1);
  for (let k = 0; k < n; k++) {
    const aug = chosen[k];
    if (aug) raw[k] = drawLam(rng, aug);
  }
  const index = samplePartners(rng, options.partner, n);
  const owner = ownersOf(options.mode, index);
  const ops: Op[] = new Array<Op>(n);
  const lam = new Float32Array(n);
  const boxes = new Int32Array(4 * n);
  for (let i = 0; i < n; i++) {
    const o = owner[i];
    const aug = chosen[o];
    ops[i] = aug ? aug.op : 'identity';
    if (o !== i) {
      boxes.copyWithin(4 * i, 4 * o, 4 * o + 4);
      lam[i] = lam[o];
    } else if (aug && aug.op !== 'mixup') {
      const box = drawBox(rng, aug, raw[i], h, w);
      boxes.set(box, 4 * i);
      lam[i] = pasteLam(aug, box, raw[i], h, w);
    } else lam[i] = raw[i];
  }
  const resize = options.augments.find((a) => a.op === 'resizemix');
  const p: MixParams = { op: 'mixed', ops, index, lam, boxes };
  if (resize && ops.includes('resizemix')) p.interpolation = resize.interpolation;
  return p;
}
