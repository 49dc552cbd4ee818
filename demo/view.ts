/**
 * The two batches side by side: the input cells (image, class colour, name) and the mixed cells
 * (image, the paste box outlined, the label mixture as a stacked bar and its two largest shares).
 * Images are put on 96×96 canvases pixel for pixel (drawBatchImage); CSS only scales them.
 * `layer(i)`, when given, is drawn over cell i (masks and boxes: demo/dense.ts).
 */
import { drawBatchImage, type ImageBatch, type MixParams } from '../src/index.js';
import { h, fill } from './dom.js';
import { classColor } from './palette.js';

function canvasOf(batch: ImageBatch, i: number, testid: string): HTMLCanvasElement {
  const canvas = h('canvas', { 'data-testid': testid, 'data-index': i });
  drawBatchImage(batch, i, canvas);
  return canvas;
}

/** The input batch: one cell per image, coloured by class. */
export function renderInput(grid: HTMLElement, batch: ImageBatch, names: readonly string[], layer?: (i: number) => HTMLElement): void {
  fill(grid, ...names.map((name, i) => h('figure', { class: 'cell', 'data-cell': i, 'data-name': name },
    h('div', { class: 'frame' }, canvasOf(batch, i, 'in-canvas'), layer?.(i)),
    h('figcaption', { class: 'name' }, h('i', { class: 'dot', style: `background:${classColor(i)}` }), name),
  )));
}

/** The box of sample i as an outline, in percent of the cell; null when there is none or it is empty. */
function boxOutline(p: MixParams, i: number, H: number, W: number): HTMLElement | null {
  if (!p.boxes) return null;
  const [y0, y1, x0, x1] = p.boxes.subarray(4 * i, 4 * i + 4);
  if (y1 <= y0 || x1 <= x0) return null;
  const pct = (v: number, of: number) => `${(100 * v) / of}%`;
  return h('div', {
    class: 'box', 'data-testid': 'box',
    style: `top:${pct(y0, H)};left:${pct(x0, W)};height:${pct(y1 - y0, H)};width:${pct(x1 - x0, W)}`,
  });
}

/** Label row i as a stacked bar (largest share first) and a caption of the two largest shares. */
function labelMix(labels: Float32Array, i: number, names: readonly string[]): [HTMLElement, HTMLElement] {
  const k = names.length;
  const row = Array.from(labels.subarray(i * k, (i + 1) * k), (w, c) => ({ w, c })).sort((a, b) => b.w - a.w);
  const bar = h('div', { class: 'bar', title: row.filter((s) => s.w >= 0.005).map((s) => `${names[s.c]} ${s.w.toFixed(3)}`).join('\n') },
    ...row.filter((s) => s.w > 0).map((s) => h('span', { style: `width:${100 * s.w}%;background:${classColor(s.c)}` })));
  const top = row.slice(0, 2).filter((s) => s.w >= 0.005);
  const caption = h('figcaption', {}, ...top.map((s) =>
    h('span', { class: 'share' }, h('i', { class: 'dot', style: `background:${classColor(s.c)}` }), `${names[s.c]} `, h('b', {}, s.w.toFixed(2)))));
  return [bar, caption];
}

/** The mixed batch with boxes and label mixtures; hovering a cell marks its image and partner in `inputGrid`. */
export function renderOutput(grid: HTMLElement, inputGrid: HTMLElement, batch: ImageBatch, labels: Float32Array, p: MixParams, names: readonly string[],
  layer?: (i: number) => HTMLElement): void {
  const [, H, W] = batch.shape;
  const mark = (i: number, on: boolean): void => {
    inputGrid.querySelector(`[data-cell="${i}"]`)?.classList.toggle('self', on);
    inputGrid.querySelector(`[data-cell="${p.index[i]}"]`)?.classList.toggle('partner', on);
  };
  fill(grid, ...names.map((_, i) => {
    const [bar, caption] = labelMix(labels, i, names);
    const row = Array.from(labels.subarray(i * names.length, (i + 1) * names.length));
    return h('figure', {
      class: 'cell', 'data-testid': 'out-cell', 'data-labels': JSON.stringify(row),
      onmouseenter: () => mark(i, true), onmouseleave: () => mark(i, false),
    },
    h('div', { class: 'frame' }, canvasOf(batch, i, 'out-canvas'), layer?.(i), boxOutline(p, i, H, W)),
    bar, caption);
  }));
}
