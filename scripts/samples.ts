/**
 * The bundled sample photographs (samples/*.png, made by scripts/make-samples.py) decoded with pngjs,
 * and the two batches `npm start` mixes: uint8 NHWC (values 0..255) and float32 NCHW (value/255, in [0, 1]).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import type { ImageBatch } from '../src/index.js';
import type { RgbImage } from './canvas.js';

/** The sample files, in batch order; the file name is the class name (class id = position). */
export const SAMPLE_NAMES = ['astronaut', 'cat', 'coffee', 'rocket', 'camera', 'hubble', 'retina', 'clock'] as const;

/** The package root: the nearest folder above this module (source or dist/) holding package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`batchmix demo: no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
}

/** Decodes samples/<name>.png to an H×W×3 uint8 image (pngjs gives RGBA; alpha is dropped). */
export function loadSample(name: string, root = packageRoot()): RgbImage {
  const png = PNG.sync.read(readFileSync(join(root, 'samples', `${name}.png`)));
  const data = new Uint8Array(png.width * png.height * 3);
  for (let p = 0; p < png.width * png.height; p++) {
    data[3 * p] = png.data[4 * p];
    data[3 * p + 1] = png.data[4 * p + 1];
    data[3 * p + 2] = png.data[4 * p + 2];
  }
  return { width: png.width, height: png.height, data };
}

/** Stacks same-sized H×W×3 images into a uint8 NHWC batch: data[((n·H + y)·W + x)·3 + c]. */
export function toUint8Nhwc(images: readonly RgbImage[]): ImageBatch<Uint8Array> {
  const { width: w, height: h } = images[0];
  const data = new Uint8Array(images.length * h * w * 3);
  images.forEach((img, n) => {
    if (img.width !== w || img.height !== h) {
      throw new RangeError(`toUint8Nhwc: image ${n} is ${img.width}×${img.height}, expected ${w}×${h} like image 0`);
    }
    data.set(img.data, n * h * w * 3);
  });
  return { data, shape: [images.length, h, w, 3], layout: 'NHWC' };
}

/** The same pixels as a float32 NCHW batch in [0, 1]: data[((n·3 + c)·H + y)·W + x] = u8[n, y, x, c] / 255. */
export function toFloat32Nchw(u8: ImageBatch<Uint8Array>): ImageBatch<Float32Array> {
  const [n, h, w, c] = u8.shape;
  const data = new Float32Array(n * c * h * w);
  for (let i = 0; i < n; i++) {
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        for (let k = 0; k < c; k++) data[((i * c + k) * h + y) * w + x] = u8.data[((i * h + y) * w + x) * c + k] / 255;
      }
    }
  }
  return { data, shape: [n, c, h, w], layout: 'NCHW' };
}

/** Sample i of a uint8 NHWC batch with C = 3, as an image (a view, no copy). */
export function imageOf(batch: ImageBatch, i: number): RgbImage {
  const [, h, w, c] = batch.shape;
  if (batch.layout !== 'NHWC' || c !== 3 || batch.data instanceof Float32Array) {
    throw new RangeError(`imageOf: expected a uint8 NHWC batch with 3 channels, got ${batch.layout} ${batch.shape.join('×')}`);
  }
  const size = h * w * 3;
  return { width: w, height: h, data: new Uint8Array(batch.data.buffer, batch.data.byteOffset + i * size, size) };
}

/**
 * The largest |round(255·f) − u| over the batch: how far a float32 NCHW result in [0, 1] is from the
 * uint8 NHWC result of the same params (≤ 1 when both are right: the uint8 path rounds v·255 itself).
 */
export function maxDiff255(f32: ImageBatch<Float32Array>, u8: ImageBatch): number {
  const [n, c, h, w] = f32.shape;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < c; k++) {
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const f = Math.round(255 * f32.data[((i * c + k) * h + y) * w + x]);
          worst = Math.max(worst, Math.abs(f - u8.data[((i * h + y) * w + x) * c + k]));
        }
      }
    }
  }
  return worst;
}
