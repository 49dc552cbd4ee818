/**
 * A small RGB raster for the preview: rectangles, outlines and scaled image blits, encoded to PNG
 * with pngjs. Pixels are 8-bit RGBA, row-major (`data[4·(y·width + x) + ch]`), alpha always 255.
 */
import { PNG } from 'pngjs';

export type Rgb = readonly [number, number, number];

/** An H×W×3 uint8 image (HWC, row-major), e.g. one sample of an NHWC uint8 batch. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export class Canvas {
  readonly data: Uint8Array;

  constructor(readonly width: number, readonly height: number, background: Rgb) {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
      throw new RangeError(`Canvas: width and height must be positive integers, got ${width}×${height}`);
    }
    this.data = new Uint8Array(width * height * 4);
    this.fillRect(0, 0, width, height, background);
  }

  /** Fills [y, y + h) × [x, x + w) with `color`, clipped to the canvas. */
  fillRect(x: number, y: number, w: number, h: number, color: Rgb): void {
    const x0 = Math.max(0, x), x1 = Math.min(this.width, x + w);
    const y0 = Math.max(0, y), y1 = Math.min(this.height, y + h);
    for (let yy = y0; yy < y1; yy++) {
      for (let xx = x0; xx < x1; xx++) {
        const o = 4 * (yy * this.width + xx);
        this.data[o] = color[0];
        this.data[o + 1] = color[1];
        this.data[o + 2] = color[2];
        this.data[o + 3] = 255;
      }
    }
  }

  /** A rectangle outline `t` pixels thick drawn inside [y, y + h) × [x, x + w). */
  outlineRect(x: number, y: number, w: number, h: number, t: number, color: Rgb): void {
    if (w <= 0 || h <= 0) return;
    this.fillRect(x, y, w, Math.min(t, h), color);
    this.fillRect(x, y + h - Math.min(t, h), w, Math.min(t, h), color);
    this.fillRect(x, y, Math.min(t, w), h, color);
    this.fillRect(x + w - Math.min(t, w), y, Math.min(t, w), h, color);
  }

  /** Nearest-neighbour upscale by an integer `scale`: canvas (x + c·s + j, y + r·s + i) = image (r, c). */
  blit(image: RgbImage, x: number, y: number, scale: number): void {
    for (let r = 0; r < image.height; r++) {
      for (let c = 0; c < image.width; c++) {
        const p = 3 * (r * image.width + c);
        this.fillRect(x + c * scale, y + r * scale, scale, scale, [image.data[p], image.data[p + 1], image.data[p + 2]]);
      }
    }
  }

  /** The RGB value at (x, y). */
  pixel(x: number, y: number): Rgb {
    const o = 4 * (y * this.width + x);
    return [this.data[o], this.data[o + 1], this.data[o + 2]];
  }

  /** PNG bytes (8-bit RGBA). */
  toPng(): Buffer {
    const png = new PNG({ width: this.width, height: this.height });
    png.data = Buffer.from(this.data.buffer, this.data.byteOffset, this.data.byteLength);
    return PNG.sync.write(png);
  }
}
