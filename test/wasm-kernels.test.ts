/**
 * The wasm kernels against the js oracle (SPEC §6), over dtypes (float32, uint8, uint8clamped),
 * layouts, C in {1, 3, 4, 5}, odd sizes (1×1, widths 1..17 that are not multiples of 4 or 16, and
 * 16 itself), N = 1 and N = 5 with several partner maps (cycles, fixed points, maps that are not
 * permutations), empty, whole, border and one-pixel boxes, in place and out of place, and for
 * ResizeMix all five interpolation modes (the planner's taps) and random taps.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createWasmBackend, type WasmBackend } from '../src/backends/wasm/index.js';
import { halves } from '../src/backends/wasm/taps.js';
import { axisTaps, resizeTapsFor } from '../src/plan/taps.js';
import type { Layout } from '../src/types.js';
import { lcg, type TestDType } from './helpers/data.js';
import { compare, expected, indexKinds, INTERPOLATIONS, makeCase, randomAxis, runCase, type Case, type Op } from './wasm-cases.js';

const DTYPES: readonly TestDType[] = ['float32', 'uint8', 'uint8clamped'];
const LAYOUTS: readonly Layout[] = ['NCHW', 'NHWC'];
const CHANNELS = [1, 3, 4, 5] as const;
const SIZES: readonly [number, number][] = [[1, 1], [1, 17], [3, 5], [5, 7], [2, 13], [4, 16], [6, 9], [9, 3], [8, 22]];

let wasm: WasmBackend;
beforeAll(async () => {
  wasm = await createWasmBackend();
});

/**
 * Runs a case on wasm and checks it against the oracle: out of place and in place on plain arrays
 * (these run in one scratch batch, through the in-place kernels), then with the input resident in
 * wasm memory (allocBatch): into a plain array and into a resident one (the out-of-place kernels),
 * and in place. Out of place, the input is left as it was.
 */
async function check(c: Case, what: string): Promise<number> {
  const want = await expected(c);
  const src = c.batch.data.slice();
  const before = src.slice();
  const dst = src.slice().fill(7);
  await runCase(wasm, c, src, dst);
  expect(src, `${what}: out of place leaves src untouched`).toEqual(before);
  let differ = compare(c, dst, want, `${what} (out of place)`);
  await runCase(wasm, c, src, src);
  differ += compare(c, src, want, `${what} (in place)`);
  const resident = () => wasm.allocBatch(c.batch.shape, c.batch.layout, c.geom.dtype);
  const [a, b] = [resident(), resident()];
  a.data.set(before);
  b.data.fill(7);
  const plain = before.slice().fill(7);
  await runCase(wasm, c, a.data, plain);
  differ += compare(c, plain, want, `${what} (resident → plain)`);
  await runCase(wasm, c, a.data, b.data);
  differ += compare(c, b.data, want, `${what} (resident → resident)`);
  expect(Array.from(a.data), `${what}: a resident src is left untouched`).toEqual(Array.from(before));
  await runCase(wasm, c, a.data, a.data);
  differ += compare(c, a.data, want, `${what} (resident, in place)`);
  wasm.freeBatch(a);
  wasm.freeBatch(b);
  return differ;
}

function forSizes(op: Op, dtype: TestDType, layout: Layout, ch: number, body: (c: Case, what: string) => Promise<void>) {
  return async () => {
    let seed = 1;
    for (const [h, w] of SIZES) {
      for (const n of [1, 5]) {
        for (const index of indexKinds(n)) {
          seed++;
          const what = `${op} ${dtype} ${layout} C=${ch} ${h}×${w} N=${n} index=[${index.join(',')}]`;
          await body(makeCase(op, n, ch, h, w, layout, dtype, seed, index), what);
        }
      }
    }
  };
}

describe.each(DTYPES)('%s', (dtype) => {
  describe.each(LAYOUTS)('%s', (layout) => {
    for (const ch of CHANNELS) {
      it(`blend (Mixup), C=${ch}`, forSizes('blend', dtype, layout, ch, async (c, what) => {
        expect(await check(c, what), `${what}: elements not bit-identical to the oracle`).toBe(0);
      }));

      it(`paste (CutMix), C=${ch}`, forSizes('paste', dtype, layout, ch, async (c, what) => {
        await check(c, what);
      }));

      it(`resizePaste (ResizeMix), C=${ch}, all interpolation modes and random taps`, forSizes('resizePaste', dtype, layout, ch, async (c, what) => {
        const [h, w] = [c.geom.h, c.geom.w];
        let differ = 0;
        for (const mode of INTERPOLATIONS) {
          const t = resizeTapsFor(c.boxes, c.geom.n, h, w, mode);
          differ += await check({ ...c, ...t }, `${what} ${mode}`);
        }
        const rnd = lcg(c.geom.n * 31 + h * 7 + w);
        const t = resizeTapsFor(c.boxes, c.geom.n, h, w, 'bilinear');
        const taps = t.taps.map((e) => ({ y: randomAxis(h, e.y.outSize, rnd), x: randomAxis(w, e.x.outSize, rnd) }));
        differ += await check({ ...c, taps, tapOf: t.tapOf }, `${what} random taps`);
        expect(differ, `${what}: elements not bit-identical to the oracle (same float32 order)`).toBe(0);
      }));
    }
  });
});

describe('uint8 rounding', () => {
  it('Mixup is integer: w = round(λ·2^14), out = (a·w + b·(2^14 − w) + 2^13) >> 14 (SPEC §5)', async () => {
    // λ = 0.49999997 (float32 just below 0.5): w = ⌊8191.9995 + 0.5⌋ = 8192, so a = 1, b = 0 gives
    // (8192 + 8192) >> 14 = 1 (the float32 path rounded 0.49999997 down to 0: within 1, by design).
    const lam = new Float32Array([0.49999997, 0.5, 0.25]);
    expect(lam[0]).toBeLessThan(0.5);
    const n = 3, len = 40; // 40 elements per image: SIMD body and scalar tail
    const src = new Uint8Array(n * len);
    src.fill(1, 0, len); // image 0 = 1, image 1 = 0, image 2 = 2
    src.fill(2, 2 * len);
    const geom = { n, c: 1, h: 1, w: len, layout: 'NCHW' as const, dtype: 'uint8' as const, sn: len, sc: len, sy: len, sx: 1 };
    const dst = new Uint8Array(n * len);
    await wasm.blend({ src, dst, geom, index: new Int32Array([1, 0, 1]), lam });
    expect(Array.from(new Set(dst.subarray(0, len)))).toEqual([1]); // w = 8192: 0.5·1 + 0.5·0 → 1
    expect(Array.from(new Set(dst.subarray(len, 2 * len)))).toEqual([1]); // 0.5·0 + 0.5·1 = 0.5 → 1
    expect(Array.from(new Set(dst.subarray(2 * len)))).toEqual([1]); // w = 4096: 0.25·2 + 0.75·0 = 0.5 → 1
  });

  it('clamps bicubic overshoot for uint8 (0 and 255), keeps it for float32', async () => {
    const h = 4, w = 8;
    const row = [0, 0, 0, 255, 255, 0, 0, 0];
    const data = Uint8Array.from({ length: h * w }, (_, e) => row[e % w]);
    const geom = { n: 1, c: 1, h, w, layout: 'NCHW' as const, dtype: 'uint8' as const, sn: h * w, sc: h * w, sy: w, sx: 1 };
    const boxes = new Int32Array([0, 4, 0, 5]);
    const t = resizeTapsFor(boxes, 1, h, w, 'bicubic');
    const dst = new Uint8Array(h * w);
    await wasm.resizePaste({ src: data, dst, geom, index: new Int32Array([0]), boxes, ...t });
    const f = Float32Array.from(data);
    const fdst = new Float32Array(h * w);
    await wasm.resizePaste({ src: f, dst: fdst, geom: { ...geom, dtype: 'float32' }, index: new Int32Array([0]), boxes, ...t });
    const box = (a: ArrayLike<number>) => Array.from({ length: 5 }, (_, x) => a[x]);
    expect(Math.min(...box(fdst))).toBeLessThan(0);
    expect(Math.max(...box(fdst))).toBeGreaterThan(255);
    expect(box(dst)).toEqual(box(fdst).map((v) => Math.min(255, Math.max(0, Math.floor(v + 0.5)))));
  });
});

describe('uint8 halving path (bilinear and area at scale 0.5)', () => {
  it('is chosen exactly for halving taps', () => {
    expect(halves(axisTaps(16, 8, 'bilinear'))).toBe(true);
    expect(halves(axisTaps(22, 11, 'area'))).toBe(true);
    expect(halves(axisTaps(2, 1, 'bilinear'))).toBe(true);
    for (const [i, o, m] of [[16, 8, 'bicubic'], [16, 8, 'nearest'], [17, 8, 'bilinear'], [16, 16, 'bilinear'], [12, 4, 'area']] as const) {
      expect(halves(axisTaps(i, o, m)), `${i}→${o} ${m}`).toBe(false);
    }
  });

  it.each([1, 2, 3, 4, 8, 9, 12])('agrees with the oracle bit for bit, NHWC C=%i, odd widths, in and out of place', async (ch) => {
    for (const [h, w] of [[2, 2], [6, 10], [4, 34], [10, 46]] as const) {
      const n = 3;
      const base = makeCase('resizePaste', n, ch, h, w, 'NHWC', 'uint8', h * w + ch, new Int32Array([1, 2, 2]));
      const boxes = new Int32Array([0, h / 2, 0, w / 2, h / 2, h, w / 2, w, 1, 1 + h / 2, 1, 1 + w / 2]);
      for (const mode of ['bilinear', 'area'] as const) {
        const c = { ...base, boxes, ...resizeTapsFor(boxes, n, h, w, mode) };
        expect(c.taps.every((t) => halves(t.x) && halves(t.y))).toBe(true);
        expect(await check(c, `halving C=${ch} ${h}×${w} ${mode}`), 'bit-identical').toBe(0);
      }
    }
  });
});
