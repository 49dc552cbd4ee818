/**
 * Mixed params through the API (src/mixed.ts), beyond the parity of test/helpers/mixed-suite.ts:
 * one kernel job per op with exactly that op's samples, identity samples never handed to a kernel;
 * a job that fails leaves the caller's data as it was (in place and options.out); wasm batches
 * that live in its memory, while that memory grows; and the bad-input cases of SPEC §7
 * (perSample with mode 'batch', mixed params with the wrong ops, boxes or λ) with nothing written.
 */
import { describe, expect, it } from 'vitest';
import type { BlendJob, KernelBackend, PasteJob, ResizePasteJob } from '../src/backends/backend.js';
import { createJsBackend } from '../src/backends/js/index.js';
import { BatchMixError, createBatchMix, type MixParams } from '../src/index.js';
import { geometry } from '../src/geometry.js';
import { runMixed, samplesByOp } from '../src/mixed.js';
import { forEachBackend, mixer } from './helpers/backends.js';
import { copyBatch, randomBatch } from './helpers/data.js';
import { mixedParams } from './helpers/mixed-suite.js';
import { expectCode } from './helpers/errors.js';


type Call = { kernel: string; samples: number[]; inPlace: boolean };

/** The js backend, recording each call; `failOn` makes that kernel throw before writing anything. */
function recording(failOn?: string): { k: KernelBackend; calls: Call[] } {
  const js = createJsBackend();
  const calls: Call[] = [];
  const rec = (kernel: string, job: BlendJob | PasteJob | ResizePasteJob): void => {
    calls.push({ kernel, samples: job.samples ? [...job.samples] : [], inPlace: job.src === job.dst });
    if (kernel === failOn) throw new BatchMixError('CONTEXT_LOST', `test: ${kernel} lost its context`);
  };
  return {
    calls,
    k: {
      name: 'js',
      blend: (j) => { rec('blend', j); js.blend(j); },
      paste: (j) => { rec('paste', j); js.paste(j); },
      resizePaste: (j) => { rec('resizePaste', j); js.resizePaste(j); },
      dispose: () => js.dispose(),
    },
  };
}

describe('runMixed: one kernel job per op', () => {
  const input = randomBatch(12, 3, 9, 11, 'NCHW', 'float32', 4);
  const g = geometry(input.shape, 'NCHW', 'float32');
  const p = mixedParams(12, 9, 11, 1, 'bilinear');
  const by = samplesByOp(p.ops!);

  it('calls blend, paste and resizePaste once each, with exactly their samples; identity samples go to no kernel', async () => {
    for (const [inPlace, fresh] of [[false, true], [false, false], [true, false]] as const) {
      const { k, calls } = recording();
      const src = input.data.slice();
      const dst = inPlace ? src : new Float32Array(src.length);
      await runMixed(k, p, g, { src: () => src, dst: () => dst, inPlace, fresh });
      expect(calls.map((c) => c.kernel)).toEqual(['blend', 'paste', 'resizePaste']);
      expect(calls.map((c) => c.samples)).toEqual([[...by.mixup], [...by.cutmix], [...by.resizemix]]);
      // With several jobs in place, or into the caller's out, the jobs write a scratch (never in place).
      expect(calls.every((c) => !c.inPlace)).toBe(true);
      for (const i of by.identity) expect(dst.subarray(i * g.sn, (i + 1) * g.sn)).toEqual(input.data.subarray(i * g.sn, (i + 1) * g.sn));
    }
  });

  it('one op (and the identity) runs in place on the batch itself', async () => {
    const q: MixParams = { ...p, ops: p.ops!.map((o) => (o === 'identity' ? o : 'mixup')), boxes: new Int32Array(4 * 12) };
    const { k, calls } = recording();
    const src = input.data.slice();
    await runMixed(k, q, g, { src: () => src, dst: () => src, inPlace: true, fresh: false });
    expect(calls).toEqual([{ kernel: 'blend', samples: [...samplesByOp(q.ops!).mixup], inPlace: true }]);
  });

  it('all identity: no kernel call; out of place a copy', async () => {
    const q: MixParams = { ...p, ops: new Array(12).fill('identity'), lam: new Float32Array(12).fill(1), boxes: new Int32Array(48) };
    const { k, calls } = recording();
    const dst = new Float32Array(input.data.length);
    await runMixed(k, q, g, { src: () => input.data, dst: () => dst, inPlace: false, fresh: true });
    expect(calls).toEqual([]);
    expect(dst).toEqual(input.data);
  });

  it('a job that fails leaves the caller\'s batch (in place) and out (options.out) as they were', async () => {
    for (const failOn of ['paste', 'resizePaste']) {
      const src = input.data.slice();
      const { k } = recording(failOn);
      await expectCode(runMixed(k, p, g, { src: () => src, dst: () => src, inPlace: true, fresh: false }), 'CONTEXT_LOST');
      expect(src).toEqual(input.data);
      const out = new Float32Array(src.length).fill(5);
      await expectCode(runMixed(recording(failOn).k, p, g, { src: () => src, dst: () => out, inPlace: false, fresh: false }), 'CONTEXT_LOST');
      expect(out.every((v) => v === 5)).toBe(true);
    }
  });
});

describe('wasm: mixed params on batches in wasm memory', () => {
  it('in place and into a resident out, also when the memory grows during the call', async () => {
    const mix = await mixer('wasm');
    const oracle = await mixer('js');
    for (const [n, seed] of [[6, 1], [24, 2]] as const) {
      const input = randomBatch(n, 3, 64, 64, 'NHWC', 'uint8', seed);
      const labels = Int32Array.from({ length: n }, (_, i) => i % 10);
      const p = mixedParams(n, 64, 64, seed, 'bilinear');
      const ref = (await oracle.apply(input, labels, p)).images.data;
      const a = mix.allocBatch(input.shape, 'NHWC', 'uint8');
      a.data.set(input.data);
      const out = mix.allocBatch(input.shape, 'NHWC', 'uint8');
      await mix.apply(a, labels, p, { out });
      expect(out.data).toEqual(ref);
      await mix.apply(a, labels, p, { inPlace: true });
      expect(a.data).toEqual(ref);
      mix.freeBatch(a);
      mix.freeBatch(out);
    }
    mix.dispose();
    oracle.dispose();
  });

  it('the memory does grow during such a call, and the batch\'s live view is what gets written', async () => {
    const { createWasmBackend } = await import('../src/backends/wasm/index.js');
    const k = await createWasmBackend();
    const input = randomBatch(24, 3, 64, 64, 'NHWC', 'uint8', 2);
    const g = geometry(input.shape, 'NHWC', 'uint8');
    const p = mixedParams(24, 64, 64, 2, 'bilinear');
    const ref = input.data.slice();
    await runMixed(createJsBackend(), p, g, { src: () => ref, dst: () => ref, inPlace: true, fresh: false });
    const a = k.allocBatch(input.shape, 'NHWC', 'uint8');
    a.data.set(input.data);
    const before = k.memoryStats().capacity;
    await runMixed(k, p, g, { src: () => a.data, dst: () => a.data, inPlace: true, fresh: false });
    expect(k.memoryStats().capacity).toBeGreaterThan(before);
    expect(a.data).toEqual(ref);
    k.dispose();
  });
});

describe('webgl2: mixed params in chunks (limits forced small)', () => {
  it('each job chunks its own samples and reads the partners it needs; equals the oracle', async () => {
    const oracle = await mixer('js');
    for (const maxLayers of [2, 3]) {
      const mix = await mixer('webgl2', { webgl2: { limits: { maxLayers } } });
      for (const seed of [1, 2, 3]) {
        const input = randomBatch(11, 3, 7, 9, 'NHWC', 'float32', seed);
        const labels = Int32Array.from({ length: 11 }, (_, i) => i % 10);
        const p = mixedParams(11, 7, 9, seed, 'nearest');
        const ref = (await oracle.apply(input, labels, p)).images.data;
        const got = (await mix.apply(input, labels, p)).images.data;
        for (let e = 0; e < ref.length; e++) {
          if (!(Math.abs(got[e] - ref[e]) <= 1e-6 * (1 + Math.abs(ref[e])))) expect.fail(`maxLayers ${maxLayers} seed ${seed}: element ${e}: ${got[e]} vs ${ref[e]}`);
        }
        const inPlace = copyBatch(input);
        await mix.apply(inPlace, labels, p, { inPlace: true });
        expect(inPlace.data).toEqual(got);
      }
      mix.dispose();
    }
    oracle.dispose();
  });
});

describe('gpu.apply (GPU-resident, webgl2) with mixed params', () => {
  // The one-pass GPU layout (docs/gpu-layout.md) has no per-op sample subsets for GPU-resident
  // batches yet: gpu.apply refuses mixed params clearly, and writes nothing.
  it('refuses mixed params with BAD_PARAMS naming the way out, and leaves the batch as it was', async () => {
    const mix = await mixer('webgl2');
    const gpu = mix.gpu();
    const input = randomBatch(9, 3, 11, 7, 'NCHW', 'float32', 1);
    const labels = Int32Array.from({ length: 9 }, (_, i) => i);
    const p = mixedParams(9, 11, 7, 1, 'bicubic');
    const g = gpu.upload(input);
    await expectCode(() => gpu.apply(g, labels, p), 'BAD_PARAMS', /mixed.*apply on CPU arrays/);
    await expectCode(() => gpu.apply(g, labels, p, { inPlace: true }), 'BAD_PARAMS', /mixed/);
    expect(gpu.read(g).data).toEqual(input.data);
    gpu.release(g);
    mix.dispose();
  });
});

describe('bad input: perSample and mixed params (SPEC §7)', () => {
  it("perSample with mode 'batch' → BAD_OPTIONS naming the fix", async () => {
    await expectCode(createBatchMix({ numClasses: 3, augments: { op: 'mixup', alpha: 1 }, perSample: true, backend: 'js' }),
      'BAD_OPTIONS', /perSample: true needs mode 'elem' or 'pair'.*got mode 'batch'/);
    await expectCode(createBatchMix({ numClasses: 3, augments: { op: 'mixup', alpha: 1 }, perSample: 'yes' as never, mode: 'elem', backend: 'js' }),
      'BAD_OPTIONS', /perSample must be a boolean/);
  });

  const n = 4, h = 6, w = 5;
  const good = (): MixParams => ({
    op: 'mixed', ops: ['mixup', 'cutmix', 'identity', 'resizemix'], index: Int32Array.of(1, 2, 3, 0),
    lam: Float32Array.of(0.3, 0.5, 1, 0.6), boxes: Int32Array.of(0, 0, 0, 0, 1, 4, 0, 3, 2, 2, 0, 5, 0, 6, 1, 3), interpolation: 'bicubic',
  });
  const cases: [string, (p: MixParams) => unknown, RegExp][] = [
    ['ops missing', (p) => ({ ...p, ops: undefined }), /\(mixed\): params\.ops must be a list of N = 4 ops/],
    ['ops too short', (p) => ({ ...p, ops: p.ops!.slice(1) }), /params\.ops must have length N = 4, got 3/],
    ['ops too long', (p) => ({ ...p, ops: [...p.ops!, 'mixup'] }), /params\.ops must have length N = 4, got 5/],
    ['an unknown op', (p) => ({ ...p, ops: ['mixup', 'fmix', 'identity', 'resizemix'] }), /params\.ops\[1\] must be one of mixup, cutmix, resizemix, identity, got "fmix"/],
    ['mixed inside ops', (p) => ({ ...p, ops: ['mixed', 'cutmix', 'identity', 'resizemix'] }), /params\.ops\[0\] must be one of/],
    ['boxes missing', (p) => ({ ...p, boxes: undefined }), /\(mixed\): params\.boxes is required/],
    ['boxes of the wrong length', (p) => ({ ...p, boxes: p.boxes!.subarray(4) }), /params\.boxes must have length 16, got 12/],
    ['a box outside the image', (p) => ({ ...p, boxes: Int32Array.from(p.boxes!, (v, e) => (e === 5 ? 9 : v)) }), /box 1 must satisfy 0 ≤ y0 ≤ y1 ≤ 6/],
    ['a box on a mixup sample', (p) => ({ ...p, boxes: Int32Array.from(p.boxes!, (v, e) => (e < 4 ? [0, 2, 0, 2][e] : v)) }),
      /box 0 must be empty \(y0 = y1 or x0 = x1\) because ops\[0\] is 'mixup', which pastes nothing; got \[0, 2, 0, 2\]/],
    ['a box on an identity sample', (p) => ({ ...p, boxes: Int32Array.from(p.boxes!, (v, e) => (e >= 8 && e < 12 ? [1, 2, 1, 2][e - 8] : v)) }),
      /box 2 must be empty .* ops\[2\] is 'identity'/],
    ['λ ≠ 1 on an identity sample', (p) => ({ ...p, lam: Float32Array.of(0.3, 0.5, 0.9, 0.6) }), /params\.lam\[2\] must be 1 because ops\[2\] is 'identity'.*got 0\.89999/],
    ['interpolation with no resizemix sample', (p) => ({ ...p, ops: ['mixup', 'cutmix', 'identity', 'cutmix'] }), /interpolation is only for resizemix samples/],
    ['an unknown interpolation', (p) => ({ ...p, interpolation: 'lanczos' }), /params\.interpolation must be one of .* got "lanczos"/],
    ['ops on a one-op call', (p) => ({ ...p, op: 'cutmix' }), /\(cutmix\): params\.ops is only for op 'mixed'/],
    ['index out of range', (p) => ({ ...p, index: Int32Array.of(1, 2, 4, 0) }), /params\.index\[2\] must be in \[0, 4\)/],
  ];

  forEachBackend((backend) => {
    for (const [name, make, text] of cases) {
      it(`${name} → BAD_PARAMS, nothing written (in place, options.out)`, async () => {
        const mix = await mixer(backend, { numClasses: 3 });
        const batch = randomBatch(n, 2, h, w, 'NCHW', 'float32', 3);
        const labels = Int32Array.of(0, 1, 2, 0);
        expect((await mix.apply(batch, labels, good())).images.data).toHaveLength(batch.data.length);
        const before = batch.data.slice();
        const out = copyBatch(batch);
        out.data.fill(4);
        await expectCode(mix.apply(batch, labels, make(good()) as MixParams, { inPlace: true }), 'BAD_PARAMS', text);
        await expectCode(mix.apply(batch, labels, make(good()) as MixParams, { out }), 'BAD_PARAMS', text);
        expect(batch.data).toEqual(before);
        expect(out.data.every((v: number) => v === 4)).toBe(true);
        mix.dispose();
      });
    }
  }, ['js', 'wasm']);

  it('labels for mixed params follow each sample\'s λ (identity one-hot, with smoothing too)', async () => {
    const mix = await mixer('js', { numClasses: 3, labelSmoothing: 0.3 });
    const batch = randomBatch(n, 2, h, w, 'NCHW', 'uint8', 3);
    const res = await mix.apply(batch, Int32Array.of(0, 1, 2, 0), good());
    const row = (i: number) => Array.from(res.labels.subarray(3 * i, 3 * i + 3));
    const sm = (c: number) => [0, 1, 2].map((j) => (j === c ? 0.7 : 0) + 0.1);
    expect(row(2).map((v) => Math.fround(v))).toEqual(sm(2).map(Math.fround));
    const want0 = sm(0).map((v, j) => 0.3 * v + 0.7 * sm(1)[j]);
    row(0).forEach((v, j) => expect(Math.abs(v - want0[j])).toBeLessThanOrEqual(1e-6));
    mix.dispose();
  });
});

