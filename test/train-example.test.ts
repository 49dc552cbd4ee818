/**
 * The training example (examples/train, `npm run example:train`) in a short form for CI: the data
 * file and split, the ECE arithmetic, the progress bar, and one epoch of every setting on TF.js's
 * wasm backend with the mixing counted: every batch of a mixing setting goes through mixTensors
 * (and none of "no mixing"), the test loss falls from the untrained model's, and no tensor leaks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBatchMix, type BatchMixOptions } from '../src/index.js';
import { mixTensors } from '../src/tfjs/index.js';
import { svgChart } from '../examples/train/chart.js';
import { DIGITS_CLASSES, DIGITS_COUNT, parseDigits, splitDigits, toInput, type Digits } from '../examples/train/data.js';
import { PatchConv2D } from '../examples/train/layers.js';
import { evaluate } from '../examples/train/metrics.js';
import { buildModel } from '../examples/train/model.js';
import { ProgressBar } from '../examples/train/progress.js';
import { resultsMarkdown } from '../examples/train/report.js';
import { DEFAULT_CONFIG, SETTINGS, trainSetting, type SettingResult } from '../examples/train/train.js';

const bytes = readFileSync(join(import.meta.dirname, '..', 'examples/train/data/digits.bin'));

describe('digits data', () => {
  it('parses 1,797 images of 8×8 in 0..16 with labels 0..9, about 180 per class', () => {
    const d = parseDigits(bytes);
    expect(d.count).toBe(DIGITS_COUNT);
    expect(d.pixels.length).toBe(DIGITS_COUNT * 64);
    expect(Math.max(...d.pixels)).toBe(16);
    const perClass = new Array(10).fill(0);
    for (const l of d.labels) perClass[l]++;
    for (const k of perClass) expect(k).toBeGreaterThanOrEqual(174);
    // The first image of scikit-learn's load_digits() is a 0 with this top row.
    expect(d.labels[0]).toBe(0);
    expect(Array.from(d.pixels.subarray(0, 8))).toEqual([0, 0, 5, 13, 9, 1, 0, 0]);
  });

  it('rejects a damaged file', () => {
    expect(() => parseDigits(bytes.subarray(1))).toThrow(/expected 116805 bytes/);
    const bad = Uint8Array.from(bytes);
    bad[DIGITS_COUNT + 5] = 17;
    expect(() => parseDigits(bad)).toThrow(/pixel 5: expected 0..16, got 17/);
  });

  it('splits the same way every time, stratified and disjoint', () => {
    const d = parseDigits(bytes);
    const a = splitDigits(d);
    const b = splitDigits(d);
    expect(a.train.count).toBe(1346);
    expect(a.test.count).toBe(451);
    expect(a.test.labels).toEqual(b.test.labels);
    expect(a.test.pixels).toEqual(b.test.pixels);
    const perClass = new Array(10).fill(0);
    for (const l of a.test.labels) perClass[l]++;
    for (const k of perClass) expect(k).toBeGreaterThanOrEqual(44);
    const key = (x: Digits, i: number) => Array.from(x.pixels.subarray(i * 64, i * 64 + 64)).join(',') + `|${x.labels[i]}`;
    const train = new Set(Array.from({ length: a.train.count }, (_, i) => key(a.train, i)));
    const overlap = Array.from({ length: a.test.count }, (_, i) => key(a.test, i)).filter((k) => train.has(k));
    expect(overlap.length).toBeLessThanOrEqual(2); // the UCI data itself holds a few exact duplicates
    expect(toInput(a.test).every((v) => v >= 0 && v <= 1)).toBe(true);
  });
});

describe('metrics', () => {
  it('computes accuracy, NLL and the 15-bin ECE as defined (by hand on four predictions)', () => {
    // Confidences 0.9 (right), 0.9 (wrong), 0.5 (right), 0.95 (right); K = 2.
    const probs = Float32Array.from([0.9, 0.1, 0.9, 0.1, 0.5, 0.5, 0.05, 0.95]);
    const m = evaluate(probs, Int32Array.from([0, 1, 0, 1]), 2);
    expect(m.accuracy).toBe(0.75);
    // 0.9 → bin (13/15, 14/15]; 0.95 → (14/15, 1]; 0.5 → (7/15, 8/15].
    expect(m.bins[13].count).toBe(2);
    expect(m.bins[14].count).toBe(1);
    expect(m.bins[7].count).toBe(1);
    const want = (2 / 4) * Math.abs(0.5 - 0.9) + (1 / 4) * Math.abs(1 - 0.95) + (1 / 4) * Math.abs(1 - 0.5);
    expect(m.ece).toBeCloseTo(want, 6);
    expect(m.nll).toBeCloseTo((-Math.log(0.9) - Math.log(0.1) - Math.log(0.5) - Math.log(0.95)) / 4, 5);
  });

  it('puts a confidence on a bin edge in the lower bin ((lo, hi] bins)', () => {
    // Confidences 0.5, 0.75 and 1 (exact in float32) with 4 bins: (0.25, 0.5], (0.5, 0.75], (0.75, 1].
    const m = evaluate(Float32Array.from([0.5, 0.5, 0.75, 0.25, 0, 1]), Int32Array.from([0, 0, 1]), 2, 4);
    expect(m.bins.map((b) => b.count)).toEqual([0, 1, 1, 1]);
    expect(m.bins[1].hi).toBe(0.5);
  });
});

describe('PatchConv2D (the im2col convolution the model trains with)', () => {
  it('equals tf.conv2d with "same" padding plus the bias, on TF.js wasm', async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
    const layer = new PatchConv2D({ filters: 5, seed: 3 });
    const x = tf.randomUniform([2, 8, 8, 3], -1, 1, 'float32', 11) as tf.Tensor4D;
    layer.apply(x); // builds the layer (a seeded Glorot kernel, zero bias)
    const kernel = tf.clone(layer.getWeights()[0]) as tf.Tensor4D;
    const bias = tf.tensor1d([0.1, -0.2, 0.3, 0, 0.5]);
    layer.setWeights([kernel, bias]);
    const got = layer.apply(x) as tf.Tensor;
    const want = tf.add(tf.conv2d(x, kernel, 1, 'same'), bias);
    expect(got.shape).toEqual([2, 8, 8, 5]);
    const a = await got.data();
    const b = await want.data();
    let worst = 0;
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
    expect(worst).toBeLessThan(1e-5);
    expect(Math.max(...Array.from(b, Math.abs))).toBeGreaterThan(0.5); // not a trivially small output
    tf.dispose([x, got, want, kernel, bias]);
    layer.dispose();
  });
});

describe('progress bar', () => {
  it('prints one line per epoch when not on a terminal, and redraws in place on one', () => {
    let plain = '';
    const a = new ProgressBar({ write: (s) => { plain += s; }, isTTY: false }, 4);
    a.tick('mixup', 1, 2, 'loss 2');
    a.tick('mixup', 1, 2, 'loss 1.5');
    a.tick('mixup', 2, 2, 'loss 1');
    a.note('done');
    a.tick('mixup', 2, 2, 'loss 0.5');
    a.end();
    expect(plain.split('\n').filter(Boolean).map((l) => l.replace(/ +eta.*$/, ''))).toEqual([
      ' 50 %  mixup  epoch 1/2  loss 1.5', ' 75 %  mixup  epoch 2/2  loss 1', 'done', '100 %  mixup  epoch 2/2  loss 0.5',
    ]);
    let tty = '';
    const b = new ProgressBar({ write: (s) => { tty += s; }, isTTY: true, columns: 80 }, 2);
    b.tick('cutmix', 1, 1, 'x');
    expect(tty).toMatch(/^\r\[#{12}\.{12}\]  50 %  cutmix/);
  });
});

describe('one epoch of every setting on TF.js wasm, mixing through mixTensors', () => {
  const config = { ...DEFAULT_CONFIG, epochs: 1 };
  const results: SettingResult[] = [];
  let initialNll = 0;
  let split: { train: Digits; test: Digits };

  beforeAll(async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
    await tf.ready();
    split = splitDigits(parseDigits(bytes));
    const model = buildModel({ seed: config.seed });
    const probs = tf.tidy(() => model.predict(tf.tensor4d(toInput(split.test), [split.test.count, 8, 8, 1])) as tf.Tensor);
    initialNll = evaluate((await probs.data()) as Float32Array, split.test.labels, DIGITS_CLASSES).nll;
    probs.dispose();
    model.dispose();
  });

  for (const setting of SETTINGS) {
    it(`${setting.label}: every batch mixed through mixTensors, the test loss falls, no tensor left`, async () => {
      const before = tf.memory().numTensors;
      let calls = 0;
      let soft = 0;
      const counting: typeof mixTensors = async (mix, x, y, options) => {
        calls++;
        const out = await mixTensors(mix, x, y, options);
        const l = await out.labels.data();
        if (l.some((v) => v > 0 && v < 1)) soft++;
        return out;
      };
      let steps = 0;
      const created: BatchMixOptions[] = [];
      const createMix = (o: BatchMixOptions) => { created.push(o); return createBatchMix(o); };
      const r = await trainSetting(setting, split, config, { mixTensors: counting, createMix, onStep: () => { steps++; } });
      results.push(r);
      expect(r.steps).toBe(Math.floor(1346 / 64));
      expect(steps).toBe(r.steps);
      if (setting.augments.length === 0) {
        expect(calls).toBe(0);
        expect(created).toEqual([]);
      } else {
        expect(created).toEqual([{ numClasses: 10, augments: setting.augments, seed: config.seed, backend: 'wasm' }]);
        expect(calls).toBe(r.steps);
        expect(r.mixCalls).toBe(r.steps);
        // Every op of the setting was drawn, and mixed labels are soft (a box can cover nothing,
        // or λ can round to 1, so not every batch: most).
        expect(Object.keys(r.ops).sort()).toEqual(setting.augments.map((a) => a.op).sort());
        expect(soft).toBeGreaterThan(r.steps / 2);
      }
      // The untrained model's test NLL is about log 10 = 2.30; after one epoch it must be lower by
      // more than 0.3 nats (a model that does not learn stays near 2.3), and above chance accuracy.
      expect(initialNll).toBeGreaterThan(2.0);
      expect(r.metrics.nll).toBeLessThan(initialNll - 0.3);
      expect(r.metrics.accuracy).toBeGreaterThan(0.4);
      expect(r.epochLoss.length).toBe(1);
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('writes a RESULTS.md table row and a reliability diagram per setting', () => {
    const md = resultsMarkdown(results, {
      config, tfBackend: 'wasm', batchmixBackend: 'wasm', trainCount: 1346, testCount: 451, machine: 'test', wallMs: 1, date: '2026-11-30',
    });
    for (const r of results) expect(md).toContain(`| ${r.setting.label} | ${(r.metrics.accuracy * 100).toFixed(1)} % (${Math.round(r.metrics.accuracy * 451)}) |`);
    const svg = svgChart(results, 'test');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<text [^>]*font-weight="bold" font-size="11">/g)?.length).toBe(SETTINGS.length);
  });
});
