/**
 * The kernel interface every backend implements (STYLE: API → plan → kernels). Kernels make no
 * random draws and validate nothing: the API has validated the batch and the params, and the
 * planner has computed every box, λ and resize tap. The same names stand in `glsl/`,
 * `assembly/` and here: blend (Mixup), paste (CutMix), resizePaste (ResizeMix).
 *
 * Every job reads `src` and writes `dst`. `src === dst` (the same array object) means in place;
 * reads must then still see the batch as it was before the call (SPEC §1). Out of place, every
 * element of `dst` is written (pixels outside a box are copied from `src[i]`).
 * uint8 results are integer arithmetic (SPEC §5, src/plan/quantize.ts): Mixup with the weight
 * mixWeight(lam[i]), ResizeMix with the taps' integer weights `q`; CutMix copies.
 */
import type { BackendName, DType, ImageBatch, Layout, PixelData } from '../types.js';

/** A batch's geometry as the kernels see it: sizes and element strides (SPEC §5: strides, not layouts). */
export interface Geometry {
  readonly n: number;
  readonly c: number;
  readonly h: number;
  readonly w: number;
  readonly layout: Layout;
  readonly dtype: DType;
  /** Element strides of sample, channel, row and column. */
  readonly sn: number;
  readonly sc: number;
  readonly sy: number;
  readonly sx: number;
}

/**
 * The taps of one resize axis, computed once by the planner (`src/plan/taps.ts`):
 * `out[o] = Σ_{j<k} wt[o·k + j] · in[idx[o·k + j]]` for o in [0, outSize). Unused taps have weight 0
 * and a valid index. 2-D resizes are separable: `Σ_a Σ_b wy[a]·wx[b]·I[iy[a], ix[b]]`.
 */
export interface AxisTaps {
  readonly inSize: number;
  readonly outSize: number;
  /** Taps per output: 1 (nearest, nearest-exact), 2 (bilinear), 4 (bicubic), ≥ 1 (area). */
  readonly k: number;
  readonly idx: Int32Array;
  readonly wt: Float32Array;
  /**
   * The uint8 integer weights, same layout as wt: `wt·2^14` quantised so that each output's k
   * weights sum to exactly 2^14 (src/plan/quantize.ts has the rule and the integer resize formula).
   */
  readonly q: Int16Array;
}

/** The taps of one destination box size (H×W source → boxH×boxW). */
export interface ResizeTaps {
  readonly y: AxisTaps;
  readonly x: AxisTaps;
}

interface Job {
  readonly src: PixelData;
  readonly dst: PixelData;
  readonly geom: Geometry;
  /** Partner of each sample, length n. */
  readonly index: Int32Array;
}

/**
 * Mixup: `dst[i] = lam[i]·src[i] + (1 − lam[i])·src[index[i]]`, in float32; uint8 with the integer
 * weight mixWeight(lam[i]) (src/plan/quantize.ts).
 */
export interface BlendJob extends Job {
  readonly lam: Float32Array;
}

/** CutMix: `dst[i] = src[i]`, then `dst[i][box_i] = src[index[i]][box_i]`. boxes: [y0, y1, x0, x1] × n. */
export interface PasteJob extends Job {
  readonly boxes: Int32Array;
}

/**
 * ResizeMix: `dst[i] = src[i]`, then `dst[i][box_i] = resize(src[index[i]], boxH_i × boxW_i)`.
 * `taps[tapOf[i]]` are the taps of sample i's box size (one entry per distinct size).
 */
export interface ResizePasteJob extends PasteJob {
  readonly taps: readonly ResizeTaps[];
  readonly tapOf: Int32Array;
}

export interface KernelBackend {
  readonly name: BackendName;
  blend(job: BlendJob): void | Promise<void>;
  paste(job: PasteJob): void | Promise<void>;
  resizePaste(job: ResizePasteJob): void | Promise<void>;
  /**
   * Optional: a batch whose `data` lives in the backend's own memory (wasm), so a caller who fills
   * it pays no copy in or out. `data` is a getter that stays valid when the memory grows.
   */
  allocBatch?(shape: readonly [number, number, number, number], layout: Layout, dtype: DType): ImageBatch;
  /** Release a batch from `allocBatch`. */
  freeBatch?(batch: ImageBatch): void;
  /** Free everything the backend holds. Calling it twice is a no-op. */
  dispose(): void;
}

/** How a backend is created: async, may fail with a reason (kept by the selector). */
export type BackendFactory = () => Promise<KernelBackend>;
