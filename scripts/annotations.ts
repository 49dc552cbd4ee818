/**
 * The hand-drawn annotations of the sample photos (samples/annotations.json) as batchmix dense
 * targets: one class-id map per sample (the photo's class + 1 on its subject, 0 elsewhere) and its
 * boxes (class = the photo's class, so boxes, maps and label bars share colours). Plain data in,
 * typed arrays out; no Node or DOM imports, so `npm start` and the demo page share it.
 */
import type { Detections, MaskBatch } from '../src/index.js';

/** A polygon ([x, y] corners) or an ellipse ([cx, cy, rx, ry]), in image pixels. */
export interface Region {
  readonly label: string;
  readonly polygon?: readonly (readonly [number, number])[];
  readonly ellipse?: readonly [number, number, number, number];
}

export interface SampleAnnotation {
  readonly boxes: readonly { readonly label: string; readonly box: readonly [number, number, number, number] }[];
  readonly mask: readonly Region[];
}

export interface Annotations {
  readonly size: readonly [number, number];
  readonly samples: Readonly<Record<string, SampleAnnotation>>;
}

/** Whether the point (x, y) lies inside the region (polygons: even-odd rule). */
function inside(r: Region, x: number, y: number): boolean {
  if (r.ellipse) {
    const [cx, cy, rx, ry] = r.ellipse;
    return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
  }
  const p = r.polygon ?? [];
  let odd = false;
  for (let a = 0, b = p.length - 1; a < p.length; b = a++) {
    const [xa, ya] = p[a], [xb, yb] = p[b];
    if ((ya > y) !== (yb > y) && x < xa + ((y - ya) * (xb - xa)) / (yb - ya)) odd = !odd;
  }
  return odd;
}

/** Paints `id` into map[(y·w + x)] wherever a pixel's centre (x + 0.5, y + 0.5) is inside a region. */
export function rasterise(regions: readonly Region[], id: number, map: Uint8Array, h: number, w: number): void {
  for (const r of regions) {
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) if (inside(r, x + 0.5, y + 0.5)) map[y * w + x] = id;
    }
  }
}

/**
 * Dense targets for a batch of the named samples (class id = position in `names`) at h×w: the
 * annotations are drawn for `size` and scaled to h×w. Names without annotations (e.g. a user's own
 * images) get no boxes and an all-background map.
 */
export function denseTargetsFor(names: readonly string[], ann: Annotations, h: number, w: number): { masks: MaskBatch<Uint8Array>; detections: Detections } {
  const [aw, ah] = ann.size;
  const sx = w / aw, sy = h / ah;
  const masks = new Uint8Array(names.length * h * w);
  const boxes: number[] = [];
  const classes: number[] = [];
  const offsets = new Int32Array(names.length + 1);
  names.forEach((name, i) => {
    const a = ann.samples[name];
    if (a) {
      const scaled = a.mask.map((r): Region => ({
        label: r.label,
        polygon: r.polygon?.map(([x, y]) => [x * sx, y * sy] as const),
        ellipse: r.ellipse && [r.ellipse[0] * sx, r.ellipse[1] * sy, r.ellipse[2] * sx, r.ellipse[3] * sy],
      }));
      rasterise(scaled, i + 1, masks.subarray(i * h * w, (i + 1) * h * w), h, w);
      for (const { box } of a.boxes) {
        boxes.push(box[0] * sx, box[1] * sy, box[2] * sx, box[3] * sy);
        classes.push(i);
      }
    }
    offsets[i + 1] = classes.length;
  });
  return {
    masks: { data: masks, shape: [names.length, h, w] },
    detections: { boxes: Float32Array.from(boxes), classes: Int32Array.from(classes), offsets },
  };
}
