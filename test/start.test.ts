/**
 * `npm start`'s logic on a small batch: it runs every op through the public API, prints the
 * backend, params, labels and times, and writes a preview PNG that decodes and shows what it says.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { Canvas } from '../scripts/canvas.js';
import { drawText, glyphRows } from '../scripts/font.js';
import { previewGeometry, type PreviewRow } from '../scripts/preview.js';
import { imageOf, loadSample, toFloat32Nchw, toUint8Nhwc } from '../scripts/samples.js';
import { runDemo } from '../scripts/start.js';

const NAMES = ['astronaut', 'cat', 'coffee', 'rocket'];
const dir = mkdtempSync(join(tmpdir(), 'batchmix-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start', () => {
  it('mixes the samples with each op and writes a preview that decodes', async () => {
    const lines: string[] = [];
    const out = join(dir, 'preview.png');
    const result = await runDemo({ names: NAMES, out, warmCalls: 1, log: (l) => lines.push(l), dense: false });
    const text = lines.join('\n');

    expect(existsSync(out)).toBe(true);
    const png = PNG.sync.read(readFileSync(out));
    expect([png.width, png.height]).toEqual([result.width, result.height]);
    expect(text).toMatch(new RegExp(`^backend: ${result.backend}`, 'm'));
    expect(text).toContain(`preview: `);
    expect(result.ops.map((o) => o.op)).toEqual(['mixup', 'cutmix', 'resizemix']);

    // The geometry the demo drew with: 1 input row + 3 op rows, 2 title lines, images at 2×.
    const u8 = toUint8Nhwc(NAMES.map((n) => loadSample(n)));
    const rows: PreviewRow[] = [0, 1, 2, 3].map((r) => ({
      title: '', cells: NAMES.map((_, i) => ({ image: imageOf(u8, i), shares: [{ name: '', weight: 1, color: [0, 0, 0] }, { name: '', weight: 0, color: [0, 0, 0] }] })),
    }));
    const g = previewGeometry(2, rows, { scale: 2, textScale: 2 });
    expect([g.width, g.height]).toEqual([png.width, png.height]);
    const at = (x: number, y: number) => Array.from(png.data.subarray(4 * (y * png.width + x), 4 * (y * png.width + x) + 3));

    for (const [r, op] of result.ops.entries()) {
      const n = NAMES.length;
      for (let i = 0; i < n; i++) {
        const row = op.labels.subarray(i * n, (i + 1) * n);
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        expect(row[i] + (op.params.index[i] === i ? 0 : row[op.params.index[i]])).toBeCloseTo(1, 5);
        expect(text).toContain(`label ${i}  `);
        // The input row shows sample i (pixel (5, 7) upscaled ×2); an op row shows its mixed image,
        // with the box outline in yellow on its top-left corner where the box is not empty.
        const input = g.imageAt(0, i);
        expect(at(input.x + 10, input.y + 14)).toEqual(Array.from(imageOf(u8, i).data.subarray((7 * 96 + 5) * 3, (7 * 96 + 5) * 3 + 3)));
        const cell = g.imageAt(r + 1, i);
        const box = op.params.boxes?.subarray(4 * i, 4 * i + 4);
        if (box && box[1] > box[0] && box[3] > box[2]) {
          expect(at(cell.x + 2 * box[2], cell.y + 2 * box[0])).toEqual([255, 220, 0]);
        } else {
          const mixed = imageOf(op.images, i).data;
          expect(at(cell.x + 10, cell.y + 14)).toEqual(Array.from(mixed.subarray((7 * 96 + 5) * 3, (7 * 96 + 5) * 3 + 3)));
        }
      }
      // The float32 NCHW run of the same params agrees with the uint8 NHWC one to rounding.
      expect(op.maxDiff255).toBeLessThanOrEqual(1);
    }
  });

  it('builds the batches in their layouts: NHWC uint8 and NCHW float32 = u8 / 255', () => {
    const u8 = toUint8Nhwc([loadSample('cat'), loadSample('clock')]);
    expect(u8.shape).toEqual([2, 96, 96, 3]);
    const f32 = toFloat32Nchw(u8);
    expect(f32.shape).toEqual([2, 3, 96, 96]);
    // sample 1, channel 2, row 40, column 17
    expect(f32.data[((1 * 3 + 2) * 96 + 40) * 96 + 17]).toBe(Math.fround(u8.data[((1 * 96 + 40) * 96 + 17) * 3 + 2] / 255));
  });

  it('draws the 5×7 font: a glyph sets exactly its bits, lower case as upper, unknown as ?', () => {
    expect(glyphRows('a')).toEqual(glyphRows('A'));
    expect(glyphRows('~')).toEqual(glyphRows('?'));
    expect(glyphRows('1')).toEqual([0x04, 0x0c, 0x04, 0x04, 0x04, 0x04, 0x0e]);
    const canvas = new Canvas(12, 9, [0, 0, 0]);
    drawText(canvas, 'L', 1, 1, [255, 255, 255]);
    const lit: string[] = [];
    for (let y = 0; y < 9; y++) for (let x = 0; x < 12; x++) if (canvas.pixel(x, y)[0] === 255) lit.push(`${x},${y}`);
    expect(lit).toEqual(['1,1', '1,2', '1,3', '1,4', '1,5', '1,6', '1,7', '2,7', '3,7', '4,7', '5,7']);
  });
});
