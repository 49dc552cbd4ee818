/**
 * Masks and boxes on the demo page (SPEC §9): the samples' hand-drawn annotations
 * (samples/annotations.json, via scripts/annotations.ts, as `npm start` uses them) mixed with the same
 * params as the images, drawn over each cell: the class-id map tinted in the class colours (borders
 * stronger; Mixup's partner maps as borders only) on a 96×96 canvas, and the boxes as outlines,
 * dashed for boxes from the partner. Images the user adds have no annotations (no boxes, background).
 */
import annotations from '../samples/annotations.json' with { type: 'json' };
import { denseTargetsFor, type Annotations } from '../scripts/annotations.js';
import type { Detections, MaskBatch, MixedDetections } from '../src/index.js';
import { h } from './dom.js';
import { SIZE } from './images.js';
import { classColor } from './palette.js';

export interface DemoTargets {
  readonly masks: MaskBatch<Uint8Array>;
  readonly detections: Detections;
}

/** The annotations of the named images at the batch size (mask id = class + 1, box class = class). */
export function targetsFor(names: readonly string[]): DemoTargets {
  return denseTargetsFor(names, annotations as unknown as Annotations, SIZE.height, SIZE.width);
}

function rgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [v >> 16, (v >> 8) & 255, v & 255];
}

/** Tints map i onto `img` (alpha `fill` inside, 0.85 on borders with another id). */
function paintMap(img: ImageData, map: ArrayLike<number>, w: number, hgt: number, fill: number): void {
  for (let y = 0; y < hgt; y++) {
    for (let x = 0; x < w; x++) {
      const id = map[y * w + x];
      if (id === 0) continue;
      const border = y === 0 || x === 0 || y === hgt - 1 || x === w - 1 || map[(y - 1) * w + x] !== id ||
        map[(y + 1) * w + x] !== id || map[y * w + x - 1] !== id || map[y * w + x + 1] !== id;
      const a = border ? 0.85 : fill;
      if (a === 0) continue;
      const [r, g, b] = rgb(classColor(id - 1));
      img.data.set([r, g, b, Math.round(255 * a)], 4 * (y * w + x));
    }
  }
}

/** The layer over cell i: the map(s) and the boxes of sample i. */
export function denseLayer(i: number, masks: MaskBatch, det: Detections | MixedDetections, partner?: MaskBatch): HTMLElement {
  const [, hgt, w] = masks.shape;
  const canvas = h('canvas', { class: 'mask', 'data-testid': 'mask', width: w, height: hgt });
  const ctx = canvas.getContext('2d');
  if (ctx) {
    const img = ctx.createImageData(w, hgt);
    if (partner) paintMap(img, partner.data.subarray(i * hgt * w, (i + 1) * hgt * w), w, hgt, 0);
    paintMap(img, masks.data.subarray(i * hgt * w, (i + 1) * hgt * w), w, hgt, 0.4);
    ctx.putImageData(img, 0, 0);
  }
  const source = 'source' in det ? det.source : undefined;
  const boxes: HTMLElement[] = [];
  for (let b = det.offsets[i]; b < det.offsets[i + 1]; b++) {
    const [x0, y0, x1, y1] = det.boxes.subarray(4 * b, 4 * b + 4);
    const pct = (v: number, of: number) => `${(100 * v) / of}%`;
    const fromPartner = source !== undefined && source[b] !== i;
    boxes.push(h('div', {
      class: `det${fromPartner ? ' partner' : ''}`, 'data-testid': 'det-box', 'data-class': det.classes[b], 'data-box': `${x0},${y0},${x1},${y1}`,
      title: `class ${det.classes[b]}${'weights' in det ? `, weight ${det.weights[b].toFixed(2)}` : ''}${fromPartner ? ', from the partner' : ''}`,
      style: `left:${pct(x0, w)};top:${pct(y0, hgt)};width:${pct(x1 - x0, w)};height:${pct(y1 - y0, hgt)};border-color:${classColor(det.classes[b])}`,
    }));
  }
  return h('div', { class: 'dense', 'data-testid': 'dense' }, canvas, ...boxes);
}
