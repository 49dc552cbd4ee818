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
import { createTfjsBatchMix, mixTensors } from '../src/tfjs/index.js';
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

/** Counts readPixels on TF.js's context while a call runs; the check asserts there were none. */
function noReadPixels(): () => void {
  const gl = (tf.backend() as unknown as { gpgpu: { gl: WebGL2RenderingContext } }).gpgpu.gl;
  const original = gl.readPixels;
  let calls = 0;
  gl.readPixels = function (this: WebGL2RenderingContext, ...args: unknown[]) {
    calls++;
    return (original as (...a: unknown[]) => void).apply(this, args);
  } as typeof gl.readPixels;
  return () => {
    gl.readPixels = original;
    expect(calls, 'readPixels calls on TF.js\'s context during mixTensors').toBe(0);
  };
}

const tfjsMix = async () => {
  const mix = await createTfjsBatchMix({ numClasses: K, augments: { op: 'mixup', alpha: 1 } });
  expect(mix.backend).toBe('webgl2');
  return mix;
};

// int32 images: exact against batchmix's webgl2 backend on uint8 arrays (the same integer kernels
// through the CPU-array path, on its own context). Against wasm: within 1 for now, since the wasm
// uint8 kernels on this branch still round the float32 result (SPEC §5's integer wasm kernels come
// with the issue-9 branch; once merged, wasm and webgl2 agree exactly and so must this).
const webgl2Ref = () => createBatchMix({ numClasses: K, augments: { op: 'mixup', alpha: 1 }, backend: 'webgl2' });

describe('TF.js webgl, batchmix on TF.js\'s context: zero-copy, no readPixels', () => {
  describe('tensors made from arrays (uploaded by TF.js first)', () => {
    defineTfjsSuite({ makeMix: tfjsMix, exactFloat: false, path: 'gpu', around: noReadPixels, intRef: webgl2Ref });
  });
  describe('tensors that are outputs of ops (data in textures; labels mixed by TF.js ops)', () => {
    defineTfjsSuite({ makeMix: tfjsMix, exactFloat: false, path: 'gpu', around: noReadPixels, onDevice: true, intRef: webgl2Ref });
  });
  describe('bad tensors', () => {
    let mix: BatchMix;
    beforeAll(async () => { mix = await tfjsMix(); });
    afterAll(() => mix.dispose());
    defineBadTensorTests(() => mix, {}, true);

    it('int32 pixel values outside 0..255 are clamped on the GPU (they are not read back to be checked)', async () => {
      const n = 3, shape = [n, 2, 3, 2] as [number, number, number, number];
      const raw = Int32Array.from({ length: n * 12 }, (_, i) => [-7, 0, 128, 255, 256, 1000][i % 6] + (i % 5));
      const x = tf.tensor4d(raw, shape, 'int32');
      const y = tf.tensor1d([0, 1, 2], 'int32');
      const params = { op: 'mixup' as const, index: new Int32Array([2, 0, 1]), lam: new Float32Array([0.3, 0.5, 0.9]) };
      const got = await mixTensors(mix, x, y, { params });
      expect(got.path).toBe('gpu');
      const clamped = Uint8Array.from(raw, (v) => Math.min(255, Math.max(0, v)));
      const ref = await createBatchMix({ numClasses: K, augments: { op: 'mixup', alpha: 1 }, backend: 'webgl2' });
      const want = await ref.apply({ data: clamped, shape, layout: 'NHWC' }, new Int32Array([0, 1, 2]), params);
      ref.dispose();
      expect(Array.from(await got.images.data())).toEqual(Array.from(want.images.data));
      tf.dispose([x, y, got.images, got.labels]);
    });
  });
});
