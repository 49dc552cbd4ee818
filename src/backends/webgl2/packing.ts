/**
 * How a sample lies in a texture layer (the GPU layout of batchmix, shared by every shader):
 * one TEXTURE_2D_ARRAY layer per sample; the sample's `sn` elements, in the batch's own memory order
 * (NCHW or NHWC, so no reordering on upload), four per RGBA texel, texels row-major:
 *   element e of sample i  →  layer i, texel q = ⌊e / 4⌋ at (q mod texW, ⌊q / texW⌋), component e mod 4.
 * float32 batches are RGBA32UI textures holding the float32 bit patterns (every WebGL2 context can
 * render to RGBA32UI, so no float render target is needed and copies are bit-exact); uint8 batches are
 * RGBA8UI textures holding 0..255. Texels past element sn − 1 are padding.
 */
import type { DType } from '../../types.js';
import { fail } from '../../errors.js';

export interface Packing {
  /** Texels per row and rows of a layer. */
  readonly texW: number;
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

/**
 * The packing of `sn` elements per sample into layers no wider or taller than `maxSize` texels:
 * T = ⌈sn/4⌉ texels, texW the smallest divisor of T in [⌈√T⌉, 2⌈√T⌉] (so 4·texW·texH = sn when sn
 * is a multiple of 4: exact), else texW = ⌈√T⌉ and texH = ⌈T/texW⌉ with padding. Squarish layers
 * keep rasterisers busy on whole 2×2 quads. Throws TOO_LARGE when T > maxSize².
 */
export function packLayer(sn: number, dtype: DType, maxSize: number, what: string): Packing {
  const t = Math.ceil(sn / 4);
  if (t > maxSize * maxSize) {
    fail('TOO_LARGE', `${what}: one sample of ${sn} elements needs ${t} RGBA texels, more than the ` +
      `${maxSize}×${maxSize} texels a ${maxSize}-wide layer can hold (maxTextureSize ${maxSize}); no packing fits`);
  }
  const root = Math.max(Math.ceil(Math.sqrt(t)), Math.ceil(t / maxSize));
  let texW = Math.min(root, maxSize);
  for (let w = texW; w <= Math.min(2 * root, maxSize); w++) {
    if (t % w === 0 && t / w <= maxSize) { texW = w; break; }
  }
  const texH = Math.ceil(t / texW);
  const layerElems = 4 * texW * texH;
  return { texW, texH, layerElems, sn, exact: layerElems === sn, layerBytes: texW * texH * texelBytes(dtype) };
}
