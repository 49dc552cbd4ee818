/**
 * The masks suite (SPEC §9), run in Node (test/dense-masks.test.ts) and in Chromium
 * (test/dense-masks.browser.test.ts), on every backend: a class-id map batch must come out exactly
 * as its ids would as C = 1 uint8 images mixed with interpolation 'nearest' (for Uint16 and Int32 ids: byte plane by byte
 * plane), for every op and size, whatever the images' interpolation; Mixup keeps the maps and gives
 * the partners' maps; identity keeps them; the result is the same on every backend, in place too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchMix } from '../../src/index.js';
import type { ImageBatch, Interpolation, MaskBatch, MaskData, MixParams, Op } from '../../src/types.js';
import { BACKENDS, forEachBackend, mixer } from './backends.js';
import { edgeBoxes, lcg, randomBatch, randomIndex } from './data.js';

const SIZES: readonly [number, number, number][] = [[1, 1, 1], [3, 5, 7], [4, 9, 17], [2, 23, 19], [5, 13, 6], [2, 32, 48]];
const CASES: readonly { op: Op; interpolation?: Interpolation }[] = [
  { op: 'identity' },
  { op: 'mixup' },
  { op: 'cutmix' },
  ...(['nearest', 'nearest-exact', 'bilinear', 'bicubic', 'area'] as const).map((interpolation) => ({ op: 'resizemix' as const, interpolation })),
];
type MaskKind = 'uint8' | 'uint16' | 'int32';
const KINDS: readonly MaskKind[] = ['uint8', 'uint16', 'int32'];

function paramsFor(op: Op, n: number, h: number, w: number, seed: number, interpolation?: Interpolation): MixParams {
  const rnd = lcg(seed * 11 + 5);
  const index = op === 'identity' ? Int32Array.from({ length: n }, (_, i) => i) : randomIndex(n, seed);
  const lam = Float32Array.from({ length: n }, () => (op === 'identity' ? 1 : rnd()));
  const p: MixParams = { op, index, lam };
  if (op === 'cutmix' || op === 'resizemix') p.boxes = edgeBoxes(n, h, w, seed);
  if (op === 'resizemix') p.interpolation = interpolation;
  return p;
}

function randomMasks(kind: MaskKind, n: number, h: number, w: number, seed: number): MaskBatch {
  const rnd = lcg(seed);
  const len = n * h * w;
  let data: MaskData;
  if (kind === 'uint8') data = Uint8Array.from({ length: len }, () => Math.floor(rnd() * 256));
  else if (kind === 'uint16') data = Uint16Array.from({ length: len }, () => Math.floor(rnd() * 65536));
  else data = Int32Array.from({ length: len }, () => Math.floor(rnd() * 2 ** 32) - 2 ** 31);
  return { data, shape: [n, h, w] };
}

/** Byte plane k of the ids (bits 8k .. 8k+7) as a C = 1 uint8 NHWC image. */
function plane(m: MaskBatch, k: number): ImageBatch {
  const [n, h, w] = m.shape;
  const data = Uint8Array.from(m.data, (v) => (v >>> (8 * k)) & 255);
  return { data, shape: [n, h, w, 1], layout: 'NHWC' };
}

/** The expected maps: every byte plane mixed as a C = 1 uint8 image with 'nearest' (Mixup: identity). */
async function viaImages(mix: BatchMix, m: MaskBatch, p: MixParams, labels: Int32Array): Promise<number[]> {
  const q: MixParams = p.op === 'mixup' ? { op: 'identity', index: p.index, lam: p.lam } : { ...p };
  if (q.op === 'resizemix') q.interpolation = 'nearest';
  const out = new Array<number>(m.data.length).fill(0);
  for (let k = 0; k < m.data.BYTES_PER_ELEMENT; k++) {
    const r = await mix.apply(plane(m, k), labels, q);
    r.images.data.forEach((b, e) => { out[e] += b * 2 ** (8 * k); });
  }
  // Back to the ids' own range (Int32 ids are signed).
  return m.data instanceof Int32Array ? out.map((v) => v | 0) : out;
}

/** Defines the masks suite (once per test file: Node and Chromium). */
export function defineMasksSuite(): void {
  const results = new Map<string, MaskData>();

  forEachBackend((backend) => {
    let mix: BatchMix;
    beforeAll(async () => { mix = await mixer(backend, { numClasses: 4 }); });
    afterAll(() => mix.dispose());

    for (const [n, h, w] of SIZES) {
      for (const { op, interpolation } of CASES) {
        it(`${op}${interpolation ? ` (images: ${interpolation})` : ''} ${n}×${h}×${w}: every id type equals its byte planes mixed as images with 'nearest'`, async () => {
          const labels = new Int32Array(n);
          const batch = randomBatch(n, 3, h, w, 'NHWC', 'uint8', 9);
          for (const [t, kind] of KINDS.entries()) {
            const seed = n * 1000 + h * 10 + w + t;
            const masks = randomMasks(kind, n, h, w, seed);
            const before = masks.data.slice();
            const p = paramsFor(op, n, h, w, seed, interpolation);
            const r = await mix.apply(batch, labels, p, { masks });
            expect(masks.data, 'the input maps are untouched').toEqual(before);
            expect(r.masks!.data.constructor).toBe(masks.data.constructor);
            expect(r.masks!.shape).toEqual([n, h, w]);
            expect(Array.from(r.masks!.data), kind).toEqual(await viaImages(mix, masks, p, labels));
            if (op === 'mixup') {
              const hw = h * w;
              const partners = new (masks.data.constructor as new (n: number) => MaskData)(masks.data.length);
              for (let i = 0; i < n; i++) partners.set(masks.data.subarray(p.index[i] * hw, (p.index[i] + 1) * hw) as never, i * hw);
              expect(r.partnerMasks!.data).toEqual(partners);
              expect(r.masks!.data).toEqual(masks.data);
            } else {
              expect(r.partnerMasks).toBeUndefined();
            }
            if (op === 'identity') expect(r.masks!.data).toEqual(masks.data);
            results.set(`${backend} ${op} ${interpolation} ${n} ${h} ${w} ${kind}`, r.masks!.data);
          }
        });
      }
    }

    it('in place: the caller\'s maps become the result, and equal the out-of-place result', async () => {
      const [n, h, w] = [5, 13, 6];
      const batch = randomBatch(n, 3, h, w, 'NHWC', 'uint8', 2);
      for (const op of ['mixup', 'cutmix', 'resizemix'] as const) {
        for (const kind of KINDS) {
          const p = paramsFor(op, n, h, w, 3, 'bicubic');
          const masks = randomMasks(kind, n, h, w, 77);
          const ref = await mix.apply(batch, new Int32Array(n), p, { masks });
          const own = { data: batch.data.slice(), shape: batch.shape, layout: batch.layout };
          const r = await mix.apply(own, new Int32Array(n), p, { masks, inPlace: true });
          expect(r.masks).toBe(masks);
          expect(masks.data).toEqual(ref.masks!.data);
          if (op === 'mixup') expect(r.partnerMasks!.data).toEqual(ref.partnerMasks!.data);
        }
      }
    });

    it('run mixes the maps with the params it sampled', async () => {
      const m = await mixer(backend, {
        numClasses: 4, seed: 5, mode: 'elem',
        augments: [{ op: 'cutmix', alpha: 1, prob: 0.5 }, { op: 'resizemix', alpha: 1, prob: 0.5, interpolation: 'bilinear' }],
      });
      const [n, h, w] = [4, 20, 30];
      const batch = randomBatch(n, 3, h, w, 'NHWC', 'uint8', 4);
      const masks = randomMasks('uint16', n, h, w, 8);
      for (let k = 0; k < 4; k++) {
        const r = await m.run(batch, new Int32Array(n), { masks });
        expect(Array.from(r.masks!.data)).toEqual(await viaImages(m, masks, r.params, new Int32Array(n)));
      }
      m.dispose();
    });
  });

  describe('masks agree across backends', () => {
    it('every case gives the same maps on js, wasm and webgl2', () => {
      const keys = [...results.keys()].filter((k) => k.startsWith('js '));
      expect(keys.length).toBe(SIZES.length * CASES.length * KINDS.length);
      for (const key of keys) {
        for (const b of BACKENDS.slice(1)) {
          const other = results.get(key.replace(/^js /, `${b} `));
          expect(other, `${b}: ${key}`).toBeDefined();
          expect(other, `${b}: ${key}`).toEqual(results.get(key));
        }
      }
    });
  });
}
