/**
 * The benchmark cases (research/perf-anchors.md §2): which op, which pixel format, which batch size,
 * and the hand-made params every implementation replays. Square images of side S (224 by default).
 *
 * Params, the same for every implementation:
 * - `index` = a fixed permutation: Fisher–Yates driven by the LCG s ← (s·1103515245 + 12345) mod 2^31,
 *   seed 1234, for i = N−1 … 1: j = s mod (i + 1), swap(i, j).
 * - mixup: λ = 0.3 for every sample.
 * - cutmix: the box [m, S−m) × [m, S−m) with m = round(33·S/224) (33:191 at S = 224, 49.75 % of the image).
 * - resizemix at scale r: a side of round(r·S) pixels at offset ⌊(S − side)/2⌋ (r = 0.5: 56:168;
 *   r = 0.63: a 141×141 box at 41:182). λ is the corrected one, 1 − area/S².
 */
import type { Interpolation, Layout, MixParams } from '../src/index.js';

/** The op variants of the issue. `_ip` / `_oop`: in place / out of place. */
export type CaseOp =
  | 'mixup'
  | 'cutmix_ip'
  | 'cutmix_oop'
  | 'resizemix_bilinear_0.5'
  | 'resizemix_bilinear_0.63'
  | 'resizemix_bicubic_0.5';

export const ALL_OPS: readonly CaseOp[] = [
  'mixup', 'cutmix_ip', 'cutmix_oop', 'resizemix_bilinear_0.5', 'resizemix_bilinear_0.63', 'resizemix_bicubic_0.5',
];

/** The pixel formats: float32 NCHW C=3, uint8 NHWC RGBA (C=4), uint8 NHWC RGB (C=3). */
export type Format = 'f32' | 'rgba' | 'rgb';
export const ALL_FORMATS: readonly Format[] = ['f32', 'rgba', 'rgb'];

export interface FormatInfo {
  readonly dtype: 'float32' | 'uint8';
  readonly layout: Layout;
  readonly c: number;
  readonly bytesPerElement: number;
  readonly label: string;
}

export const FORMATS: Readonly<Record<Format, FormatInfo>> = {
  f32: { dtype: 'float32', layout: 'NCHW', c: 3, bytesPerElement: 4, label: 'float32 NCHW' },
  rgba: { dtype: 'uint8', layout: 'NHWC', c: 4, bytesPerElement: 1, label: 'uint8 NHWC RGBA' },
  rgb: { dtype: 'uint8', layout: 'NHWC', c: 3, bytesPerElement: 1, label: 'uint8 NHWC RGB' },
};

export interface Case {
  readonly op: CaseOp;
  readonly format: Format;
  readonly n: number;
  /** Image side (H = W = size). */
  readonly size: number;
}

export interface CaseInfo extends FormatInfo {
  readonly kind: 'mixup' | 'cutmix' | 'resizemix';
  readonly inPlace: boolean;
  readonly interpolation?: Interpolation;
  /** The box of every sample, [y0, y1, x0, x1] (cutmix, resizemix). */
  readonly box?: readonly [number, number, number, number];
  /** shape in the layout's order. */
  readonly shape: readonly [number, number, number, number];
  readonly elements: number;
  /** B: the bytes of one batch. */
  readonly batchBytes: number;
}

/** One key for a case, used in tables and progress lines: `mixup f32 N=32`. */
export function caseKey(c: Case): string {
  return `${c.op} ${c.format} N=${c.n}`;
}

function centredBox(size: number, side: number): [number, number, number, number] {
  const o = Math.floor((size - side) / 2);
  return [o, o + side, o, o + side];
}

/** Sizes, layout, box and interpolation of a case. */
export function caseInfo(c: Case): CaseInfo {
  const f = FORMATS[c.format];
  const s = c.size;
  const shape: [number, number, number, number] = f.layout === 'NCHW' ? [c.n, f.c, s, s] : [c.n, s, s, f.c];
  const elements = c.n * f.c * s * s;
  const base = { ...f, shape, elements, batchBytes: elements * f.bytesPerElement };
  if (c.op === 'mixup') return { ...base, kind: 'mixup', inPlace: false };
  if (c.op === 'cutmix_ip' || c.op === 'cutmix_oop') {
    const m = Math.round((33 * s) / 224);
    return { ...base, kind: 'cutmix', inPlace: c.op === 'cutmix_ip', box: [m, s - m, m, s - m] };
  }
  const [, mode, scale] = c.op.split('_');
  const side = Math.max(1, Math.round(Number(scale) * s));
  return { ...base, kind: 'resizemix', inPlace: false, interpolation: mode as Interpolation, box: centredBox(s, side) };
}

/** The fixed permutation of §2 (see the file comment). */
export function fixedPermutation(n: number): Int32Array {
  const index = Int32Array.from({ length: n }, (_, i) => i);
  let s = 1234;
  for (let i = n - 1; i > 0; i--) {
    s = Number((BigInt(s) * 1103515245n + 12345n) % 2147483648n);
    const j = s % (i + 1);
    const t = index[i];
    index[i] = index[j];
    index[j] = t;
  }
  return index;
}

/** The batchmix params of a case (the same values every peer uses). */
export function caseParams(c: Case): MixParams {
  const info = caseInfo(c);
  const index = fixedPermutation(c.n);
  if (info.kind === 'mixup') return { op: 'mixup', index, lam: new Float32Array(c.n).fill(0.3) };
  const [y0, y1, x0, x1] = info.box!;
  const lam = new Float32Array(c.n).fill(1 - ((y1 - y0) * (x1 - x0)) / (c.size * c.size));
  const boxes = new Int32Array(4 * c.n);
  for (let i = 0; i < c.n; i++) boxes.set(info.box!, 4 * i);
  if (info.kind === 'cutmix') return { op: 'cutmix', index, lam, boxes };
  return { op: 'resizemix', index, lam, boxes, interpolation: info.interpolation };
}

/** The cases of a run: every op × format × N, in that nesting (N outermost, so small batches come first). */
export function allCases(ops: readonly CaseOp[], formats: readonly Format[], ns: readonly number[], size: number): Case[] {
  const out: Case[] = [];
  for (const n of ns) for (const format of formats) for (const op of ops) out.push({ op, format, n, size });
  return out;
}
