/** Sizes and element strides of a batch (SPEC §5): every layout goes through the same kernels. */
import type { Geometry } from './backends/backend.js';
import type { DType, Layout, PixelData } from './types.js';

export function dtypeOf(data: PixelData): DType {
  return data instanceof Float32Array ? 'float32' : 'uint8';
}

/** shape is [N, C, H, W] for NCHW and [N, H, W, C] for NHWC. */
export function geometry(shape: readonly number[], layout: Layout, dtype: DType): Geometry {
  if (layout === 'NCHW') {
    const [n, c, h, w] = shape;
    return { n, c, h, w, layout, dtype, sn: c * h * w, sc: h * w, sy: w, sx: 1 };
  }
  const [n, h, w, c] = shape;
  return { n, c, h, w, layout, dtype, sn: h * w * c, sc: 1, sy: w * c, sx: c };
}

