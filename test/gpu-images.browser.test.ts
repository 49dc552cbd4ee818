/**
 * Images → a webgl2 GpuBatch with no CPU detour (src/browser/to-gpu.ts), in Chromium, through the
 * public `mix.gpu()`: the same values as the CPU path for images at the batch size, the GPU bilinear
 * filter within one step of a reference when resizing, a mix applied to the GPU-resident batch equal
 * to the oracle's on the CPU batch, and bad inputs refused with their codes and nothing left allocated
 * (counted on a bare backend, whose stats() the public path does not expose).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebGL2Backend, type WebGL2Backend } from '../src/backends/webgl2/index.js';
import { createBatchMix, imagesToBatch, imagesToGpuBatch, type BatchMix, type GpuImageTarget, type ImagesToBatchOptions, type ImageSource } from '../src/index.js';
import { lcg } from './helpers/data.js';

let mix: BatchMix;
let oracle: BatchMix;
let backend: WebGL2Backend;
beforeAll(async () => {
  mix = await createBatchMix({ numClasses: 4, augments: { op: 'mixup', alpha: 1 }, backend: 'webgl2' });
  oracle = await createBatchMix({ numClasses: 4, augments: { op: 'mixup', alpha: 1 }, backend: 'js' });
  backend = await createWebGL2Backend();
});
afterAll(() => {
  mix.dispose();
  oracle.dispose();
  backend.dispose();
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
  const gpu = mix.gpu();
  const g = await imagesToGpuBatch(gpu, images, options);
  const out = gpu.read(g);
  gpu.release(g);
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

  it('feeds a mix on the GPU: mixup and cutmix on the resident batch equal the oracle on the CPU batch', async () => {
    const gpu = mix.gpu();
    const images = [opaque(12, 10, 4), opaque(12, 10, 5), opaque(12, 10, 6)];
    const cpu = await imagesToBatch(images);
    const g = await imagesToGpuBatch(gpu, images);
    const index = new Int32Array([2, 0, 1]), lam = new Float32Array([0.25, 0.5, 0.8]), labels = new Int32Array([0, 1, 2]);
    const boxes = new Int32Array([0, 5, 0, 6, 2, 10, 3, 12, 4, 4, 0, 12]);
    for (const p of [{ op: 'mixup' as const, index, lam }, { op: 'cutmix' as const, index, lam, boxes }]) {
      const got = gpu.apply(g, labels, p);
      const ref = await oracle.apply(cpu, labels, p);
      const data = gpu.read(got.images).data;
      const worst = Array.from(ref.images.data).reduce((m, v, e) => Math.max(m, Math.abs(data[e] - v)), 0);
      expect(worst, p.op).toBeLessThanOrEqual(p.op === 'cutmix' ? 0 : 1);
      expect(Array.from(got.labels)).toEqual(Array.from(ref.labels));
      gpu.release(got.images);
    }
    gpu.release(g);
  });

  it('refuses a tainted image and mismatched sizes with their codes, leaving nothing allocated', async () => {
    const bare: GpuImageTarget = { gl: backend.gl, alloc: (s, l, d) => backend.allocGpuBatch(s, l, d), release: (b) => backend.releaseBatch(b) };
    const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const img = new Image();
    img.src = `${location.protocol}//${other}:${location.port}/samples/cat.png`;
    await expect(imagesToGpuBatch(bare, [img])).rejects.toMatchObject({ code: 'BAD_IMAGE', message: expect.stringMatching(/cross-origin/) });
    await expect(imagesToGpuBatch(bare, [opaque(4, 4, 1), opaque(5, 4, 1)])).rejects.toMatchObject({ code: 'BAD_SHAPE' });
    expect(backend.stats().gpuBatches).toBe(0);
    const ok = await imagesToGpuBatch(bare, [opaque(4, 4, 1)]);
    expect(backend.stats().gpuBatches).toBe(1);
    bare.release(ok);
    expect(backend.stats().gpuBatches).toBe(0);
  });
});
