/**
 * Bad input (SPEC §7): every public entry point throws a BatchMixError with a stable code and a
 * message naming the argument; after a failed call the caller's data is as it was.
 */
import { describe, expect, it } from 'vitest';
import { BatchMixError, createBatchMix, type MixParams } from '../src/index.js';
import type { ErrorCode } from '../src/errors.js';
import { forEachBackend, mixer } from './helpers/backends.js';
import { randomBatch } from './helpers/data.js';
import { expectCode } from './helpers/errors.js';


const base = { numClasses: 4, augments: [{ op: 'mixup' as const, alpha: 1 }], backend: 'js' as const };

describe('createBatchMix options', () => {
  it.each([
    ['alpha 0', { augments: [{ op: 'mixup', alpha: 0 }] }, /alpha/],
    ['alpha < 0', { augments: [{ op: 'mixup', alpha: -1 }] }, /alpha/],
    ['alpha NaN', { augments: [{ op: 'cutmix', alpha: NaN }] }, /alpha/],
    ['prob > 1', { augments: [{ op: 'mixup', alpha: 1, prob: 1.5 }] }, /prob/],
    ['prob < 0', { augments: [{ op: 'mixup', alpha: 1, prob: -0.1 }] }, /prob/],
    ['probs over 1', { augments: [{ op: 'mixup', alpha: 1, prob: 0.6 }, { op: 'cutmix', alpha: 1, prob: 0.5 }] }, /prob|sum/],
    ['unknown op', { augments: [{ op: 'fmix', alpha: 1 }] }, /op/],
    ['no augments', { augments: [] }, /augments/],
    ['numClasses 0', { numClasses: 0 }, /numClasses/],
    ['numClasses 2.5', { numClasses: 2.5 }, /numClasses/],
    ['minmax reversed', { augments: [{ op: 'cutmix', alpha: 1, minmax: [0.8, 0.2] }] }, /minmax/],
    ['unknown mode', { mode: 'sample' }, /mode/],
    ['unknown partner', { partner: 'shuffle' }, /partner/],
    ['labelSmoothing 1', { labelSmoothing: 1 }, /labelSmoothing/],
  ])('%s → BAD_OPTIONS', async (_name, patch, text) => {
    await expectCode(createBatchMix({ ...base, ...patch } as never), 'BAD_OPTIONS', text);
  });

  it('an unknown backend name is refused', async () => {
    await expectCode(createBatchMix({ ...base, backend: 'cuda' } as never), 'BAD_OPTIONS', /backend/);
  });
});

describe('sample', () => {
  it('rejects bad shapes and layouts', async () => {
    const mix = await createBatchMix(base);
    await expectCode(() => mix.sample([0, 3, 8, 8], 'NCHW'), 'BAD_SHAPE', /N/);
    await expectCode(() => mix.sample([2, 3, 0, 8], 'NCHW'), 'BAD_SHAPE', /H/);
    await expectCode(() => mix.sample([2, 8, 0, 3], 'NHWC'), 'BAD_SHAPE', /W/);
    await expectCode(() => mix.sample([2, 3, 8], 'NCHW'), 'BAD_SHAPE');
    await expectCode(() => mix.sample([2, 3, 8, 8], 'CHWN' as never), 'BAD_LAYOUT', /layout/);
  });

  it('minmax with an empty integer range for the image size → EMPTY_RANGE', async () => {
    const mix = await createBatchMix({ ...base, augments: [{ op: 'cutmix', alpha: 1, minmax: [0.3, 0.35] }] });
    await expectCode(() => mix.sample([2, 3, 4, 4], 'NCHW'), 'EMPTY_RANGE', /minmax/);
  });
});

forEachBackend((backend) => {
  const batch = () => randomBatch(3, 3, 6, 5, 'NCHW', 'float32', 5);
  const ids = new Int32Array([0, 1, 3]);
  const good = (): MixParams => ({ op: 'cutmix', index: new Int32Array([2, 0, 1]), lam: new Float32Array([0.5, 0.5, 0.5]), boxes: new Int32Array([1, 3, 1, 4, 0, 6, 0, 5, 2, 2, 0, 5]) });

  async function rejectsAndKeepsData(patch: (b: ReturnType<typeof batch>, p: MixParams) => [unknown, unknown, unknown], code: ErrorCode, inPlace = false) {
    const mix = await mixer(backend, { numClasses: 4 });
    const b = batch();
    const p = good();
    const [bb, labels, pp] = patch(b, p);
    const before = b.data.slice();
    await expectCode(mix.apply(bb as never, labels as never, pp as never, { inPlace }), code);
    expect(b.data).toEqual(before);
    mix.dispose();
  }

  it('wrong data length for the shape → BAD_SHAPE', () =>
    rejectsAndKeepsData((b, p) => [{ ...b, data: b.data.subarray(1) }, ids, p], 'BAD_SHAPE'));
  it('an unknown dtype → BAD_DTYPE', () =>
    rejectsAndKeepsData((b, p) => [{ ...b, data: new Int16Array(b.data.length) }, ids, p], 'BAD_DTYPE'));
  it('an unknown layout → BAD_LAYOUT', () =>
    rejectsAndKeepsData((b, p) => [{ ...b, layout: 'HWC' }, ids, p], 'BAD_LAYOUT'));
  it('label ids out of range → BAD_LABELS, in place too', () =>
    rejectsAndKeepsData((b, p) => [b, new Int32Array([0, 4, 1]), p], 'BAD_LABELS', true));
  it('negative label ids → BAD_LABELS', () =>
    rejectsAndKeepsData((b, p) => [b, new Int32Array([0, -1, 1]), p], 'BAD_LABELS', true));
  it('soft labels with the wrong K → BAD_LABELS', () =>
    rejectsAndKeepsData((b, p) => [b, new Float32Array(3 * 5), p], 'BAD_LABELS', true));
  it('index of the wrong length → BAD_PARAMS', () =>
    rejectsAndKeepsData((b, p) => [b, ids, { ...p, index: new Int32Array([0, 1]) }], 'BAD_PARAMS', true));
  it('index out of range → BAD_PARAMS', () =>
    rejectsAndKeepsData((b, p) => [b, ids, { ...p, index: new Int32Array([0, 3, 1]) }], 'BAD_PARAMS', true));
  it('lam of the wrong length → BAD_PARAMS', () =>
    rejectsAndKeepsData((b, p) => [b, ids, { ...p, lam: new Float32Array(4) }], 'BAD_PARAMS', true));
  it('lam NaN or above 1 → BAD_PARAMS', async () => {
    await rejectsAndKeepsData((b, p) => [b, ids, { ...p, lam: new Float32Array([0.5, NaN, 0.5]) }], 'BAD_PARAMS', true);
    await rejectsAndKeepsData((b, p) => [b, ids, { ...p, lam: new Float32Array([0.5, 1.5, 0.5]) }], 'BAD_PARAMS', true);
  });
  it('boxes of the wrong length or outside the image → BAD_PARAMS', async () => {
    await rejectsAndKeepsData((b, p) => [b, ids, { ...p, boxes: new Int32Array(8) }], 'BAD_PARAMS', true);
    await rejectsAndKeepsData((b, p) => [b, ids, { ...p, boxes: new Int32Array([0, 7, 0, 5, 0, 1, 0, 1, 0, 1, 0, 1]) }], 'BAD_PARAMS', true);
    await rejectsAndKeepsData((b, p) => [b, ids, { ...p, boxes: new Int32Array([3, 2, 0, 5, 0, 1, 0, 1, 0, 1, 0, 1]) }], 'BAD_PARAMS', true);
  });
  it('cutmix params without boxes, or an unknown op → BAD_PARAMS', async () => {
    await rejectsAndKeepsData((b, p) => [b, ids, { ...p, boxes: undefined }], 'BAD_PARAMS', true);
    await rejectsAndKeepsData((b, p) => [b, ids, { ...p, op: 'mosaic' }], 'BAD_PARAMS', true);
    await rejectsAndKeepsData((b, p) => [b, ids, { ...p, op: 'resizemix', interpolation: 'lanczos' }], 'BAD_PARAMS', true);
  });
  it('an out batch of another dtype → BAD_DTYPE', async () => {
    const mix = await mixer(backend, { numClasses: 4 });
    const b = batch();
    const out = { ...b, data: new Uint8Array(b.data.length) };
    await expectCode(mix.apply(b, ids, good(), { out }), 'BAD_DTYPE');
    mix.dispose();
  });
  it('a disposed instance → DISPOSED', async () => {
    const mix = await mixer(backend, { numClasses: 4 });
    mix.dispose();
    mix.dispose();
    await expectCode(mix.apply(batch(), ids, good()), 'DISPOSED');
  });
});

describe('wasm memory that cannot grow', () => {
  it('→ OUT_OF_MEMORY, and the caller data is unchanged', async () => {
    const mix = await mixer('wasm', { numClasses: 4, wasm: { maxMemoryBytes: 4 << 20 } });
    const b = randomBatch(8, 3, 224, 224, 'NCHW', 'float32', 9); // 4.8 MB: more than the cap
    const before = b.data.slice();
    const p: MixParams = { op: 'mixup', index: new Int32Array([1, 2, 3, 4, 5, 6, 7, 0]), lam: new Float32Array(8).fill(0.3) };
    await expectCode(mix.apply(b, new Int32Array(8), p, { inPlace: true }), 'OUT_OF_MEMORY');
    expect(b.data).toEqual(before);
    mix.dispose();
  });
});
