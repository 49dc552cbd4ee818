/**
 * The public data types of batchmix (SPEC §1, §2, §4, §5). Plain data only: everything here
 * serialises to JSON and back (typed arrays as number lists, see `paramsToJSON`).
 */

/** The ops of MMClassification 0.x `Augments`; 'identity' is the leftover probability. */
export type Op = 'mixup' | 'cutmix' | 'resizemix' | 'identity';

/** Where a paste op's box lies (SPEC §3): 'clip' (mmcls, clipped at the borders) or 'inside' (whole side, wholly inside). */
export type Placement = 'clip' | 'inside';

/** PyTorch `F.interpolate(..., align_corners=False)` modes (SPEC §5). */
export type Interpolation = 'nearest' | 'nearest-exact' | 'bilinear' | 'bicubic' | 'area';

export type Layout = 'NCHW' | 'NHWC';

/** Pixel storage: float32 (any range) or uint8 (0..255). */
export type PixelData = Float32Array | Uint8Array | Uint8ClampedArray;

/** 'float32' for Float32Array, 'uint8' for Uint8Array and Uint8ClampedArray. */
export type DType = 'float32' | 'uint8';

/**
 * A batch of N images. `shape` is [N, C, H, W] for 'NCHW' and [N, H, W, C] for 'NHWC';
 * `data.length` is N·C·H·W, in C order for that shape.
 */
export interface ImageBatch<D extends PixelData = PixelData> {
  data: D;
  shape: readonly [number, number, number, number];
  layout: Layout;
}

/**
 * The parameters of one call, drawn by `sample()` and replayed by `apply()` (SPEC §2).
 * - `index[i]`: the partner of sample i, in [0, N).
 * - `lam[i]`: the label weight of sample i's own content (the partner gets 1 − lam[i]);
 *   for 'mixup' also the pixel weight. For paste ops it is the corrected λ when correction is on.
 * - `boxes`: cutmix/resizemix only, 4 per sample, `[y0, y1, x0, x1]` half-open, in destination pixels.
 * - `interpolation`: resizemix only (default 'bilinear'); for 'mixed', when any sample is resizemix.
 * - `op: 'mixed'` (perSample, SPEC §3): `ops[i]` is sample i's op; `boxes` are required (an empty box
 *   for a sample whose op pastes nothing) and an 'identity' sample has λ 1.
 */
export interface MixParams {
  op: Op | 'mixed';
  /** 'mixed' only: the op of each sample, length N. */
  ops?: Op[];
  index: Int32Array;
  lam: Float32Array;
  boxes?: Int32Array;
  interpolation?: Interpolation;
}

/** Labels in: class ids (N) or soft labels (N·K). Out: always Float32Array N·K. */
export type Labels = Int32Array | Float32Array;

export interface MixResult extends DenseResult {
  images: ImageBatch;
  labels: Float32Array;
}

export interface RunResult extends MixResult {
  params: MixParams;
}

/** 'batch': one λ and box for the batch (MMClassification); 'elem': per sample; 'pair': shared by i and index[i]. */
export type Mode = 'batch' | 'elem' | 'pair';

/** 'permutation' (torch.randperm, fixed points allowed), 'mirror' (N−1−i), 'roll' (i−1 mod N), 'derangement'. */
export type Partner = 'permutation' | 'mirror' | 'roll' | 'derangement';

export type BackendName = 'webgl2' | 'wasm' | 'js';
export type BackendChoice = BackendName | 'auto';

/** One entry of `augments` (MMClassification 0.x `BatchMixup` / `BatchCutMix` / `BatchResizeMix`). */
export interface AugmentOptions {
  op: 'mixup' | 'cutmix' | 'resizemix';
  /** Beta(α, α) parameter, finite and > 0. */
  alpha: number;
  /** Probability that this op is chosen for a batch, in [0, 1]; all probs sum to ≤ 1. Default 1 for a single augment. */
  prob?: number;
  /** cutmix/resizemix: use the box area for the label λ (default true; always true with minmax). */
  correctLam?: boolean;
  /** cutmix/resizemix: box sides uniform in [trunc(S·lo), trunc(S·hi)), 0 < lo < hi ≤ 1. */
  minmax?: readonly [number, number];
  /** resizemix: λ = Beta·(lamMax − lamMin) + lamMin; defaults 0.1 and 0.8. */
  lamMin?: number;
  lamMax?: number;
  /** resizemix: default 'bilinear'. */
  interpolation?: Interpolation;
  /** cutmix/resizemix, mmcls boxes: 'clip' (default) or 'inside' (the drawn side, wholly inside the image). */
  placement?: Placement;
}

export interface BatchMixOptions {
  numClasses: number;
  augments: AugmentOptions | readonly AugmentOptions[];
  mode?: Mode;
  partner?: Partner;
  /**
   * Modes 'elem' and 'pair' only: each sample (each cycle of the partners in 'pair') draws its own op
   * with the augments' probs, leftover identity (timm's `prob` and `switch_prob`); params say op 'mixed'.
   */
  perSample?: boolean;
  /** In [0, 1): y = onehot·(1 − s) + s/K before mixing. */
  labelSmoothing?: number;
  /** Seed of the instance's PRNG (any integer; 0 is a real seed). Default 0. */
  seed?: number;
  backend?: BackendChoice;
  /** webgl2 only: a WebGL2 context to use (a canvas's, an OffscreenCanvas's or headless-gl's). */
  gl?: WebGL2RenderingContext;
}

export interface ApplyOptions extends DenseOptions {
  /** Write the result into `batch.data` (reads still see the input as it was). */
  inPlace?: boolean;
  /** Write the result into this batch (same shape, layout and dtype); e.g. one from `allocBatch`. */
  out?: ImageBatch;
}

// ---- Dense targets (SPEC §9; issue 12) ----

/** Class-id maps: one integer class per pixel. */
export type MaskData = Uint8Array | Uint16Array | Int32Array;

/** N class-id maps of H×W, row-major: pixel (y, x) of map i is `data[(i·H + y)·W + x]`. */
export interface MaskBatch<D extends MaskData = MaskData> {
  data: D;
  shape: readonly [number, number, number];
}

/**
 * Per-sample detection boxes, flattened. Box b is `boxes[4b .. 4b+4)` = [x0, y0, x1, y1] in pixels
 * (pixel (y, x) is the unit square [x, x+1) × [y, y+1)), 0 ≤ x0 < x1 ≤ W, 0 ≤ y0 < y1 ≤ H; its class
 * is `classes[b]` in [0, numClasses); sample i owns boxes offsets[i] .. offsets[i+1] − 1 (N + 1 offsets,
 * from 0, ascending, ending at the box count).
 */
export interface Detections {
  boxes: Float32Array;
  classes: Int32Array;
  offsets: Int32Array;
}

/** Mixed detections: `weights[b]` (λ or 1 − λ under Mixup, else 1) and `source[b]`, the sample box b came from. */
export interface MixedDetections extends Detections {
  weights: Float32Array;
  source: Int32Array;
}

/** The dense targets `apply` and `run` take in their options (SPEC §9). */
export interface DenseOptions {
  /** Class-id maps [N, H, W] (the batch's N, H, W), mixed with the images' params; follows `inPlace`. */
  masks?: MaskBatch;
  /** Detection boxes per sample, mixed with the images' params. */
  detections?: Detections;
  /** In [0, 1], default 0: a box whose visible share of its area is below this is dropped. */
  minVisibility?: number;
}

/** What `apply` and `run` add to their result for dense targets. */
export interface DenseResult {
  /** The mixed maps (same type and shape as options.masks). */
  masks?: MaskBatch;
  /** Mixup only (and the Mixup samples of mixed params): the partners' maps, `masks[index[i]]`. */
  partnerMasks?: MaskBatch;
  detections?: MixedDetections;
}
