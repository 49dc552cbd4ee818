/**
 * The parity suite (SPEC §6), defined once and run in Node (test/parity.test.ts) and in Chromium
 * (test/parity.browser.test.ts): every backend runs the same cases through the public API and is
 * compared with the js oracle: every op × dtype × layout × interpolation, in place and out of place,
 * odd sizes (1×1, widths that are not multiples of 4 or 16), N = 1, empty and border boxes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchMix } from '../../src/index.js';
import type { ImageBatch, Interpolation, Layout, MixParams, Op } from '../../src/types.js';
import { forEachBackend, mixer } from './backends.js';
import { copyBatch, edgeBoxes, lcg, paramsFor, randomBatch, randomIndex, type TestDType } from './data.js';

const SIZES: readonly [number, number, number, number][] = [
  // n, c, h, w
  [1, 1, 1, 1],
  [1, 3, 5, 7],
  [3, 4, 9, 17],
  [5, 3, 13, 6],
  [4, 5, 8, 33],
  [2, 2, 23, 19],
];
const CASES: readonly { op: Op; interpolation?: Interpolation }[] = [
  { op: 'identity' },
  { op: 'mixup' },
  { op: 'cutmix' },
  ...(['nearest', 'nearest-exact', 'bilinear', 'bicubic', 'area'] as const).map((interpolation) => ({ op: 'resizemix' as const, interpolation })),
];
const DTYPES: readonly TestDType[] = ['float32', 'uint8', 'uint8clamped'];
const LAYOUTS: readonly Layout[] = ['NCHW', 'NHWC'];


/** Per-element tolerance of SPEC §6 for this op and dtype; 0 means exact. */
function tolerance(op: Op, dtype: TestDType): (ref: number) => number {
  // uint8 is integer arithmetic (SPEC §5, src/plan/quantize.ts): exact across backends.
  if (op === 'identity' || op === 'cutmix' || dtype !== 'float32') return () => 0;
  return op === 'mixup' ? (r) => 1e-6 * (1 + Math.abs(r)) : (r) => 2e-5 * (1 + Math.abs(r));
}

function isInsideBox(p: MixParams, b: ImageBatch, e: number): boolean {
  if (!p.boxes) return true;
  const [n0, a, b2, c] = b.shape;
  void n0;
  const [h, w, ch] = b.layout === 'NCHW' ? [b2, c, a] : [a, b2, c];
  const per = ch * h * w;
  const i = Math.floor(e / per), r = e % per;
  const [y, x] = b.layout === 'NCHW' ? [Math.floor((r % (h * w)) / w), r % w] : [Math.floor(r / (w * ch)), Math.floor(r / ch) % w];
  const [y0, y1, x0, x1] = p.boxes.subarray(4 * i, 4 * i + 4);
  return y >= y0 && y < y1 && x >= x0 && x < x1;
}

/** Compares `got` with the oracle: within the tolerance inside boxes, exactly outside them. */
function expectParity(got: ImageBatch, ref: ImageBatch, p: MixParams, dtype: TestDType, what: string): void {
  const tol = tolerance(p.op as Op, dtype);
  let bad = -1;
  for (let e = 0; e < ref.data.length; e++) {
    const d = Math.abs(got.data[e] - ref.data[e]);
    const limit = isInsideBox(p, ref, e) ? tol(ref.data[e]) : 0;
    if (!(d <= limit)) { bad = e; break; }
  }
  if (bad >= 0) {
    expect.fail(`${what}: element ${bad}: got ${got.data[bad]}, oracle ${ref.data[bad]} (params ${JSON.stringify({ ...p, index: [...p.index], lam: [...p.lam], boxes: p.boxes && [...p.boxes] })})`);
  }
  expect(got.data.length).toBe(ref.data.length);
  expect(got.data.constructor).toBe(ref.data.constructor);
}

export function defineParitySuite(): void {
  let oracle: BatchMix;
  beforeAll(async () => { oracle = await mixer('js'); });
  afterAll(() => oracle?.dispose());

  forEachBackend((backend) => {
    let mix: BatchMix;
    beforeAll(async () => { mix = await mixer(backend); });
    afterAll(() => mix?.dispose());

    it('uses the backend it was asked for', () => expect(mix.backend).toBe(backend));

    for (const { op, interpolation } of CASES) {
      for (const dtype of DTYPES) {
        for (const layout of LAYOUTS) {
          const name = `${op}${interpolation ? ` ${interpolation}` : ''} ${dtype} ${layout}`;
          it(`${name}: matches the oracle in place and out of place`, async () => {
            for (const [si, [n, c, h, w]] of SIZES.entries()) {
              const seed = si + 1;
              const input = randomBatch(n, c, h, w, layout, dtype, seed);
              const labels = Int32Array.from({ length: n }, (_, i) => (i * 3 + seed) % 10);
              const p = paramsFor(op, n, h, w, seed, interpolation);
              const ref = await oracle.apply(input, labels, p);
              const before = input.data.slice();
              const out = await mix.apply(input, labels, p);
              expect(input.data, `${name}: the input is untouched out of place`).toEqual(before);
              expectParity(out.images, ref.images, p, dtype, `${name} ${n}x${c}x${h}x${w} out of place`);
              for (let k = 0; k < ref.labels.length; k++) expect(Math.abs(out.labels[k] - ref.labels[k])).toBeLessThanOrEqual(1e-6);
              const inPlace = copyBatch(input);
              const res = await mix.apply(inPlace, labels, p, { inPlace: true });
              expect(res.images.data).toBe(inPlace.data);
              expectParity(inPlace, ref.images, p, dtype, `${name} ${n}x${c}x${h}x${w} in place`);
            }
          });
        }
      }
    }

    describe('sampled params', () => {
      it('replays sampled params of every op and mode like the oracle', async () => {
        for (const mode of ['batch', 'elem', 'pair'] as const) {
          for (const op of ['mixup', 'cutmix', 'resizemix'] as const) {
            const opts = { numClasses: 10, augments: [{ op, alpha: 1 }], mode, seed: 7 };
            const sampler = await mixer('js', opts);
            const input = randomBatch(6, 3, 16, 21, 'NHWC', 'float32', 11);
            const labels = Int32Array.from({ length: 6 }, (_, i) => i);
            const p = sampler.sample(input.shape, 'NHWC');
            sampler.dispose();
            const ref = await oracle.apply(input, labels, p);
            const got = await mix.apply(input, labels, p);
            expectParity(got.images, ref.images, p, 'float32', `sampled ${op} ${mode}`);
          }
        }
      });
    });
  });
}
