/**
 * The preview grid of `npm start`: a title, then one row per batch (the input, then one per op).
 * Each cell is a sample upscaled by `scale`, its paste box outlined (1 image pixel thick, inside the
 * half-open box [y0, y1) × [x0, x1)), a bar whose segments are the label weights, and under it one
 * text line per label class: a colour swatch, the class name and its weight.
 */
import { Canvas, type Rgb, type RgbImage } from './canvas.js';
import { CELL_H, CELL_W, drawText } from './font.js';
import { drawOverlay, type Overlay } from './overlay.js';

/** One class of a label mixture: its name, weight in [0, 1] and swatch colour. */
export interface Share {
  readonly name: string;
  readonly weight: number;
  readonly color: Rgb;
}

export interface PreviewCell {
  readonly image: RgbImage;
  /** [y0, y1, x0, x1], half-open, in image pixels. */
  readonly box?: readonly [number, number, number, number];
  /** Masks and detection boxes drawn over the image (scripts/overlay.ts). */
  readonly overlay?: Overlay;
  /** The classes to list, largest first (the bar leaves the rest of the weight grey). */
  readonly shares: readonly Share[];
}

export interface PreviewRow {
  readonly title: string;
  readonly cells: readonly PreviewCell[];
}

export interface PreviewLayout {
  /** Image upscale factor and font scale (integers ≥ 1). */
  readonly scale: number;
  readonly textScale: number;
}

const BG: Rgb = [24, 24, 28];
const TEXT: Rgb = [230, 230, 230];
const DIM: Rgb = [150, 150, 160];
const BOX: Rgb = [255, 220, 0];
const REST: Rgb = [90, 90, 96];
const MARGIN = 16;
const GAP = 12;
const BAR_H = 6;

/** Where everything goes, in canvas pixels; exported so tests can find a cell's image. */
export function previewGeometry(titleLines: number, rows: readonly PreviewRow[], layout: PreviewLayout) {
  const cell0 = rows[0].cells[0].image;
  const lineH = (CELL_H + 1) * layout.textScale;
  const cellW = cell0.width * layout.scale;
  const imageH = cell0.height * layout.scale;
  const shareLines = Math.max(1, ...rows.flatMap((r) => r.cells.map((c) => c.shares.length)));
  const cellH = imageH + 4 + BAR_H + 4 + shareLines * lineH;
  const rowH = lineH + 4 + cellH + GAP;
  const cols = Math.max(...rows.map((r) => r.cells.length));
  const top = MARGIN + titleLines * lineH + GAP;
  return {
    lineH, cellW, imageH, rowH, top,
    width: 2 * MARGIN + cols * cellW + (cols - 1) * GAP,
    height: top + rows.length * rowH - GAP + MARGIN,
    /** Top-left corner of the image of cell `col` in row `row`. */
    imageAt: (row: number, col: number) => ({ x: MARGIN + col * (cellW + GAP), y: top + row * rowH + lineH + 4 }),
  };
}

/** Draws the grid; every row's images must have the size of the first one. */
export function renderPreview(title: readonly string[], rows: readonly PreviewRow[], layout: PreviewLayout): Canvas {
  const g = previewGeometry(title.length, rows, layout);
  const canvas = new Canvas(g.width, g.height, BG);
  const ts = layout.textScale;
  // Text starts after the swatch (CELL_W + 2 font pixels) and must end inside the cell.
  const maxChars = Math.floor((g.cellW / ts - (CELL_W + 2) + 1) / CELL_W);
  title.forEach((line, k) => drawText(canvas, line, MARGIN, MARGIN + k * g.lineH, k === 0 ? TEXT : DIM, ts));
  rows.forEach((row, r) => {
    drawText(canvas, row.title, MARGIN, g.top + r * g.rowH, TEXT, ts);
    row.cells.forEach((cell, c) => {
      const { x, y } = g.imageAt(r, c);
      if (cell.image.width * layout.scale !== g.cellW || cell.image.height * layout.scale !== g.imageH) {
        throw new RangeError(`renderPreview: row ${r} cell ${c} is ${cell.image.width}×${cell.image.height}, not the first cell's size`);
      }
      canvas.blit(cell.image, x, y, layout.scale);
      if (cell.overlay) drawOverlay(canvas, cell.overlay, x, y, layout.scale);
      if (cell.box) {
        const [y0, y1, x0, x1] = cell.box;
        const s = layout.scale;
        canvas.outlineRect(x + x0 * s, y + y0 * s, (x1 - x0) * s, (y1 - y0) * s, s, BOX);
      }
      drawBar(canvas, cell.shares, x, y + g.imageH + 4, g.cellW);
      cell.shares.forEach((share, k) => {
        const ly = y + g.imageH + 4 + BAR_H + 4 + k * g.lineH;
        canvas.fillRect(x, ly, 5 * ts, 7 * ts, share.color);
        const text = `${share.name} ${share.weight.toFixed(2)}`.slice(0, maxChars);
        drawText(canvas, text, x + (CELL_W + 2) * ts, ly, TEXT, ts);
      });
    });
  });
  return canvas;
}

/** A bar of width `w` split left to right in proportion to the shares' weights; the rest is grey. */
function drawBar(canvas: Canvas, shares: readonly Share[], x: number, y: number, w: number): void {
  canvas.fillRect(x, y, w, BAR_H, REST);
  let at = 0;
  for (const share of shares) {
    const len = Math.round(Math.max(0, Math.min(1, share.weight)) * w);
    canvas.fillRect(x + at, y, Math.min(len, w - at), BAR_H, share.color);
    at += len;
  }
}
