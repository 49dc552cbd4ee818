/**
 * Mixed params (op 'mixed', one op per sample) on every backend, defined once and run in Node
 * (test/mixed.test.ts, webgl2 on headless-gl under Xvfb) and in Chromium (test/mixed.browser.test.ts):
 *
 * 1. The kernel contract `Job.samples`: a job writes exactly its listed samples, in place and out
 *    of place, and they equal the same job run on every sample; the other samples of dst keep
 *    whatever they held (a sentinel out of place, the input in place).
 * 2. `apply` with mixed params equals the composite oracle: sample i of the result is sample i of
 *    the js oracle's result for the one-op params (ops[i], index, λ, boxes); identity samples are the
 *    input. Out of place (fresh and options.out), in place, every dtype and layout, partners that
 *    cross ops (a Mixup sample read by a CutMix sample that ResizeMix reads …), fixed points, maps
 *    that are not permutations, empty boxes. SPEC §6 tolerances per sample's op.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KernelBackend } from '../../src/backends/backend.js';
import { createJsBackend } from '../../src/backends/js/index.js';
import { geometry } from '../../src/geometry.js';
import type { BatchMix } from '../../src/index.js';
import { resizeTapsFor } from '../../src/plan/taps.js';
import type { BackendName, ImageBatch, Interpolation, Layout, MixParams, Op, PixelData } from '../../src/types.js';
import { forEachBackend, mixer } from './backends.js';
import { copyBatch, edgeBoxes, lcg, randomBatch, randomIndex, type TestDType } from './data.js';

const OPS: readonly Op[] = ['mixup', 'cutmix', 'resizemix', 'identity'];
const DTYPES: readonly TestDType[] = ['float32', 'uint8', 'uint8clamped'];
const LAYOUTS: readonly Layout[] = ['NCHW', 'NHWC'];
const SIZES: readonly [number, number, number, number][] = [[1, 1, 1, 1], [4, 3, 5, 7], [7, 4, 9, 17], [9, 3, 13, 6], [12, 1, 8, 33]];

/** A kernel backend by name, made directly (never a fallback). */
async function kernelBackend(name: BackendName): Promise<KernelBackend> {
  if (name === 'js') return createJsBackend();
  if (name === 'wasm') return (await import('../../src/backends/wasm/index.js')).createWasmBackend();
  return (await import('../../src/backends/webgl2/index.js')).createWebGL2Backend();
}

/** Partners: a permutation, one that crosses every op in a cycle, and a map that is not a permutation. */
function partnersFor(n: number, seed: number): Int32Array {
  if (seed % 3 === 0) return randomIndex(n, seed);
  if (seed % 3 === 1) return Int32Array.from({ length: n }, (_, i) => (i + 1) % n);
  const rnd = lcg(seed);
  return Int32Array.from({ length: n }, () => Math.floor(rnd() * n));
}

/** Hand-made mixed params: ops cycling with a seed-dependent offset, consistent λ and boxes. */
export function mixedParams(n: number, h: number, w: number, seed: number, interpolation: Interpolation): MixParams {
  const rnd = lcg(seed * 13 + 5);
  const ops = Array.from({ length: n }, (_, i) => OPS[(i + seed) % OPS.length]);
  const index = partnersFor(n, seed);
  const edge = edgeBoxes(n, h, w, seed);
  const boxes = new Int32Array(4 * n);
  const lam = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    if (ops[i] === 'cutmix' || ops[i] === 'resizemix') boxes.set(edge.subarray(4 * i, 4 * i + 4), 4 * i);
    else if (i % 2 === 1) boxes.set([Math.min(i, h), Math.min(i, h), 0, w], 4 * i); // an empty box of another form
    lam[i] = ops[i] === 'identity' ? 1 : i === 0 ? [0, 1, 0.5][seed % 3] : rnd();
  }
  const p: MixParams = { op: 'mixed', ops, index, lam, boxes };
  if (ops.includes('resizemix')) p.interpolation = interpolation;
  return p;
}

/** The one-op params that sample i of mixed params follows. */
function oneOp(p: MixParams, op: Op): MixParams {
  const n = p.index.length;
  if (op === 'identity') return { op, index: Int32Array.from({ length: n }, (_, i) => i), lam: new Float32Array(n).fill(1) };
  if (op === 'mixup') return { op, index: p.index, lam: p.lam };
  return { op, index: p.index, lam: p.lam, boxes: p.boxes, ...(op === 'resizemix' ? { interpolation: p.interpolation } : {}) };
}

/** The composite oracle: sample i from the js oracle's result for ops[i]. */
async function composite(oracle: BatchMix, input: ImageBatch, labels: Int32Array, p: MixParams): Promise<PixelData> {
  const g = geometry(input.shape, input.layout, input.data instanceof Float32Array ? 'float32' : 'uint8');
  const out = input.data.slice();
  for (const op of new Set(p.ops)) {
    const res = await oracle.apply(input, labels, oneOp(p, op));
    p.ops!.forEach((o, i) => { if (o === op) out.set(res.images.data.subarray(i * g.sn, (i + 1) * g.sn), i * g.sn); });
  }
  return out;
}

/** SPEC §6 per sample's op, as the parity suite applies it. */
function tolerance(op: Op, dtype: TestDType, ref: number): number {
  if (op === 'identity' || op === 'cutmix') return 0;
  if (dtype !== 'float32') return 1;
  return op === 'mixup' ? 1e-6 * (1 + Math.abs(ref)) : 2e-5 * (1 + Math.abs(ref));
}

function expectMixed(got: PixelData, ref: PixelData, p: MixParams, sn: number, dtype: TestDType, what: string, exact = false): void {
  expect(got.length, what).toBe(ref.length);
  expect(got.constructor, what).toBe(ref.constructor);
  for (let e = 0; e < ref.length; e++) {
    const op = p.ops![Math.floor(e / sn)];
    const tol = exact ? 0 : tolerance(op, dtype, ref[e]);
    if (!(Math.abs(got[e] - ref[e]) <= tol) && !(Number.isNaN(got[e]) && Number.isNaN(ref[e]))) {
      expect.fail(`${what}: element ${e} (sample ${Math.floor(e / sn)}, ${op}): got ${got[e]}, oracle ${ref[e]}`);
    }
  }
}

export function defineMixedSuite(): void {
  describe('Job.samples: a job writes exactly its listed samples', () => {
    const js = createJsBackend();
    forEachBackend((name) => {
      let k: KernelBackend;
      beforeAll(async () => { k = await kernelBackend(name); });
      afterAll(() => k?.dispose());

      for (const kernel of ['blend', 'paste', 'resizePaste'] as const) {
        it(`${kernel}: listed samples as the full job, the others untouched, in place and out of place`, async () => {
          for (const [si, [n, c, h, w]] of SIZES.entries()) {
            for (const dtype of ['float32', 'uint8'] as const) {
              const layout = LAYOUTS[si % 2];
              const input = randomBatch(n, c, h, w, layout, dtype, si + 3);
              const g = geometry(input.shape, layout, dtype);
              const index = partnersFor(n, si + 1);
              const lam = Float32Array.from({ length: n }, (_, i) => (i * 0.37) % 1);
              const boxes = edgeBoxes(n, h, w, si + 2);
              const t = resizeTapsFor(boxes, n, h, w, 'bilinear');
              const run = (b: KernelBackend, src: PixelData, dst: PixelData, samples?: Int32Array) =>
                kernel === 'blend' ? b.blend({ src, dst, geom: g, index, lam, samples })
                  : kernel === 'paste' ? b.paste({ src, dst, geom: g, index, boxes, samples })
                    : b.resizePaste({ src, dst, geom: g, index, boxes, ...t, samples });
              const full = input.data.slice();
              await run(js, input.data, full);
              // Every other sample, and the samples of one sample's partner chain.
              for (const samples of [Int32Array.from({ length: n }, (_, i) => i).filter((i) => i % 2 === si % 2), Int32Array.of(n - 1), new Int32Array(0)]) {
                const listed = new Set(samples);
                const what = `${name} ${kernel} ${dtype} ${n}x${c}x${h}x${w} samples [${[...samples]}]`;
                const out = input.data.slice().fill(7);
                await run(k, input.data, out, samples);
                const inPlace = input.data.slice();
                await run(k, inPlace, inPlace, samples);
                // wasm: batches in its own memory take the direct paths (in place with the cycle
                // schedule, and plain src → resident dst, resident src → plain dst).
                const results: [PixelData, PixelData, string][] = [[out, input.data.slice().fill(7), 'out of place'], [inPlace, input.data, 'in place']];
                if (k.allocBatch) {
                  const res = (fill?: number) => {
                    const b = k.allocBatch!(input.shape, layout, dtype);
                    if (fill === undefined) b.data.set(input.data); else b.data.fill(fill);
                    return b;
                  };
                  const a = res(), d = res(7), e = res(), f = res(7);
                  await run(k, a.data, a.data, samples);
                  await run(k, input.data, d.data, samples);
                  const plain = input.data.slice().fill(7);
                  await run(k, e.data, plain, samples);
                  await run(k, e.data, f.data, samples);
                  results.push([a.data.slice(), input.data, 'resident in place'], [d.data.slice(), plain.slice().fill(7), 'plain → resident'],
                    [plain, input.data.slice().fill(7), 'resident → plain'], [f.data.slice(), input.data.slice().fill(7), 'resident → resident']);
                  for (const b of [a, d, e, f]) k.freeBatch!(b);
                }
                for (let i = 0; i < n; i++) {
                  const seg = (a: PixelData) => Array.from(a.subarray(i * g.sn, (i + 1) * g.sn));
                  if (!listed.has(i)) {
                    for (const [got, before, how] of results) expect(seg(got), `${what} ${how}: sample ${i} untouched`).toEqual(seg(before));
                  } else {
                    const tol = kernel === 'paste' ? 0 : dtype === 'uint8' ? (name === 'js' ? 0 : 1) : kernel === 'blend' ? 1e-6 : 2e-5;
                    for (const [got, , how] of results) {
                      const a = seg(got), b = seg(full);
                      const bad = a.findIndex((v, e) => !(Math.abs(v - b[e]) <= tol * (dtype === 'float32' ? 1 + Math.abs(b[e]) : 1)));
                      if (bad >= 0) expect.fail(`${what} ${how}: sample ${i} element ${bad}: got ${a[bad]}, full job ${b[bad]}`);
                    }
                  }
                }
              }
            }
          }
        });
      }
    });
  });

  describe('apply with mixed params equals the composite oracle', () => {
    let oracle: BatchMix;
    beforeAll(async () => { oracle = await mixer('js'); });
    afterAll(() => oracle?.dispose());

    forEachBackend((backend) => {
      let mix: BatchMix;
      beforeAll(async () => { mix = await mixer(backend); });
      afterAll(() => mix?.dispose());

      for (const dtype of DTYPES) {
        for (const layout of LAYOUTS) {
          it(`${dtype} ${layout}: out of place, into options.out and in place`, async () => {
            for (const [si, [n, c, h, w]] of SIZES.entries()) {
              for (const seed of [si + 1, si + 2, si + 3]) {
                const interp = (['nearest', 'bilinear', 'bicubic', 'area', 'nearest-exact'] as const)[seed % 5];
                const input = randomBatch(n, c, h, w, layout, dtype, seed);
                const labels = Int32Array.from({ length: n }, (_, i) => (i * 3 + seed) % 10);
                const p = mixedParams(n, h, w, seed, interp);
                const ref = await composite(oracle, input, labels, p);
                const what = `${backend} ${dtype} ${layout} ${n}x${c}x${h}x${w} seed ${seed} ops [${p.ops}] index [${[...p.index]}]`;
                const before = input.data.slice();
                const out = await mix.apply(input, labels, p);
                expect(input.data, `${what}: input untouched`).toEqual(before);
                expectMixed(out.images.data, ref, p, c * h * w, dtype, `${what} out of place`, backend === 'js');
                // Labels: λ·y + (1 − λ)·y', identity one-hot.
                for (let i = 0; i < n; i++) {
                  for (let j = 0; j < 10; j++) {
                    const want = p.lam[i] * (labels[i] === j ? 1 : 0) + (1 - p.lam[i]) * (labels[p.index[i]] === j ? 1 : 0);
                    expect(Math.abs(out.labels[i * 10 + j] - want)).toBeLessThanOrEqual(1e-6);
                  }
                  if (p.ops![i] === 'identity') expect(out.labels[i * 10 + labels[i]]).toBe(1);
                }
                const target = copyBatch(input);
                target.data.fill(9);
                const res = await mix.apply(input, labels, p, { out: target });
                expect(res.images).toBe(target);
                expectMixed(target.data, ref, p, c * h * w, dtype, `${what} options.out`, backend === 'js');
                const inPlace = copyBatch(input);
                await mix.apply(inPlace, labels, p, { inPlace: true });
                expectMixed(inPlace.data, ref, p, c * h * w, dtype, `${what} in place`, backend === 'js');
              }
            }
          });
        }
      }

      it('replays sampled perSample params (elem and pair) like the composite oracle, in place too', async () => {
        for (const mode of ['elem', 'pair'] as const) {
          const sampler = await mixer('js', {
            mode, perSample: true, seed: 3,
            augments: [{ op: 'mixup', alpha: 1, prob: 0.3 }, { op: 'cutmix', alpha: 1, prob: 0.3 }, { op: 'resizemix', alpha: 1, prob: 0.3 }],
          });
          for (let t = 0; t < 3; t++) {
            const input = randomBatch(10, 3, 16, 21, 'NHWC', 'float32', 11 + t);
            const labels = Int32Array.from({ length: 10 }, (_, i) => i);
            const p = sampler.sample(input.shape, 'NHWC');
            expect(p.op).toBe('mixed');
            const ref = await composite(oracle, input, labels, p);
            expectMixed((await mix.apply(input, labels, p)).images.data, ref, p, 3 * 16 * 21, 'float32', `${backend} sampled ${mode}`);
            const inPlace = copyBatch(input);
            await mix.apply(inPlace, labels, p, { inPlace: true });
            expectMixed(inPlace.data, ref, p, 3 * 16 * 21, 'float32', `${backend} sampled ${mode} in place`);
          }
          sampler.dispose();
        }
      });

      it('run() with perSample mixes and returns op mixed', async () => {
        const m = await mixer(backend, { mode: 'elem', perSample: true, seed: 1, augments: [{ op: 'cutmix', alpha: 1, prob: 0.5 }, { op: 'mixup', alpha: 1, prob: 0.5 }] });
        const input = randomBatch(6, 3, 8, 8, 'NCHW', 'uint8', 2);
        const labels = Int32Array.from({ length: 6 }, (_, i) => i);
        const r = await m.run(input, labels);
        expect(r.params.op).toBe('mixed');
        expectMixed(r.images.data, await composite(oracle, input, labels, r.params), r.params, 3 * 64, 'uint8', `${backend} run`);
        m.dispose();
      });
    });
  });
}
