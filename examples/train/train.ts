/**
 * One training run per mixing setting: the CNN of model.ts on the digits split of data.ts, every
 * batch mixed through `mixTensors` (batchmix/tfjs) before `trainOnBatch`, then the test metrics.
 * Browser-safe: the caller registers a TF.js backend and hands in the parsed data.
 *
 * Fixed for reproducibility: the weights (model seed), the batch order (one seeded shuffle per epoch,
 * the same in every setting), batchmix's sampler seed, and the split (data.ts). Batches are full
 * (the last partial one of an epoch is dropped), so every step mixes `batchSize` images.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createBatchMix, type AugmentOptions, type BackendChoice, type BatchMix, type BatchMixOptions } from '../../src/index.js';
import { mixTensors } from '../../src/tfjs/index.js';
import { DIGITS_CLASSES, DIGITS_SIZE, toInput, type Digits } from './data.js';
import { evaluate, type Metrics } from './metrics.js';
import { buildModel } from './model.js';
import { makeRng, shuffle } from './rng.js';

export interface Setting {
  readonly id: string;
  readonly label: string;
  /** batchmix augments (MMClassification 0.x `Augments`); empty: no mixing, one-hot labels. */
  readonly augments: readonly AugmentOptions[];
}

/**
 * The five settings. Mixup α 0.2 and CutMix α 1.0 as MMClassification's ResNet-50 Mixup/CutMix
 * configs; ResizeMix α 1.0 with λ in [0.1, 0.8] (its defaults); the pair as the DeiT/Swin configs.
 */
export const SETTINGS: readonly Setting[] = [
  { id: 'none', label: 'no mixing', augments: [] },
  { id: 'mixup', label: 'Mixup α 0.2', augments: [{ op: 'mixup', alpha: 0.2 }] },
  { id: 'cutmix', label: 'CutMix α 1.0', augments: [{ op: 'cutmix', alpha: 1.0 }] },
  { id: 'resizemix', label: 'ResizeMix α 1.0', augments: [{ op: 'resizemix', alpha: 1.0, lamMin: 0.1, lamMax: 0.8 }] },
  {
    id: 'mixup+cutmix', label: 'Mixup 0.8 / CutMix 1.0, p 0.5 each',
    augments: [{ op: 'mixup', alpha: 0.8, prob: 0.5 }, { op: 'cutmix', alpha: 1.0, prob: 0.5 }],
  },
];

export interface TrainConfig {
  readonly epochs: number;
  readonly batchSize: number;
  /** Seeds the weights, the batch order and batchmix's sampler. */
  readonly seed: number;
  readonly learningRate: number;
}

export const DEFAULT_CONFIG: TrainConfig = { epochs: 10, batchSize: 64, seed: 0, learningRate: 0.002 };

export interface StepInfo {
  readonly setting: Setting;
  readonly epoch: number;
  /** Steps done in this setting, 1-based, and the setting's total. */
  readonly step: number;
  readonly steps: number;
  /** Training loss of this batch (cross-entropy against the mixed labels). */
  readonly loss: number;
  readonly mixMs: number;
  readonly trainMs: number;
}

export interface TrainHooks {
  readonly onStep?: (info: StepInfo) => void;
  /** The mixing function (default batchmix/tfjs's `mixTensors`; a test passes a counting wrapper). */
  readonly mixTensors?: typeof mixTensors;
  /** batchmix backend (default 'wasm': on TF.js's cpu and wasm backends mixTensors reads the tensors anyway). */
  readonly backend?: BackendChoice;
  /**
   * Makes the setting's batchmix instance instead (e.g. one on TF.js's own WebGL context in a
   * browser); it gets the options the default would use, and the trainer disposes the instance.
   */
  readonly createMix?: (options: BatchMixOptions) => Promise<BatchMix>;
}

export interface SettingResult {
  readonly setting: Setting;
  readonly metrics: Metrics;
  /** Mean training loss per epoch. */
  readonly epochLoss: readonly number[];
  readonly steps: number;
  /** Number of mixTensors calls and the ops their params named. */
  readonly mixCalls: number;
  readonly ops: Readonly<Record<string, number>>;
  /** Milliseconds spent mixing, in trainOnBatch, and evaluating. */
  readonly mixMs: number;
  readonly trainMs: number;
  readonly evalMs: number;
}

function batchTensors(d: Digits, rows: Int32Array): { x: tf.Tensor4D; y: tf.Tensor1D } {
  const ids = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) ids[i] = d.labels[rows[i]];
  return {
    x: tf.tensor4d(toInput(d, rows), [rows.length, DIGITS_SIZE, DIGITS_SIZE, 1]),
    y: tf.tensor1d(ids, 'int32'),
  };
}

export async function trainSetting(
  setting: Setting, split: { train: Digits; test: Digits }, config: TrainConfig = DEFAULT_CONFIG, hooks: TrainHooks = {},
): Promise<SettingResult> {
  const mixFn = hooks.mixTensors ?? mixTensors;
  const model = buildModel({ seed: config.seed, learningRate: config.learningRate });
  const mixOptions: BatchMixOptions = { numClasses: DIGITS_CLASSES, augments: setting.augments, seed: config.seed, backend: hooks.backend ?? 'wasm' };
  const mix: BatchMix | null = setting.augments.length > 0 ? await (hooks.createMix ?? createBatchMix)(mixOptions) : null;
  const order = makeRng(config.seed ^ 0x5eed);
  const perEpoch = Math.floor(split.train.count / config.batchSize);
  const steps = perEpoch * config.epochs;
  const epochLoss: number[] = [];
  const ops: Record<string, number> = {};
  let mixMs = 0;
  let trainMs = 0;
  let mixCalls = 0;
  let step = 0;
  try {
    for (let epoch = 0; epoch < config.epochs; epoch++) {
      const rows = Int32Array.from({ length: split.train.count }, (_, i) => i);
      shuffle(rows, order);
      let sum = 0;
      for (let b = 0; b < perEpoch; b++) {
        const { x, y } = batchTensors(split.train, rows.subarray(b * config.batchSize, (b + 1) * config.batchSize));
        const t = performance.now();
        let images: tf.Tensor4D = x;
        let labels: tf.Tensor2D;
        if (mix) {
          const out = await mixFn(mix, x, y, { layout: 'NHWC' });
          images = out.images;
          labels = out.labels;
          mixCalls++;
          ops[out.params.op] = (ops[out.params.op] ?? 0) + 1;
        } else {
          labels = tf.tidy(() => tf.cast(tf.oneHot(y, DIGITS_CLASSES), 'float32') as tf.Tensor2D);
        }
        const t1 = performance.now();
        const loss = (await model.trainOnBatch(images, labels)) as number;
        const t2 = performance.now();
        mixMs += t1 - t;
        trainMs += t2 - t1;
        tf.dispose([x, y, images, labels]);
        sum += loss;
        step++;
        hooks.onStep?.({ setting, epoch: epoch + 1, step, steps, loss, mixMs: t1 - t, trainMs: t2 - t1 });
      }
      epochLoss.push(sum / perEpoch);
    }
    const t = performance.now();
    const probs = tf.tidy(() => model.predict(tf.tensor4d(toInput(split.test), [split.test.count, DIGITS_SIZE, DIGITS_SIZE, 1])) as tf.Tensor);
    const values = (await probs.data()) as Float32Array;
    probs.dispose();
    const metrics = evaluate(values, split.test.labels, DIGITS_CLASSES);
    return { setting, metrics, epochLoss, steps, mixCalls, ops, mixMs, trainMs, evalMs: performance.now() - t };
  } finally {
    model.optimizer.dispose(); // compiled with an Optimizer instance, which model.dispose() leaves alone
    model.dispose();
    mix?.dispose();
  }
}
