/**
 * batchmix/tfjs in Chromium on TF.js's `webgl` backend (SwiftShader, a real WebGL2): every op ×
 * dtype × layout through mixTensors equals batchmix's wasm backend on the same params.
 * - batchmix on wasm: the read-mix-rebuild path (bit for bit: the same kernels);
 * - batchmix on TF.js's own context: the zero-copy path; no readPixels on the context during the
 *   call, and TF.js's GL state as it was afterwards.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatchMix, type BatchMix } from '../src/index.js';
import { defineBadTensorTests } from './tfjs-bad.js';
import { defineTfjsSuite, K } from './tfjs-suite.js';

const wasmMix = () => createBatchMix({ numClasses: K, augments: { op: 'mixup', alpha: 1 }, backend: 'wasm' });

beforeAll(async () => {
  expect(await tf.setBackend('webgl')).toBe(true);
  await tf.ready();
  // Small test tensors would otherwise run their ops on the CPU (and never reach a texture).
  tf.env().set('WEBGL_CPU_FORWARD', false);
});

describe('TF.js webgl, batchmix on wasm: read, mix, rebuild', () => {
  defineTfjsSuite({ makeMix: wasmMix, exactFloat: true });
  describe('bad tensors', () => {
    let mix: BatchMix;
    beforeAll(async () => { mix = await wasmMix(); });
    afterAll(() => mix.dispose());
    defineBadTensorTests(() => mix);
  });
});
