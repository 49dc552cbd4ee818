/**
 * The demo page's masks and boxes (demo/dense.ts) in Debian's Chromium: off at first; with the toggle on, every
 * input cell shows its sample's annotations and every mixed cell shows exactly the masks and boxes
 * that wasm computes in Node for the shown params; the toggle takes them away and brings them back.
 * A screenshot is saved to test-artifacts/demo-dense.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright';
import { PNG } from 'pngjs';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { denseTargetsFor, type Annotations } from '../scripts/annotations.js';
import { createBatchMix, paramsFromJSON, type BatchMix, type ImageBatch } from '../src/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ARTIFACTS = join(ROOT, 'test-artifacts');
const ARGS = ['--disable-quic', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const ANN = JSON.parse(readFileSync(join(ROOT, 'samples', 'annotations.json'), 'utf8')) as Annotations;

let server: ViteDevServer;
let browser: Browser;
let page: Page;
let wasm: BatchMix;
const problems: string[] = [];

interface Shown { rect: number[]; style: number[]; dashed: boolean }

/** The box as drawn: the CSS percentages (6 significant digits) match the box. */
function expectPlaced(b: Shown): void {
  const [x0, y0, x1, y1] = b.rect;
  [x0, y0, x1 - x0, y1 - y0].forEach((v, k) => expect(Math.abs(b.style[k] - (100 * v) / 96)).toBeLessThanOrEqual(1e-4 * (1 + (100 * v) / 96)));
}

interface ShownDense {
  names: string[];
  params: string;
  /** Per cell: mask canvas alpha > 0 (row-major); its boxes: [x0, y0, x1, y1], CSS [left, top, width, height] %, dashed. */
  input: { alpha: boolean[]; boxes: Shown[] }[];
  output: { alpha: boolean[]; boxes: Shown[] }[];
}

function readDense(p: Page): Promise<ShownDense> {
  return p.evaluate(() => {
    const cells = (grid: string) => [...document.querySelectorAll(`${grid} .frame`)].map((frame) => {
      const c = frame.querySelector<HTMLCanvasElement>('canvas.mask');
      const alpha = c ? Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data).filter((_, k) => k % 4 === 3).map((a) => a > 0) : [];
      const boxes = [...frame.querySelectorAll<HTMLElement>('[data-testid=det-box]')].map((b) => ({
        rect: b.dataset.box!.split(',').map(Number),
        style: [b.style.left, b.style.top, b.style.width, b.style.height].map((v) => parseFloat(v)),
        dashed: b.classList.contains('partner'),
      }));
      return { alpha, boxes };
    });
    return {
      names: [...document.querySelectorAll<HTMLElement>('#input-grid [data-name]')].map((e) => e.dataset.name!),
      params: (document.querySelector('[data-testid=params]') as HTMLTextAreaElement).value,
      input: cells('#input-grid'),
      output: cells('#output-grid'),
    };
  });
}

async function settle(p: Page, act: () => Promise<void>): Promise<void> {
  const before = Number(await p.evaluate(() => document.body.dataset.runs));
  await act();
  await p.waitForFunction((b) => Number(document.body.dataset.runs) > b && document.body.dataset.state !== 'busy', before, { timeout: 30_000 });
  expect(await p.evaluate(() => document.body.dataset.state)).toBe('ready');
}

async function setOp(p: Page, op: string, on: boolean): Promise<void> {
  const box = p.getByTestId(`op-${op}`);
  if ((await box.isChecked()) !== on) await p.locator('label.op-head', { has: box }).click();
}

function sampleBatch(names: readonly string[]): ImageBatch {
  const images = names.map((n) => PNG.sync.read(readFileSync(join(ROOT, 'samples', `${n}.png`))));
  const [w, h] = [images[0].width, images[0].height];
  const data = new Uint8Array(names.length * h * w * 3);
  images.forEach((png, i) => {
    for (let q = 0; q < w * h; q++) for (let c = 0; c < 3; c++) data[(i * w * h + q) * 3 + c] = png.data[4 * q + c];
  });
  return { data, shape: [names.length, h, w, 3], layout: 'NHWC' };
}

/** Pixels a map paints (id ≠ 0), and with `outline` the border pixels of a second map. */
function painted(map: ArrayLike<number>, w: number, h: number, outline?: ArrayLike<number>): boolean[] {
  const border = (m: ArrayLike<number>, y: number, x: number) => {
    const id = m[y * w + x];
    return y === 0 || x === 0 || y === h - 1 || x === w - 1 || m[(y - 1) * w + x] !== id || m[(y + 1) * w + x] !== id || m[y * w + x - 1] !== id || m[y * w + x + 1] !== id;
  };
  return Array.from({ length: w * h }, (_, e) => {
    const y = Math.floor(e / w), x = e % w;
    return map[e] !== 0 || (outline !== undefined && outline[e] !== 0 && border(outline, y, x));
  });
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await createServer({
    root: join(ROOT, 'demo'), configFile: join(ROOT, 'demo', 'vite.config.ts'), logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
  });
  await server.listen();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  page = await (await browser.newContext({ viewport: { width: 1440, height: 1280 } })).newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  wasm = await createBatchMix({ numClasses: 8, augments: { op: 'mixup', alpha: 1 }, backend: 'wasm' });
  await page.goto(server.resolvedUrls!.local[0]);
  await page.waitForFunction(() => Number(document.body.dataset.runs) > 0 && document.body.dataset.state !== 'busy', null, { timeout: 90_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  wasm?.dispose();
});

describe('demo page: masks and boxes', () => {
  it('is off at first; switched on, it shows each sample\'s annotations on the input', async () => {
    expect(await page.getByTestId('dense-toggle').isChecked()).toBe(false);
    expect(await page.locator('[data-testid=dense]').count()).toBe(0);
    await settle(page, () => page.getByTestId('dense-toggle').check());
    const shown = await readDense(page);
    const t = denseTargetsFor(shown.names, ANN, 96, 96);
    expect(shown.input).toHaveLength(8);
    shown.input.forEach((cell, i) => {
      expect(cell.alpha).toEqual(painted(t.masks.data.subarray(i * 96 * 96, (i + 1) * 96 * 96), 96, 96));
      const { boxes, offsets } = t.detections;
      expect(cell.boxes.map((b) => b.rect)).toEqual(Array.from({ length: offsets[i + 1] - offsets[i] }, (_, k) => Array.from(boxes.subarray(4 * (offsets[i] + k), 4 * (offsets[i] + k) + 4))));
      cell.boxes.forEach(expectPlaced);
    });
  });

  for (const op of ['mixup', 'cutmix', 'resizemix'] as const) {
    it(`${op}: the mixed cells show what wasm computes for the shown params`, async () => {
      await settle(page, async () => {
        await setOp(page, op, true);
        for (const o of ['mixup', 'cutmix', 'resizemix']) if (o !== op) await setOp(page, o, false);
        await page.getByTestId('backend-wasm').click();
        await page.getByTestId('seed').fill(String(21 + op.length));
      });
      const shown = await readDense(page);
      const params = paramsFromJSON(JSON.parse(shown.params));
      expect(params.op).toBe(op);
      const t = denseTargetsFor(shown.names, ANN, 96, 96);
      const ref = await wasm.apply(sampleBatch(shown.names), Int32Array.from(shown.names, (_, i) => i), params, t);
      const d = ref.detections!;
      const hw = 96 * 96;
      shown.output.forEach((cell, i) => {
        const own = ref.masks!.data.subarray(i * hw, (i + 1) * hw);
        expect(cell.alpha, `mask of cell ${i}`).toEqual(painted(own, 96, 96, ref.partnerMasks?.data.subarray(i * hw, (i + 1) * hw)));
        const want: { rect: number[]; dashed: boolean }[] = [];
        for (let b = d.offsets[i]; b < d.offsets[i + 1]; b++) want.push({ rect: Array.from(d.boxes.subarray(4 * b, 4 * b + 4)), dashed: d.source[b] !== i });
        expect(cell.boxes.map((b) => ({ rect: b.rect, dashed: b.dashed })), `boxes of cell ${i}`).toEqual(want);
        cell.boxes.forEach(expectPlaced);
      });
      if (op === 'cutmix') {
        await page.evaluate(() => { scrollTo(0, 0); document.querySelector('.controls')!.scrollTo(0, 0); });
        await page.screenshot({ path: join(ARTIFACTS, 'demo-dense.png'), fullPage: true });
      }
    });
  }

  it('the toggle takes the masks and boxes away and brings them back', async () => {
    await settle(page, () => page.getByTestId('dense-toggle').uncheck());
    expect(await page.locator('[data-testid=dense]').count()).toBe(0);
    expect(await page.locator('[data-testid=det-box]').count()).toBe(0);
    await settle(page, () => page.getByTestId('dense-toggle').check());
    expect(await page.locator('#input-grid [data-testid=dense]').count()).toBe(8);
    expect(await page.locator('#output-grid [data-testid=dense]').count()).toBe(8);
    expect(problems).toEqual([]);
  });
});
