/**
 * Images → a webgl2 GpuBatch with no CPU detour (src/browser/to-gpu.ts), in Chromium: the same
 * values as the CPU path for images at the batch size, the GPU bilinear filter within one step of a
 * reference when resizing, a mix run on the GPU-resident batch equal to the oracle's, and bad
 * inputs refused with their codes and nothing left allocated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebGL2Backend, type WebGL2Backend } from '../src/backends/webgl2/index.js';
import { createBatchMix, imagesToBatch, imagesToGpuBatch, UNREADABLE, type BatchMix, type ImagesToBatchOptions, type ImageSource } from '../src/index.js';
import { lcg } from './helpers/data.js';

let backend: WebGL2Backend;
let oracle: BatchMix;
beforeAll(async () => {
  backend = await createWebGL2Backend();
  oracle = await createBatchMix({ numClasses: 4, augments: { op: 'mixup', alpha: 1 }, backend: 'js' });
});
afterAll(() => {
  backend.dispose();
  oracle.dispose();
});

function opaque(w: number, h: number, seed: number): ImageData {
  const rnd = lcg(seed);
  return new ImageData(Uint8ClampedArray.from({ length: 4 * w * h }, (_, k) => (k % 4 === 3 ? 255 : Math.floor(rnd() * 256))), w, h);
}

function canvasOf(img: ImageData): HTMLCanvasElement {
  const c = document.createElement('canvas');
  [c.width, c.height] = [img.width, img.height];
  c.getContext('2d')!.putImageData(img, 0, 0);
  return c;
}

async function viaGpu(images: ImageSource[], options: ImagesToBatchOptions) {
  const g = await imagesToGpuBatch(backend, images, options);
  const out = backend.readBatch(g);
  backend.releaseBatch(g);
  return out;
}

/** Bilinear resize of RGBA ImageData to W×H, half-pixel centres, clamped at the edges (the GPU's LINEAR filter). */
function bilinear(img: ImageData, W: number, H: number): number[] {
  const out: number[] = [];
  const at = (x: number, y: number, c: number) =>
    img.data[4 * (Math.min(Math.max(y, 0), img.height - 1) * img.width + Math.min(Math.max(x, 0), img.width - 1)) + c];
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const u = ((x + 0.5) * img.width) / W - 0.5, v = ((y + 0.5) * img.height) / H - 0.5;
      const x0 = Math.floor(u), y0 = Math.floor(v), fx = u - x0, fy = v - y0;
      for (let c = 0; c < 4; c++) {
        const top = at(x0, y0, c) * (1 - fx) + at(x0 + 1, y0, c) * fx;
        const bottom = at(x0, y0 + 1, c) * (1 - fx) + at(x0 + 1, y0 + 1, c) * fx;
        out.push(top * (1 - fy) + bottom * fy);
      }
    }
  }
  return out;
}

describe('imagesToGpuBatch', () => {
  const a = opaque(9, 6, 1), b = opaque(9, 6, 2);
  const sources: [string, () => Promise<ImageSource> | ImageSource][] = [
    ['ImageData', () => a],
    ['HTMLCanvasElement', () => canvasOf(a)],
    ['OffscreenCanvas', () => { const c = new OffscreenCanvas(9, 6); c.getContext('2d')!.putImageData(a, 0, 0); return c; }],
    ['ImageBitmap', () => createImageBitmap(a)],
    ['HTMLImageElement', () => { const img = new Image(); img.src = canvasOf(a).toDataURL('image/png'); return img; }],
  ];
  const formats: ImagesToBatchOptions[] = [
    {},
    { layout: 'NCHW', dtype: 'float32', channels: 4 },
    { layout: 'NCHW', channels: 1 },
    { layout: 'NHWC', dtype: 'float32', channels: 1 },
  ];
  for (const [name, make] of sources) {
    it(`${name} at the batch size: the CPU path's values, bit for bit, in every format`, async () => {
      for (const options of formats) {
        const images = [await make(), b];
        const cpu = await imagesToBatch(images, options);
        const gpu = await viaGpu(images, options);
        expect(gpu.shape).toEqual(cpu.shape);
        expect(gpu.data.constructor).toBe(cpu.data.constructor);
        expect(Array.from(gpu.data), JSON.stringify(options)).toEqual(Array.from(cpu.data));
      }
    });
  }

  it('resizes with the GPU bilinear filter (within 1 of the reference), and fits cover and contain', async () => {
    const small = opaque(5, 4, 3);
    const got = await viaGpu([small], { size: { width: 10, height: 8 }, fit: 'stretch', channels: 4 });
    const want = bilinear(small, 10, 8);
    const worst = want.reduce((m, v, k) => Math.max(m, Math.abs(got.data[k] - v)), 0);
    expect(worst).toBeLessThanOrEqual(1);
    const wide = new ImageData(Uint8ClampedArray.from({ length: 32 }, (_, k) => [200, 10, 30, 255][k % 4] - (Math.floor(k / 4) % 8 >= 4 ? 150 : 0)), 8, 1);
    const contain = await viaGpu([wide], { size: { width: 8, height: 3 }, fit: 'contain', channels: 4 });
    expect(Array.from(contain.data.subarray(0, 32))).toEqual(new Array(32).fill(0));
    expect(Array.from(contain.data.subarray(32, 36))).toEqual([200, 10, 30, 255]);
    expect(Array.from(contain.data.subarray(64, 96))).toEqual(new Array(32).fill(0));
  });

  it('feeds a mix on the GPU: blend and paste on the resident batch equal the oracle on the CPU batch', async () => {
    const images = [opaque(12, 10, 4), opaque(12, 10, 5), opaque(12, 10, 6)];
    const cpu = await imagesToBatch(images);
    const g = await imagesToGpuBatch(backend, images);
    const index = new Int32Array([2, 0, 1]), lam = new Float32Array([0.25, 0.5, 0.8]);
    const boxes = new Int32Array([0, 5, 0, 6, 2, 10, 3, 12, 4, 4, 0, 12]);
    const labels = new Int32Array([0, 1, 2]);
    const mixed = backend.run({ kernel: 'blend', src: g, index, lam });
    const pasted = backend.run({ kernel: 'paste', src: g, index, boxes });
    const refBlend = await oracle.apply(cpu, labels, { op: 'mixup', index, lam });
    const refPaste = await oracle.apply(cpu, labels, { op: 'cutmix', index, lam, boxes });
    const blended = backend.readBatch(mixed).data;
    refBlend.images.data.forEach((v, e) => expect(Math.abs(blended[e] - v)).toBeLessThanOrEqual(1));
    expect(Array.from(backend.readBatch(pasted).data)).toEqual(Array.from(refPaste.images.data));
    for (const x of [g, mixed, pasted]) backend.releaseBatch(x);
    expect(backend.stats().gpuBatches).toBe(0);
  });

  it('refuses a tainted image and mismatched sizes with their codes, leaving nothing allocated', async () => {
    const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const img = new Image();
    img.src = `${location.protocol}//${other}:${location.port}/samples/cat.png`;
    const before = backend.stats();
    await expect(imagesToGpuBatch(backend, [img])).rejects.toMatchObject({ code: UNREADABLE, message: expect.stringMatching(/cross-origin/) });
    await expect(imagesToGpuBatch(backend, [opaque(4, 4, 1), opaque(5, 4, 1)])).rejects.toMatchObject({ code: 'BAD_SHAPE' });
    expect(backend.stats().gpuBatches).toBe(before.gpuBatches);
  });
});
