/**
 * Dense targets drawn over a preview cell: a class-id map tinted in its class colours (its borders
 * stronger), a second map as outlines only (Mixup's partner maps), and detection boxes as 1-pixel
 * outlines, dashed for boxes that came from the partner. Coordinates are image pixels; the cell's
 * image is drawn at (x, y) upscaled by `scale`.
 */
import type { Canvas, Rgb } from './canvas.js';

export interface OverlayBox {
  /** [x0, y0, x1, y1] in image pixels (floats). */
  readonly rect: readonly [number, number, number, number];
  readonly color: Rgb;
  /** Dashed: the box came from the partner. */
  readonly dashed?: boolean;
}

export interface Overlay {
  readonly width: number;
  readonly height: number;
  /** Class ids, row-major H×W; 0 draws nothing. */
  readonly mask?: ArrayLike<number>;
  /** Class ids drawn as outlines only. */
  readonly outline?: ArrayLike<number>;
  readonly boxes?: readonly OverlayBox[];
  /** The colour of a map id. */
  readonly colorOf: (id: number) => Rgb;
}

function mixInto(canvas: Canvas, px: number, py: number, c: Rgb, a: number): void {
  const o = 4 * (py * canvas.width + px);
  for (let k = 0; k < 3; k++) canvas.data[o + k] = Math.round(canvas.data[o + k] * (1 - a) + c[k] * a);
}

/** Whether pixel (r, c) of the map borders a pixel of another id (or the image edge). */
function onBorder(m: ArrayLike<number>, w: number, h: number, r: number, c: number): boolean {
  const id = m[r * w + c];
  return r === 0 || c === 0 || r === h - 1 || c === w - 1 ||
    m[(r - 1) * w + c] !== id || m[(r + 1) * w + c] !== id || m[r * w + c - 1] !== id || m[r * w + c + 1] !== id;
}

export function drawOverlay(canvas: Canvas, o: Overlay, x: number, y: number, scale: number): void {
  const { width: w, height: h } = o;
  for (const [map, fill] of [[o.mask, 0.4], [o.outline, 0]] as const) {
    if (!map) continue;
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        const id = map[r * w + c];
        if (id === 0) continue;
        const a = onBorder(map, w, h, r, c) ? 0.85 : fill;
        if (a === 0) continue;
        for (let i = 0; i < scale; i++) for (let j = 0; j < scale; j++) mixInto(canvas, x + c * scale + j, y + r * scale + i, o.colorOf(id), a);
      }
    }
  }
  for (const b of o.boxes ?? []) {
    const [x0, y0, x1, y1] = b.rect.map((v) => Math.round(v * scale));
    const put = (px: number, py: number, along: number): void => {
      if (b.dashed && Math.floor(along / 3) % 2 === 1) return;
      if (px >= 0 && py >= 0 && px < w * scale && py < h * scale) mixInto(canvas, x + px, y + py, b.color, 1);
    };
    for (let px = x0; px < x1; px++) { put(px, y0, px - x0); put(px, y1 - 1, px - x0); }
    for (let py = y0; py < y1; py++) { put(x0, py, py - y0); put(x1 - 1, py, py - y0); }
  }
}
