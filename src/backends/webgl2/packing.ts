/**
 * How a sample lies in a texture layer (the GPU layout of batchmix, shared by every shader):
 * one TEXTURE_2D_ARRAY layer per sample; the sample's `sn` elements, in the batch's own memory order
 * (NCHW or NHWC, so no reordering on upload), four per RGBA texel, texels row-major in rows of
 * texW = 2^shift texels (a power of two, so that shaders address texels with shifts and masks):
 *   element e of sample i  →  layer i, texel q = ⌊e / 4⌋ at (q mod texW, ⌊q / texW⌋), component e mod 4.
 * float32 batches are RGBA32UI textures holding the float32 bit patterns (every WebGL2 context can
 * render to RGBA32UI, so no float render target is needed and copies are bit-exact); uint8 batches are
 * RGBA8UI textures holding 0..255. Texels past element sn − 1 are padding.
 */
import type { DType } from '../../types.js';
import { fail } from '../../errors.js';

export interface Packing {
  /** Texels per row (2^shift) and rows of a layer. */
  readonly texW: number;
  readonly shift: number;
  readonly texH: number;
  /** Elements one layer holds (4·texW·texH ≥ sn) and elements of one sample. */
  readonly layerElems: number;
  readonly sn: number;
  /** layerElems === sn: a run of samples is one contiguous block of the batch (one upload call). */
  readonly exact: boolean;
  /** Bytes of one layer on the GPU (16 per texel for float32, 4 for uint8). */
  readonly layerBytes: number;
}

/** Bytes per RGBA texel of a dtype's texture format. */
export function texelBytes(dtype: DType): number {
  return dtype === 'float32' ? 16 : 4;
}

/** The largest power of two ≤ n (n ≥ 1). */
export function floorPow2(n: number): number {
  return 2 ** Math.floor(Math.log2(n));
}

/**
 * The packing of `sn` elements per sample into layers at most `maxSize` texels tall and
 * floorPow2(maxSize) wide: T = ⌈sn/4⌉ texels; texW the smallest power of two ≥ √T (and ≥ T/maxSize),
 * or a power of two down to an eighth of it that divides T (then 4·texW·texH = sn when 4 | sn:
 * exact); texH = ⌈T/texW⌉. Squarish layers keep rasterisers busy on whole 2×2 quads.
 * Throws TOO_LARGE when T > floorPow2(maxSize)·maxSize.
 */
export function packLayer(sn: number, dtype: DType, maxSize: number, what: string): Packing {
  const t = Math.ceil(sn / 4);
  const maxW = floorPow2(maxSize);
  if (t > maxW * maxSize) {
    fail('TOO_LARGE', `${what}: one sample of ${sn} elements needs ${t} RGBA texels, more than a ` +
      `${maxW}×${maxSize} layer holds (maxTextureSize ${maxSize}); no packing fits`);
  }
  let texW = 1;
  while (texW < maxW && (texW * texW < t || texW * maxSize < t)) texW *= 2;
  for (let w = texW; w >= Math.max(1, texW / 8) && w * maxSize >= t; w /= 2) {
    if (t % w === 0) { texW = w; break; }
  }
  const texH = Math.ceil(t / texW);
  const layerElems = 4 * texW * texH;
  return { texW, shift: Math.log2(texW), texH, layerElems, sn, exact: layerElems === sn, layerBytes: texW * texH * texelBytes(dtype) };
}
