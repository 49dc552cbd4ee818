/**
 * Segmentation masks mixed through the image kernels (SPEC §9). A class-id map batch [N, H, W] of
 * B-byte ids (Uint8 B = 1, Uint16 B = 2, Int32 B = 4) is, byte for byte, a uint8 NHWC image batch
 * [N, H, W, B]: the kernels' copies and nearest resizes move whole pixels (all B bytes of one source
 * pixel) and never mix channels, so running that image through paste (CutMix) or resizePaste with
 * 'nearest' taps (ResizeMix, whatever the images use) moves whole ids, exactly, on every backend and
 * in either byte order. Mixup cannot blend ids: its samples keep their maps, and `partnerMasks`
 * holds `masks[index[i]]` for them (for the other samples of mixed params, their own mixed map, so
 * that λ·L(y) + (1 − λ)·L(y') is L(y) there).
 */
import type { Geometry } from '../backends/backend.js';
import { geometry } from '../geometry.js';
import type { MaskBatch, MaskData, MixParams, Op } from '../types.js';
import { opOf } from './ops.js';

/** The maps' bytes as a uint8 NHWC batch [N, H, W, bytes per id] and its geometry. */
export function maskImage(m: MaskBatch): { bytes: Uint8Array; geom: Geometry } {
  const d = m.data;
  const [n, h, w] = m.shape;
  return { bytes: new Uint8Array(d.buffer, d.byteOffset, d.byteLength), geom: geometry([n, h, w, d.BYTES_PER_ELEMENT], 'NHWC', 'uint8') };
}

/** A new map batch of the same type and shape, uninitialised (zeros). */
export function newMasks(m: MaskBatch): MaskBatch {
  const data = new (m.data.constructor as new (len: number) => MaskData)(m.data.length);
  return { data, shape: m.shape };
}

/**
 * The params the maps are mixed with: Mixup samples become identity (ids are not blended);
 * ResizeMix resizes with 'nearest'. Everything else (index, boxes) is the images'.
 */
export function maskParams(p: MixParams): MixParams {
  const asMask = <T extends MixParams['op']>(op: T): T | 'identity' => (op === 'mixup' ? 'identity' : op);
  const q: MixParams = { ...p, op: asMask(p.op) };
  if (p.ops) q.ops = p.ops.map(asMask);
  if (q.op === 'identity') delete q.boxes;
  if (q.op === 'resizemix' || q.op === 'mixed') q.interpolation = 'nearest';
  return q;
}

/**
 * partnerMasks: masks[index[i]] for the Mixup samples, mixed[i] for the others (whole maps, copied).
 * `masks` is the input as it was before the call; `mixed` the maps after it.
 */
export function partnerMasks(p: MixParams, masks: MaskBatch, mixed: MaskBatch): MaskBatch {
  const out = newMasks(masks);
  const [n, h, w] = masks.shape;
  const hw = h * w;
  for (let i = 0; i < n; i++) {
    const from = opOf(p, i) === 'mixup' ? masks.data.subarray(p.index[i] * hw, (p.index[i] + 1) * hw) : mixed.data.subarray(i * hw, (i + 1) * hw);
    out.data.set(from, i * hw);
  }
  return out;
}
