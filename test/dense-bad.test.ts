/**
 * Bad dense targets (SPEC §7, §9): BatchMixError 'BAD_TARGETS' with a message naming the op and the
 * argument, thrown before any kernel runs, so the caller's images, maps and boxes are as they were
 * (checked in place, the hardest case); and the existing bad-input rules still win for bad images/params.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BatchMixError, type BatchMix, type MixParams } from '../src/index.js';
import type { ApplyOptions, Detections } from '../src/types.js';
import { forEachBackend, mixer } from './helpers/backends.js';
import { randomBatch } from './helpers/data.js';

const N = 2, H = 6, W = 8;
const goodDet = (): Detections => ({
  boxes: new Float32Array([1, 1, 4, 5, 0, 0, 8, 6, 2, 2, 3, 3]),
  classes: new Int32Array([1, 2, 0]),
  offsets: new Int32Array([0, 2, 3]),
});
const goodMasks = () => ({ data: Uint16Array.from({ length: N * H * W }, (_, e) => e * 37), shape: [N, H, W] as const });
const withDet = (patch: Partial<Detections>) => ({ detections: { ...goodDet(), ...patch } });
const boxAt = (b: number, v: number[]) => { const d = goodDet(); d.boxes.set(v, 4 * b); return { detections: d }; };

const CASES: [string, ApplyOptions, RegExp][] = [
  ['masks not an object', { masks: 5 as never }, /options\.masks/],
  ['masks Float32Array', { masks: { data: new Float32Array(N * H * W), shape: [N, H, W] } as never }, /masks\.data.*Float32Array/],
  ['masks Uint8ClampedArray', { masks: { data: new Uint8ClampedArray(N * H * W), shape: [N, H, W] } as never }, /masks\.data/],
  ['masks Int16Array', { masks: { data: new Int16Array(N * H * W), shape: [N, H, W] } as never }, /masks\.data/],
  ['masks of another size', { masks: { data: new Uint8Array(N * H * (W + 1)), shape: [N, H, W + 1] } }, /masks\.shape.*\[2, 6, 8\]/],
  ['masks with N + 1 maps', { masks: { data: new Uint8Array((N + 1) * H * W), shape: [N + 1, H, W] } }, /masks\.shape/],
  ['masks shape of 4', { masks: { data: new Uint8Array(N * H * W), shape: [N, H, W, 1] as never } }, /masks\.shape/],
  ['masks data too short', { masks: { data: new Uint8Array(N * H * W - 1), shape: [N, H, W] } }, /masks\.data.*95/],
  ['detections not an object', { detections: 'boxes' as never }, /options\.detections/],
  ['boxes as a number list', withDet({ boxes: [1, 1, 4, 5] as never }), /detections\.boxes.*Float32Array/],
  ['boxes Float64Array', withDet({ boxes: new Float64Array(12) as never }), /detections\.boxes/],
  ['classes Float32Array', withDet({ classes: new Float32Array(3) as never }), /detections\.classes/],
  ['offsets missing', withDet({ offsets: undefined as never }), /detections\.offsets/],
  ['boxes length not 4 per class', withDet({ boxes: new Float32Array(8) }), /4 values per class/],
  ['offsets of length N', withDet({ offsets: new Int32Array([0, 3]) }), /offsets.*N \+ 1 = 3/],
  ['offsets not from 0', withDet({ offsets: new Int32Array([1, 2, 3]) }), /offsets\[0\]/],
  ['offsets descending', withDet({ offsets: new Int32Array([0, 4, 3]) }), /ascending/],
  ['offsets not ending at the count', withDet({ offsets: new Int32Array([0, 1, 2]) }), /offsets\[N\].*3/],
  ['class = numClasses', withDet({ classes: new Int32Array([1, 4, 0]) }), /classes\[1\].*\[0, 4\).*4/],
  ['class < 0', withDet({ classes: new Int32Array([-1, 2, 0]) }), /classes\[0\]/],
  ['x1 = x0', boxAt(1, [3, 0, 3, 6]), /box 1.*x0 < x1/],
  ['x1 < x0', boxAt(0, [4, 1, 1, 5]), /box 0/],
  ['y1 = y0', boxAt(2, [2, 2, 3, 2]), /box 2/],
  ['a NaN coordinate', boxAt(2, [NaN, 2, 3, 3]), /box 2.*NaN/],
  ['a box past the right edge', boxAt(0, [1, 1, 8.5, 5]), /box 0.*x1 ≤ 8/],
  ['a box above the image', boxAt(0, [1, -0.5, 4, 5]), /box 0/],
  ['minVisibility NaN', { minVisibility: NaN }, /minVisibility.*NaN/],
  ['minVisibility < 0', { minVisibility: -0.1 }, /minVisibility/],
  ['minVisibility > 1', { minVisibility: 1.5 }, /minVisibility/],
  ['minVisibility a string', { minVisibility: '0.5' as never }, /minVisibility/],
];

const PARAMS: MixParams[] = [
  { op: 'mixup', index: new Int32Array([1, 0]), lam: new Float32Array([0.3, 0.3]) },
  { op: 'cutmix', index: new Int32Array([1, 0]), lam: new Float32Array([0.5, 0.5]), boxes: new Int32Array([0, 3, 0, 8, 1, 5, 2, 6]) },
  { op: 'resizemix', index: new Int32Array([1, 1]), lam: new Float32Array([0.5, 0.5]), boxes: new Int32Array([0, 3, 0, 8, 1, 5, 2, 6]), interpolation: 'bilinear' },
];

forEachBackend((backend) => {
  let mix: BatchMix;
  beforeAll(async () => { mix = await mixer(backend, { numClasses: 4 }); });
  afterAll(() => mix.dispose());

  it.each(CASES)('%s → BAD_TARGETS, nothing written', async (_name, bad, text) => {
    for (const p of PARAMS) {
      const batch = randomBatch(N, 3, H, W, 'NHWC', 'uint8', 4);
      const image = batch.data.slice();
      const masks = goodMasks();
      const maps = masks.data.slice();
      const options: ApplyOptions = { masks, detections: goodDet(), ...bad, inPlace: true };
      const boxes = options.detections && ArrayBuffer.isView(options.detections.boxes) ? options.detections.boxes.slice() : undefined;
      let err: unknown;
      try {
        await mix.apply(batch, new Int32Array([0, 1]), p, options);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(BatchMixError);
      expect((err as BatchMixError).code, (err as Error).message).toBe('BAD_TARGETS');
      expect((err as Error).message).toMatch(text);
      expect((err as Error).message).toContain(`apply (${p.op})`);
      expect(batch.data, 'images untouched').toEqual(image);
      if (options.masks === masks) expect(masks.data, 'maps untouched').toEqual(maps);
      if (boxes) expect(options.detections!.boxes, 'boxes untouched').toEqual(boxes);
    }
  });

  it('good targets pass, and bad images or params keep their own codes first', async () => {
    const batch = randomBatch(N, 3, H, W, 'NHWC', 'uint8', 4);
    const labels = new Int32Array([0, 1]);
    const r = await mix.apply(batch, labels, PARAMS[1], { masks: goodMasks(), detections: goodDet(), minVisibility: 1 });
    expect(r.masks!.data).toBeInstanceOf(Uint16Array);
    expect(r.detections!.offsets.length).toBe(N + 1);
    const bad = { masks: { data: new Float32Array(1), shape: [1, 1, 1] } as never };
    await expect(mix.apply({ ...batch, shape: [N, H, W, 4] }, labels, PARAMS[1], bad)).rejects.toMatchObject({ code: 'BAD_SHAPE' });
    await expect(mix.apply(batch, labels, { ...PARAMS[1], index: new Int32Array([0, 2]) }, bad)).rejects.toMatchObject({ code: 'BAD_PARAMS' });
    // Bad labels come after the targets are checked: both bad → BAD_TARGETS; targets fine → BAD_LABELS.
    await expect(mix.apply(batch, new Int32Array([0, 9]), PARAMS[1], bad)).rejects.toMatchObject({ code: 'BAD_TARGETS' });
    await expect(mix.apply(batch, new Int32Array([0, 9]), PARAMS[1], { masks: goodMasks() })).rejects.toMatchObject({ code: 'BAD_LABELS' });
  });
});
