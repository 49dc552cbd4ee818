/**
 * Browser image inputs and outputs in Chromium: every source kind read exactly at its size, the fits,
 * the layouts and dtypes, the way back to ImageData and canvases, and the bad inputs with their codes.
 */
import { describe, expect, it } from 'vitest';
import { batchToImageData, batchToImages, drawBatchImage, imagesToBatch, type ImageSource } from '../src/browser/index.js';
import { BatchMixError, type ErrorCode } from '../src/errors.js';
import { lcg } from './helpers/data.js';

/** Opaque random RGBA pixels (alpha 255, so no premultiplication rounding anywhere). */
function opaque(w: number, h: number, seed: number): ImageData {
  const rnd = lcg(seed);
  const d = new Uint8ClampedArray(4 * w * h).map((_, k) => (k % 4 === 3 ? 255 : Math.floor(rnd() * 256)));
  return new ImageData(d, w, h);
}

function canvasOf(img: ImageData): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = img.width;
  c.height = img.height;
  c.getContext('2d')!.putImageData(img, 0, 0);
  return c;
}

function offscreenOf(img: ImageData): OffscreenCanvas {
  const c = new OffscreenCanvas(img.width, img.height);
  c.getContext('2d')!.putImageData(img, 0, 0);
  return c;
}

async function imgOf(url: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = url;
  return img;
}

/** The RGB bytes of ImageData, pixel by pixel (NHWC, C = 3). */
function rgb(img: ImageData): number[] {
  return Array.from(img.data).filter((_, k) => k % 4 !== 3);
}

async function rejects(p: Promise<unknown> | (() => unknown), code: ErrorCode, message: RegExp): Promise<void> {
  let err: unknown;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    err = e;
  }
  expect(err, 'expected a BatchMixError').toBeInstanceOf(BatchMixError);
  expect((err as BatchMixError).code).toBe(code);
  expect((err as BatchMixError).message).toMatch(message);
}

describe('imagesToBatch: every source kind, read exactly', () => {
  const a = opaque(7, 5, 1), b = opaque(7, 5, 2);
  const kinds: [string, () => Promise<ImageSource> | ImageSource][] = [
    ['ImageData', () => a],
    ['HTMLCanvasElement', () => canvasOf(a)],
    ['OffscreenCanvas', () => offscreenOf(a)],
    ['ImageBitmap', () => createImageBitmap(a)],
    ['HTMLImageElement (PNG)', () => imgOf(canvasOf(a).toDataURL('image/png'))],
  ];
  for (const [name, make] of kinds) {
    it(`${name}: uint8 NHWC RGB equals the pixels`, async () => {
      const batch = await imagesToBatch([await make(), b]);
      expect(batch.shape).toEqual([2, 5, 7, 3]);
      expect(batch.layout).toBe('NHWC');
      expect(batch.data).toBeInstanceOf(Uint8Array);
      expect(Array.from(batch.data)).toEqual([...rgb(a), ...rgb(b)]);
    });
  }

  it('NCHW float32 RGBA: channel planes of byte / 255', async () => {
    const batch = await imagesToBatch([canvasOf(a)], { layout: 'NCHW', dtype: 'float32', channels: 4 });
    expect(batch.shape).toEqual([1, 4, 5, 7]);
    expect(batch.data).toBeInstanceOf(Float32Array);
    for (let c = 0; c < 4; c++) {
      for (let p = 0; p < 35; p++) expect(batch.data[c * 35 + p]).toBe(Math.fround(a.data[4 * p + c] / 255));
    }
  });

  it('one channel is the ITU-R 601 luma', async () => {
    const batch = await imagesToBatch([a], { channels: 1 });
    expect(batch.shape).toEqual([1, 5, 7, 1]);
    const d = a.data;
    const want = Array.from({ length: 35 }, (_, p) => Math.floor((299 * d[4 * p] + 587 * d[4 * p + 1] + 114 * d[4 * p + 2] + 500) / 1000));
    expect(Array.from(batch.data)).toEqual(want);
  });
});

describe('imagesToBatch: sizes', () => {
  // 8×4: the left half red, the right half blue.
  const wide = new ImageData(new Uint8ClampedArray(Array.from({ length: 32 }, (_, p) => (p % 8 < 4 ? [255, 0, 0, 255] : [0, 0, 255, 255])).flat()), 8, 4);

  it('rejects images of different sizes without a fit, naming the image and both sizes', async () => {
    await rejects(imagesToBatch([opaque(4, 4, 1), wide]), 'BAD_SHAPE', /images\[1\] is 8×4 but the batch is 4×4.*fit/);
  });

  it("fit 'cover' centre-crops (scale 1: columns 2..5 of the 8×4 image)", async () => {
    const batch = await imagesToBatch([opaque(4, 4, 1), wide], { fit: 'cover' });
    const row = Array.from(batch.data.subarray(48, 60));
    expect(row).toEqual([255, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255]);
  });

  it("fit 'contain' centres the image with zero margins; fit 'stretch' fills the target", async () => {
    const contain = await imagesToBatch([wide], { size: { width: 8, height: 8 }, fit: 'contain', channels: 4 });
    const px = (y: number, x: number) => Array.from(contain.data.subarray(4 * (y * 8 + x), 4 * (y * 8 + x) + 4));
    expect(px(0, 0)).toEqual([0, 0, 0, 0]);
    expect(px(1, 7)).toEqual([0, 0, 0, 0]);
    expect(px(2, 0)).toEqual([255, 0, 0, 255]);
    expect(px(5, 7)).toEqual([0, 0, 255, 255]);
    expect(px(6, 3)).toEqual([0, 0, 0, 0]);
    const stretch = await imagesToBatch([wide], { size: { width: 16, height: 16 }, fit: 'stretch' });
    expect(stretch.shape).toEqual([1, 16, 16, 3]);
    expect(Array.from(stretch.data.subarray(0, 3))).toEqual([255, 0, 0]);
    expect(Array.from(stretch.data.subarray(3 * 255, 3 * 256))).toEqual([0, 0, 255]);
  });
});

describe('imagesToBatch: bad inputs', () => {
  it('a cross-origin image without CORS (tainted) is refused with the fix in the message', async () => {
    // The test page is served from one host name; the same server under the other name is another origin.
    const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const img = await imgOf(`${location.protocol}//${other}:${location.port}/samples/cat.png`);
    await img.decode(); // it loads: only reading its pixels is forbidden
    expect(img.naturalWidth).toBe(96);
    await rejects(imagesToBatch([img]), 'BAD_IMAGE', /images\[0\] is a cross-origin image without CORS.*crossOrigin/);
    await rejects(async () => imagesToBatch([await createImageBitmap(img)]), 'BAD_IMAGE', /cross-origin/);
  });

  it('a detached ImageBitmap (closed, or transferred to a worker) is refused', async () => {
    const closed = await createImageBitmap(opaque(3, 3, 1));
    closed.close();
    await rejects(imagesToBatch([opaque(3, 3, 2), closed]), 'BAD_IMAGE', /images\[1\].*ImageBitmap is detached/);
    const moved = await createImageBitmap(opaque(3, 3, 1));
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(moved, [moved]);
    port1.close();
    port2.close();
    await rejects(imagesToBatch([moved]), 'BAD_IMAGE', /detached/);
  });

  it('zero-sized images are refused with BAD_SHAPE', async () => {
    const empty = document.createElement('canvas');
    empty.width = 0;
    await rejects(imagesToBatch([empty]), 'BAD_SHAPE', /images\[0\]: the HTMLCanvasElement is 0×150/);
    const svg = await imgOf(`data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"/>')}`);
    await rejects(imagesToBatch([svg]), 'BAD_SHAPE', /HTMLImageElement is 0×0/);
    await rejects(imagesToBatch([]), 'BAD_SHAPE', /non-empty array/);
    await rejects(imagesToBatch([opaque(2, 2, 1)], { size: { width: 0, height: 2 } }), 'BAD_SHAPE', /options.size/);
  });

  it('broken images and values that are not images are refused', async () => {
    await rejects(imagesToBatch([await imgOf('data:image/png;base64,AAAA')]), 'BAD_IMAGE', /cannot be decoded/);
    await rejects(imagesToBatch([new Blob([]) as unknown as ImageSource]), 'BAD_IMAGE', /images\[0\] must be an ImageData.*got Blob/);
    await rejects(imagesToBatch([opaque(2, 2, 1)], { layout: 'CHW' as 'NCHW' }), 'BAD_LAYOUT', /options.layout/);
    await rejects(imagesToBatch([opaque(2, 2, 1)], { dtype: 'int8' as 'uint8' }), 'BAD_DTYPE', /options.dtype/);
  });
});

describe('batch → ImageData and canvas', () => {
  it('round-trips uint8 RGB, float32 NCHW grey and RGBA through ImageData', async () => {
    const a = opaque(6, 4, 9);
    const back = batchToImageData(await imagesToBatch([a]), 0);
    expect(Array.from(back.data)).toEqual(Array.from(a.data));
    const rgba = await imagesToBatch([opaque(6, 4, 1), a], { channels: 4, layout: 'NCHW', dtype: 'float32' });
    expect(Array.from(batchToImages(rgba)[1].data)).toEqual(Array.from(a.data));
    const grey = await imagesToBatch([a], { channels: 1, layout: 'NCHW', dtype: 'float32' });
    const g = batchToImageData(grey, 0).data;
    for (let p = 0; p < 24; p++) {
      expect([g[4 * p + 1], g[4 * p + 2], g[4 * p + 3]]).toEqual([g[4 * p], g[4 * p], 255]);
      expect(g[4 * p]).toBe(Math.round(grey.data[p] * 255));
    }
  });

  it('maps options.range to 0..255 with rounding and clamping', () => {
    const batch = { data: new Float32Array([-1, -0.5, 0, 0.5, 1, 2]), shape: [1, 1, 6, 1] as const, layout: 'NHWC' as const };
    const img = batchToImageData(batch, 0, { range: [-1, 1] });
    expect(Array.from(img.data).filter((_, k) => k % 4 === 0)).toEqual([0, 64, 128, 191, 255, 255]);
  });

  it('draws on a canvas (resized to the image) and on a context at (x, y)', async () => {
    const a = opaque(5, 3, 4);
    const batch = await imagesToBatch([a]);
    const canvas = document.createElement('canvas');
    drawBatchImage(batch, 0, canvas);
    expect([canvas.width, canvas.height]).toEqual([5, 3]);
    expect(Array.from(canvas.getContext('2d')!.getImageData(0, 0, 5, 3).data)).toEqual(Array.from(a.data));
    const big = new OffscreenCanvas(10, 10).getContext('2d')!;
    drawBatchImage(batch, 0, big, { x: 4, y: 6 });
    expect(Array.from(big.getImageData(4, 6, 5, 3).data)).toEqual(Array.from(a.data));
  });

  it('refuses what cannot be an image', async () => {
    const five = { data: new Uint8Array(5), shape: [1, 1, 1, 5] as const, layout: 'NHWC' as const };
    expect(() => batchToImageData(five, 0)).toThrow(/C = 5 channels/);
    const batch = await imagesToBatch([opaque(2, 2, 1)]);
    await rejects(() => batchToImageData(batch, 1), 'BAD_SHAPE', /i must be an integer in \[0, 1\), got 1/);
    await rejects(() => batchToImageData(batch, 0, { range: [1, 1] }), 'BAD_OPTIONS', /options.range/);
  });
});
