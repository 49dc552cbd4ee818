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
import { paramsFor } from './helpers/data.js';
import { defineTfjsSuite, K, makeInputs } from './tfjs-suite.js';

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

describe('TF.js webgl, batchmix on TF.js\'s context: zero-copy, no readPixels', () => {
  describe('tensors made from arrays (uploaded by TF.js first)', () => {
    defineTfjsSuite({ makeMix: tfjsMix, exactFloat: false, path: 'gpu', around: noReadPixels });
  });
  describe('tensors that are outputs of ops (data in textures; labels mixed by TF.js ops)', () => {
    defineTfjsSuite({ makeMix: tfjsMix, exactFloat: false, path: 'gpu', around: noReadPixels, onDevice: true });
  });
  describe('bad tensors', () => {
    let mix: BatchMix;
    beforeAll(async () => { mix = await tfjsMix(); });
    afterAll(() => mix.dispose());
    defineBadTensorTests(() => mix);
  });
});

/** GL state, as comparable values: objects compared by identity, arrays by their elements. */
function snapshot(gl: WebGL2RenderingContext): Record<string, unknown> {
  const p = (e: number): unknown => {
    const v = gl.getParameter(e);
    return ArrayBuffer.isView(v) || Array.isArray(v) ? Array.from(v as ArrayLike<unknown>) : v;
  };
  const s: Record<string, unknown> = {
    drawFb: p(gl.DRAW_FRAMEBUFFER_BINDING), readFb: p(gl.READ_FRAMEBUFFER_BINDING), program: p(gl.CURRENT_PROGRAM),
    vao: p(gl.VERTEX_ARRAY_BINDING), arrayBuffer: p(gl.ARRAY_BUFFER_BINDING), active: p(gl.ACTIVE_TEXTURE),
    viewport: p(gl.VIEWPORT), scissor: p(gl.SCISSOR_BOX), mask: p(gl.COLOR_WRITEMASK), clear: p(gl.COLOR_CLEAR_VALUE),
  };
  for (const cap of ['BLEND', 'CULL_FACE', 'DEPTH_TEST', 'DITHER', 'SCISSOR_TEST', 'STENCIL_TEST', 'RASTERIZER_DISCARD'] as const) {
    s[cap] = gl.isEnabled(gl[cap]);
  }
  for (const ps of ['UNPACK_ALIGNMENT', 'PACK_ALIGNMENT', 'UNPACK_FLIP_Y_WEBGL', 'UNPACK_PREMULTIPLY_ALPHA_WEBGL', 'UNPACK_ROW_LENGTH'] as const) {
    s[ps] = p(gl[ps]);
  }
  const active = gl.getParameter(gl.ACTIVE_TEXTURE) as number;
  for (let u = 0; u < 8; u++) {
    gl.activeTexture(gl.TEXTURE0 + u);
    s[`tex2d${u}`] = p(gl.TEXTURE_BINDING_2D);
    s[`tex2dArray${u}`] = p(gl.TEXTURE_BINDING_2D_ARRAY);
  }
  gl.activeTexture(active);
  return s;
}

/** The entries that differ (objects by identity, arrays element by element). */
function differences(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const same = (x: unknown, y: unknown) => Array.isArray(x) && Array.isArray(y) ? x.length === y.length && x.every((v, i) => Object.is(v, y[i])) : Object.is(x, y);
  return Object.keys(a).filter((k) => !same(a[k], b[k]));
}

describe('TF.js\'s GL state around batchmix on its context', () => {
  let mix: BatchMix;
  beforeAll(async () => { mix = await tfjsMix(); });
  afterAll(() => mix.dispose());
  const tfGl = () => (tf.backend() as unknown as { gpgpu: { gl: WebGL2RenderingContext } }).gpgpu.gl;

  it('saveGlState restores everything batchmix\'s kernels change (unusual state set on purpose)', async () => {
    const { saveGlState } = await import('../src/tfjs/gl-state.js');
    const gl = tfGl();
    const outer = saveGlState(gl); // TF.js's own state, put back at the end
    const fb = gl.createFramebuffer(), buf = gl.createBuffer();
    const texs = [0, 1, 2, 3].map(() => gl.createTexture()!);
    try {
      gl.bindFramebuffer(gl.FRAMEBUFFER, fb);
      gl.bindBuffer(gl.ARRAY_BUFFER, buf);
      texs.forEach((t, u) => { gl.activeTexture(gl.TEXTURE0 + u); gl.bindTexture(gl.TEXTURE_2D, t); });
      gl.activeTexture(gl.TEXTURE5);
      gl.viewport(1, 2, 3, 4);
      gl.scissor(5, 6, 7, 8);
      gl.enable(gl.BLEND);
      gl.enable(gl.SCISSOR_TEST);
      gl.colorMask(true, false, true, false);
      gl.clearColor(0.25, 0.5, 0.75, 1);
      gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
      gl.pixelStorei(gl.PACK_ALIGNMENT, 2);
      const before = snapshot(gl);
      const restore = saveGlState(gl);
      const g = mix.gpu();
      const b = g.upload({ data: new Float32Array(2 * 5 * 5 * 3).fill(1), shape: [2, 5, 5, 3], layout: 'NHWC' });
      const out = g.apply(b, new Int32Array([0, 1]), { op: 'cutmix', index: new Int32Array([1, 0]), lam: new Float32Array([0.5, 0.5]), boxes: new Int32Array([0, 2, 0, 2, 1, 3, 1, 3]) });
      g.release(out.images);
      g.release(b);
      const during = differences(before, snapshot(gl));
      expect(during.length, 'the kernels change the state (else this test proves nothing)').toBeGreaterThan(3);
      restore();
      expect(differences(before, snapshot(gl))).toEqual([]);
    } finally {
      outer();
      gl.deleteFramebuffer(fb);
      gl.deleteBuffer(buf);
      texs.forEach((t) => gl.deleteTexture(t));
    }
  });

  it('after mixTensors, TF.js\'s once-set state is as it was and its next ops compute the right values', async () => {
    const gl = tfGl();
    const a = tf.tensor2d(Float32Array.from({ length: 12 * 7 }, (_, i) => Math.sin(i)), [12, 7]);
    const w = tf.tensor2d(Float32Array.from({ length: 7 * 5 }, (_, i) => Math.cos(i)), [7, 5]);
    const img = tf.tensor4d(Float32Array.from({ length: 2 * 6 * 6 * 3 }, (_, i) => (i % 13) / 13), [2, 6, 6, 3]);
    const k = tf.tensor4d(Float32Array.from({ length: 3 * 3 * 3 * 4 }, (_, i) => ((i % 7) - 3) / 5), [3, 3, 3, 4]);
    const run = () => tf.tidy(() => [tf.matMul(a, w), tf.conv2d(img, k, 1, 'same'), tf.add(tf.relu(tf.sub(img, 0.4)), 1)]);
    const first = run();
    const want = await Promise.all(first.map((t) => t.data()));
    tf.dispose(first);
    const keys = ['BLEND', 'CULL_FACE', 'DEPTH_TEST', 'DITHER', 'SCISSOR_TEST', 'STENCIL_TEST', 'RASTERIZER_DISCARD', 'UNPACK_ALIGNMENT', 'PACK_ALIGNMENT', 'mask'];
    const pick = (s: Record<string, unknown>) => Object.fromEntries(keys.map((q) => [q, s[q]]));
    const before = pick(snapshot(gl));
    for (const op of ['mixup', 'cutmix', 'resizemix'] as const) {
      const { x, y } = makeInputs(4, 3, 9, 11, 'NHWC', 'float32', false, 3, true);
      const got = await mixTensors(mix, x, y, { params: paramsFor(op, 4, 9, 11, 5, 'bilinear') });
      expect(got.path).toBe('gpu');
      expect(pick(snapshot(gl))).toEqual(before);
      const again = run();
      const vals = await Promise.all(again.map((t) => t.data()));
      vals.forEach((v, i) => expect(Array.from(v)).toEqual(Array.from(want[i])));
      tf.dispose([...again, x, y, got.images, got.labels]);
    }
    tf.dispose([a, w, img, k]);
  });

  it('a batch larger than one texture takes the host path (same result)', async () => {
    const small = await createTfjsBatchMix({ numClasses: K, augments: { op: 'mixup', alpha: 1 }, webgl2: { limits: { maxTextureSize: 16 } } });
    const ref = await wasmMix();
    try {
      const { batch, x, y, labels } = makeInputs(6, 3, 16, 16, 'NHWC', 'int32', false, 9, true);
      const params = paramsFor('resizemix', 6, 16, 16, 4, 'bicubic');
      const got = await mixTensors(small, x, y, { params });
      expect(got.path).toBe('host');
      const want = await ref.apply(batch, labels, params);
      expect(Array.from(await got.images.data())).toEqual(Array.from(want.images.data));
      tf.dispose([x, y, got.images, got.labels]);
    } finally {
      small.dispose();
      ref.dispose();
    }
  });
});

describe('time per batch on TF.js webgl (SwiftShader here): zero-copy against read-mix-rebuild', () => {
  it('reports both, until the mixed batch is in a texture for the next op', async () => {
    const gpuMix = await tfjsMix();
    const hostMix = await wasmMix();
    const tfb = tf.backend() as unknown as { gpgpu: { gl: WebGL2RenderingContext }; uploadToGPU(id: object): void };
    const lines: string[] = [];
    try {
      for (const dtype of ['float32', 'int32'] as const) {
        for (const op of ['mixup', 'cutmix'] as const) {
          const n = 32, h = 64, w = 64;
          const { x: base, y } = makeInputs(n, 3, h, w, 'NHWC', dtype, false, 21, true);
          const one = tf.scalar(1, dtype);
          const params = paramsFor(op, n, h, w, 8);
          // Each call gets a fresh batch in a texture, as a training loop's input pipeline leaves it
          // (a read caches a tensor's values on the CPU, which would favour later calls).
          const once = async (m: BatchMix) => {
            const x = tf.mul(base, one) as tf.Tensor4D;
            tfb.gpgpu.gl.finish();
            const t0 = performance.now();
            const r = await mixTensors(m, x, y, { params });
            if (r.path === 'host') tfb.uploadToGPU(r.images.dataId);
            tfb.gpgpu.gl.finish();
            const ms = performance.now() - t0;
            tf.dispose([x, r.images, r.labels]);
            return ms;
          };
          const tg: number[] = [], th: number[] = [];
          for (let i = 0; i < 2; i++) { await once(gpuMix); await once(hostMix); }
          for (let i = 0; i < 7; i++) { tg.push(await once(gpuMix)); th.push(await once(hostMix)); }
          const med = (t: number[]) => t.sort((p, q) => p - q)[t.length >> 1];
          lines.push(`${dtype} ${op} N=${n} ${h}×${w}×3: zero-copy ${med(tg).toFixed(1)} ms, read-mix-rebuild (wasm) ${med(th).toFixed(1)} ms`);
          tf.dispose([base, y, one]);
        }
      }
    } finally {
      gpuMix.dispose();
      hostMix.dispose();
    }
    console.log(`mixTensors on TF.js webgl (median of 7, the two alternating):\n  ${lines.join('\n  ')}`);
    expect(lines).toHaveLength(4);
  });
});
