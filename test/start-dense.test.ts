/**
 * `npm start`'s masks and boxes rows (scripts/dense-rows.ts, scripts/overlay.ts): after the input
 * row come the annotations, and after each op's row its mixed masks and boxes. Every pixel of those
 * cells is checked against the mixed targets recomputed here on the js backend: inside a map region
 * the image tinted 40 % (85 % on its border) in the class colour, a box's outline in its class colour,
 * and elsewhere the mixed image itself.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { denseTargetsFor, type Annotations } from '../scripts/annotations.js';
import { previewGeometry, type PreviewRow } from '../scripts/preview.js';
import { imageOf, loadSample, packageRoot, toUint8Nhwc } from '../scripts/samples.js';
import { runDemo } from '../scripts/start.js';
import { createBatchMix, type Detections, type MaskBatch } from '../src/index.js';

const NAMES = ['astronaut', 'cat', 'coffee', 'rocket'];
const PALETTE = [[230, 25, 75], [60, 180, 75], [255, 225, 25], [0, 130, 200]];
const dir = mkdtempSync(join(tmpdir(), 'batchmix-start-dense-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Px = [number, number, number];

/** The expected canvas pixels of one cell (2× scale), as scripts/overlay.ts defines them. */
function expectedCell(image: Uint8Array, map: ArrayLike<number>, det: Detections & { source?: Int32Array }, i: number,
  paste: ArrayLike<number> | undefined, outline?: ArrayLike<number>): Px[] {
  const S = 2, W = 96 * S;
  const out: Px[] = [];
  const border = (m: ArrayLike<number>, r: number, c: number) => {
    const id = m[r * 96 + c];
    return r === 0 || c === 0 || r === 95 || c === 95 || m[(r - 1) * 96 + c] !== id || m[(r + 1) * 96 + c] !== id || m[r * 96 + c - 1] !== id || m[r * 96 + c + 1] !== id;
  };
  const mix = (p: Px, c: readonly number[], a: number): Px => [0, 1, 2].map((k) => Math.round(p[k] * (1 - a) + c[k] * a)) as Px;
  for (let y = 0; y < W; y++) {
    for (let x = 0; x < W; x++) {
      const r = y >> 1, c = x >> 1;
      let p = Array.from(image.subarray(3 * (r * 96 + c), 3 * (r * 96 + c) + 3)) as Px;
      for (const [m, fill] of [[map, 0.4], [outline, 0]] as const) {
        if (!m || m[r * 96 + c] === 0) continue;
        const a = border(m, r, c) ? 0.85 : fill;
        if (a > 0) p = mix(p, PALETTE[(m[r * 96 + c] - 1) % 4], a);
      }
      out.push(p);
    }
  }
  // Box outlines: 1 canvas pixel, class colour; dashed (3 on, 3 off) for partner boxes; later boxes on top.
  const owner = new Map<number, Px>();
  for (let b = det.offsets[i]; b < det.offsets[i + 1]; b++) {
    const [x0, y0, x1, y1] = Array.from(det.boxes.subarray(4 * b, 4 * b + 4), (v) => Math.round(v * S));
    const dashed = det.source !== undefined && det.source[b] !== i;
    const put = (px: number, py: number, along: number) => {
      if (dashed && Math.floor(along / 3) % 2 === 1) return;
      if (px < 0 || py < 0 || px >= W || py >= W) return;
      owner.set(py * W + px, PALETTE[det.classes[b] % 4] as Px);
    };
    for (let px = x0; px < x1; px++) { put(px, y0, px - x0); put(px, y1 - 1, px - x0); }
    for (let py = y0; py < y1; py++) { put(x0, py, py - y0); put(x1 - 1, py, py - y0); }
  }
  for (const [k, col] of owner) out[k] = col;
  // The paste box outline (S pixels, yellow) is drawn last, over everything.
  if (paste && paste[1] > paste[0] && paste[3] > paste[2]) {
    const [y0, y1, x0, x1] = Array.from(paste, (v) => v * S);
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) if (y < y0 + S || y >= y1 - S || x < x0 + S || x >= x1 - S) out[y * W + x] = [255, 220, 0];
    }
  }
  return out;
}

describe('npm start: masks and boxes', () => {
  it('draws the annotations and each op\'s mixed masks and boxes, pixel for pixel', async () => {
    const lines: string[] = [];
    const out = join(dir, 'preview.png');
    const result = await runDemo({ names: NAMES, out, warmCalls: 1, log: (l) => lines.push(l) });
    const png = PNG.sync.read(readFileSync(out));
    const u8 = toUint8Nhwc(NAMES.map((n) => loadSample(n)));
    const rows: PreviewRow[] = Array.from({ length: 8 }, () => ({
      title: '', cells: NAMES.map((_, i) => ({ image: imageOf(u8, i), shares: [{ name: '', weight: 1, color: [0, 0, 0] }, { name: '', weight: 0, color: [0, 0, 0] }] })),
    }));
    const g = previewGeometry(2, rows, { scale: 2, textScale: 2 });
    expect([g.width, g.height]).toEqual([png.width, png.height]);
    expect(lines.filter((l) => l.includes('masks + boxes'))).toHaveLength(3);

    const ann = JSON.parse(readFileSync(join(packageRoot(), 'samples', 'annotations.json'), 'utf8')) as Annotations;
    const t = denseTargetsFor(NAMES, ann, 96, 96);
    const js = await createBatchMix({ numClasses: 4, augments: { op: 'mixup', alpha: 1 }, backend: 'js' });
    const check = (row: number, i: number, image: Uint8Array, masks: MaskBatch, det: Detections, paste?: ArrayLike<number>, partner?: MaskBatch) => {
      const hw = 96 * 96;
      const want = expectedCell(image, masks.data.subarray(i * hw, (i + 1) * hw), det, i, paste, partner?.data.subarray(i * hw, (i + 1) * hw));
      const { x, y } = g.imageAt(row, i);
      let bad = 0, first = '';
      want.forEach((p, k) => {
        const o = 4 * ((y + Math.floor(k / 192)) * png.width + x + (k % 192));
        const got = [png.data[o], png.data[o + 1], png.data[o + 2]];
        if (got.some((v, c) => v !== p[c])) { bad++; first ||= `(${k % 192}, ${Math.floor(k / 192)}) got ${got} want ${p}`; }
      });
      expect(bad, `row ${row} cell ${i}: ${first}`).toBe(0);
    };
    for (let i = 0; i < NAMES.length; i++) check(1, i, imageOf(u8, i).data, t.masks, t.detections);
    for (const [k, op] of result.ops.entries()) {
      const r = await js.apply(u8, Int32Array.from(NAMES, (_, i) => i), op.params, t);
      expect(r.detections!.classes.length).toBeGreaterThan(0);
      for (let i = 0; i < NAMES.length; i++) {
        check(3 + 2 * k, i, imageOf(r.images, i).data, r.masks!, r.detections!, op.params.boxes?.subarray(4 * i, 4 * i + 4), r.partnerMasks);
      }
    }
    js.dispose();
  });
});
