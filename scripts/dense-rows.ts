/**
 * The preview rows of the dense targets (SPEC §9): the samples' hand-drawn annotations
 * (samples/annotations.json), and each op's mixed masks and boxes, mixed with the same params as the
 * images of the row above. Mask ids are the photo's class + 1; boxes are coloured by class and
 * dashed when they came from the partner; Mixup shows the own maps tinted and the partner's outlined.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BatchMix, Detections, ImageBatch, MaskBatch, MixedDetections, MixParams } from '../src/index.js';
import { denseTargetsFor, type Annotations } from './annotations.js';
import type { Rgb } from './canvas.js';
import type { Overlay, OverlayBox } from './overlay.js';
import type { PreviewCell, PreviewRow, Share } from './preview.js';
import { imageOf } from './samples.js';

export interface DenseTargets {
  readonly masks: MaskBatch<Uint8Array>;
  readonly detections: Detections;
}

/** The annotations of the named samples at the batch's size. */
export function sampleTargets(root: string, names: readonly string[], h: number, w: number): DenseTargets {
  const ann = JSON.parse(readFileSync(join(root, 'samples', 'annotations.json'), 'utf8')) as Annotations;
  return denseTargetsFor(names, ann, h, w);
}

function overlayOf(i: number, h: number, w: number, palette: readonly Rgb[], masks: MaskBatch, det: Detections | MixedDetections, outline?: MaskBatch): Overlay {
  const map = (m: MaskBatch) => m.data.subarray(i * h * w, (i + 1) * h * w);
  const source = 'source' in det ? det.source : undefined;
  const boxes: OverlayBox[] = [];
  for (let b = det.offsets[i]; b < det.offsets[i + 1]; b++) {
    boxes.push({
      rect: [det.boxes[4 * b], det.boxes[4 * b + 1], det.boxes[4 * b + 2], det.boxes[4 * b + 3]],
      color: palette[det.classes[b] % palette.length],
      dashed: source !== undefined && source[b] !== i,
    });
  }
  return { width: w, height: h, mask: map(masks), outline: outline && map(outline), boxes, colorOf: (id) => palette[(id - 1) % palette.length] };
}

/** The input row with its annotations. */
export function annotatedInputRow(u8: ImageBatch, t: DenseTargets, palette: readonly Rgb[], shares: (i: number) => readonly Share[]): PreviewRow {
  const [n, h, w] = u8.shape;
  const boxCount = t.detections.classes.length;
  return {
    title: `INPUT ANNOTATIONS  ${boxCount} BOXES, MASKS ${t.masks.data.constructor.name.toUpperCase()}`,
    cells: Array.from({ length: n }, (_, i) => ({ image: imageOf(u8, i), overlay: overlayOf(i, h, w, palette, t.masks, t.detections), shares: shares(i) })),
  };
}

/** One op's mixed masks and boxes: apply with the dense targets (the same params as the images). */
export async function mixedDenseRow(mix: BatchMix, u8: ImageBatch, labels: Int32Array, params: MixParams, t: DenseTargets,
  palette: readonly Rgb[], shares: (i: number, labels: Float32Array) => readonly Share[], minVisibility = 0): Promise<{ row: PreviewRow; ms: number; boxes: number }> {
  const [n, h, w] = u8.shape;
  const t0 = performance.now();
  const r = await mix.apply(u8, labels, params, { masks: t.masks, detections: t.detections, minVisibility });
  const ms = performance.now() - t0;
  const det = r.detections!;
  const cells = Array.from({ length: n }, (_, i): PreviewCell => ({
    image: imageOf(r.images, i),
    box: params.boxes ? [params.boxes[4 * i], params.boxes[4 * i + 1], params.boxes[4 * i + 2], params.boxes[4 * i + 3]] : undefined,
    overlay: overlayOf(i, h, w, palette, r.masks!, det, r.partnerMasks),
    shares: shares(i, r.labels),
  }));
  const what = params.op === 'mixup' ? 'OWN TINTED, PARTNER OUTLINED' : params.op === 'resizemix' ? 'MASK RESIZED NEAREST' : 'MASK PASTED';
  return {
    row: { title: `  ${params.op.toUpperCase()} MASKS, BOXES: ${what}  ${det.classes.length} BOXES`, cells },
    ms,
    boxes: det.classes.length,
  };
}
