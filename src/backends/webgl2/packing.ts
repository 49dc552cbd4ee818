/**
 * The GPU layout of batchmix (docs/gpu-layout.md), shared by every shader: a batch, or a page of it,
 * is ONE TEXTURE_2D, so one draw covers all its samples.
 *
 *   The page's samples lie one after another as one linear run of elements, each sample's `sn`
 *   elements in the batch's own memory order (NCHW or NHWC: no reordering on upload), four elements
 *   per RGBA texel, texels row-major in rows of texW = 2^shift texels:
 *     element e of the page's slot j  →  g = j·sn + e,  texel q = g >> 2 at (q mod texW, q >> shift),
 *     component g & 3.
 *   A sample may start in the middle of a texel when sn is not a multiple of 4. Texels past the
 *   last element are padding.
 *
 * float32 batches are RGBA32F textures (the float values themselves, so that a TF.js tensor's
 * texture from `dataToGPU({ customTexShape: [rows, 2^s] })` is a valid page); uint8 batches are
 * RGBA8UI textures holding 0..255. A batch larger than one texture is split into pages of whole
 * samples: page p holds samples [p·perPage, min(n, (p + 1)·perPage)), all pages of one width.
 */
import type { DType } from '../../types.js';
import { fail } from '../../errors.js';

export interface Packing {
  /** Texels per row of every page (2^shift). */
  readonly texW: number;
  readonly shift: number;
  /** Elements of one sample. */
  readonly sn: number;
  /** Samples one page holds at most. */
  readonly perPage: number;
  /** Bytes per texel of the dtype's format (16 for RGBA32F, 4 for RGBA8UI). */
  readonly texelBytes: number;
}

/** Bytes per RGBA texel of a dtype's texture format. */
export function texelBytes(dtype: DType): number {
  return dtype === 'float32' ? 16 : 4;
}

/** The largest power of two ≤ n (n ≥ 1). */
export function floorPow2(n: number): number {
  return 2 ** Math.floor(Math.log2(n));
}

/** Texel rows that `count` samples of `pack` fill (at least 1). */
export function rowsFor(pack: Packing, count: number): number {
  return Math.max(1, Math.ceil(Math.ceil((count * pack.sn) / 4) / pack.texW));
}

/**
 * The packing of n samples of `sn` elements into pages at most `maxSize` texels tall and
 * floorPow2(maxSize) wide, at most `maxSamples` samples per page: perPage = the most samples that fit
 * (≤ n), texW the smallest power of two ≥ √(texels of a full page) and ≥ texels / maxSize (squarish
 * targets keep rasterisers busy on whole quads). Throws TOO_LARGE when one sample does not fit.
 */
export function packBatch(n: number, sn: number, dtype: DType, maxSize: number, maxSamples: number, what: string): Packing {
  const maxW = floorPow2(maxSize);
  // The params texture (4 texels per sample) must fit too: at most maxW·maxSize / 4 samples.
  const capacity = Math.min(Math.floor((4 * maxW * maxSize) / Math.max(1, sn)), Math.floor((maxW * maxSize) / 4));
  if (capacity < 1) {
    fail('TOO_LARGE', `${what}: one sample of ${sn} elements needs ${Math.ceil(sn / 4)} RGBA texels, more than a ` +
      `${maxW}×${maxSize} texture holds (maxTextureSize ${maxSize}); no packing fits`);
  }
  const perPage = Math.max(1, Math.min(n, maxSamples, capacity));
  const texels = Math.ceil((perPage * sn) / 4);
  let texW = 1;
  while (texW < maxW && (texW * texW < texels || texW * maxSize < texels)) texW *= 2;
  return { texW, shift: Math.log2(texW), sn, perPage, texelBytes: texelBytes(dtype) };
}
