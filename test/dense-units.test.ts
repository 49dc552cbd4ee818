/**
 * The per-sample pieces of the masks path (src/dense/masks.ts, ops.ts): the params maps are mixed
 * with (Mixup samples → identity, ResizeMix → 'nearest'), also for per-sample ('mixed') params, and
 * partnerMasks sample by sample; the byte view of every id type.
 */
import { describe, expect, it } from 'vitest';
import { maskImage, maskParams, partnerMasks } from '../src/dense/masks.js';
import { anySample, opOf } from '../src/dense/ops.js';
import type { MixParams, Op } from '../src/types.js';

const index = new Int32Array([1, 2, 0, 3]);
const lam = new Float32Array([0.2, 0.4, 0.6, 0.8]);
const boxes = new Int32Array([0, 2, 0, 2, 1, 3, 1, 3, 0, 0, 0, 0, 0, 4, 0, 4]);

describe('maskParams', () => {
  it('Mixup becomes identity (no boxes); CutMix stays; ResizeMix resizes with nearest', () => {
    expect(maskParams({ op: 'mixup', index, lam })).toEqual({ op: 'identity', index, lam });
    expect(maskParams({ op: 'identity', index, lam })).toEqual({ op: 'identity', index, lam });
    expect(maskParams({ op: 'cutmix', index, lam, boxes })).toEqual({ op: 'cutmix', index, lam, boxes });
    for (const interpolation of ['bilinear', 'bicubic', 'area', 'nearest-exact', undefined] as const) {
      expect(maskParams({ op: 'resizemix', index, lam, boxes, interpolation })).toEqual({ op: 'resizemix', index, lam, boxes, interpolation: 'nearest' });
    }
  });

  it('per-sample params: each Mixup sample becomes identity, the rest keep their op, resizes are nearest', () => {
    const ops: Op[] = ['mixup', 'cutmix', 'identity', 'resizemix'];
    const p = { op: 'mixed', ops, index, lam, boxes, interpolation: 'bicubic' } as unknown as MixParams;
    const q = maskParams(p) as unknown as { op: string; ops: Op[]; interpolation: string };
    expect(q.op).toBe('mixed');
    expect(q.ops).toEqual(['identity', 'cutmix', 'identity', 'resizemix']);
    expect(q.interpolation).toBe('nearest');
    expect(ops).toEqual(['mixup', 'cutmix', 'identity', 'resizemix']); // the caller's params are untouched
    expect([0, 1, 2, 3].map((i) => opOf(p, i))).toEqual(ops);
    expect(anySample(p, 4, 'mixup')).toBe(true);
    expect(anySample({ op: 'cutmix', index, lam, boxes }, 4, 'mixup')).toBe(false);
  });
});

describe('partnerMasks', () => {
  it('the partner\'s map for Mixup samples, the sample\'s own mixed map for the others', () => {
    const masks = { data: Int32Array.from({ length: 8 }, (_, e) => 100 + e), shape: [4, 1, 2] as const };
    const mixed = { data: Int32Array.from({ length: 8 }, (_, e) => -e), shape: [4, 1, 2] as const };
    const p = { op: 'mixed', ops: ['mixup', 'cutmix', 'mixup', 'identity'], index, lam, boxes } as unknown as MixParams;
    expect(Array.from(partnerMasks(p, masks, mixed).data)).toEqual([102, 103, -2, -3, 100, 101, -6, -7]);
    const all = partnerMasks({ op: 'mixup', index, lam }, masks, mixed);
    expect(all.data).toBeInstanceOf(Int32Array);
    expect(Array.from(all.data)).toEqual([102, 103, 104, 105, 100, 101, 106, 107]);
  });
});

describe('maskImage', () => {
  it('is the ids\' bytes as a uint8 NHWC batch with C = bytes per id, on the same memory', () => {
    for (const T of [Uint8Array, Uint16Array, Int32Array]) {
      const buf = new ArrayBuffer(64);
      const data = new T(buf, 8, 6);
      const { bytes, geom } = maskImage({ data, shape: [1, 2, 3] });
      expect(bytes.buffer).toBe(buf);
      expect(bytes.byteOffset).toBe(8);
      expect(bytes.length).toBe(6 * T.BYTES_PER_ELEMENT);
      expect([geom.n, geom.h, geom.w, geom.c, geom.layout, geom.dtype]).toEqual([1, 2, 3, T.BYTES_PER_ELEMENT, 'NHWC', 'uint8']);
    }
  });
});
