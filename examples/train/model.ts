/**
 * The example's small CNN for 8×8 grey digits, with TF.js layers. Browser-safe: it needs only
 * @tensorflow/tfjs-core and -layers (and whichever backend the caller registered).
 *
 * input [8, 8, 1] → conv 3×3, 16, ReLU → max-pool 2×2 → conv 3×3, 32, ReLU → flatten (4·4·32)
 * → dense 64, ReLU → dense 10, softmax: 38,282 weights. The convolutions are `PatchConv2D`
 * (layers.ts: same maths as `tf.layers.conv2d` with "same" padding, but trainable on the wasm
 * backend). Glorot-uniform kernels seeded from `seed` (seed, seed + 1, ... per layer), zero biases.
 * Loss: categorical cross-entropy on the soft (mixed) labels; Adam.
 */
import { train } from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { DIGITS_CLASSES, DIGITS_SIZE } from './data.js';
import { PatchConv2D } from './layers.js';

export interface ModelOptions {
  /** Seed of the weight initialisers (default 0). */
  readonly seed?: number;
  /** Adam's learning rate (default 0.002). */
  readonly learningRate?: number;
}

/** A new, compiled model: `trainOnBatch(x [n, 8, 8, 1], y [n, 10] soft labels)`, `predict(x)` → [n, 10] probabilities. */
export function buildModel(opts: ModelOptions = {}): tfl.Sequential {
  const seed = opts.seed ?? 0;
  const model = tfl.sequential({
    layers: [
      new PatchConv2D({ inputShape: [DIGITS_SIZE, DIGITS_SIZE, 1], filters: 16, seed }),
      tfl.layers.reLU(),
      tfl.layers.maxPooling2d({ poolSize: 2 }),
      new PatchConv2D({ filters: 32, seed: seed + 1 }),
      tfl.layers.reLU(),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: 64, activation: 'relu', kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + 2 }) }),
      tfl.layers.dense({ units: DIGITS_CLASSES, activation: 'softmax', kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + 3 }) }),
    ],
  });
  model.compile({ optimizer: train.adam(opts.learningRate ?? 0.002), loss: 'categoricalCrossentropy' });
  return model;
}
