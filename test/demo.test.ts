/**
 * The demo page (demo/, `npm run demo:web`) driven in Debian's Chromium by Playwright: it loads,
 * runs each op on each backend, and what it shows is checked against Node: the input cells are the
 * sample PNGs (pngjs), the params are what the same seed and options sample here, and the mixed cells
 * and labels are what the wasm backend computes for the shown params (SPEC §6 tolerances for the
 * other backends). Replay, a bad paste and an added image are checked too; a screenshot is saved
 * to test-artifacts/demo.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright';
import { PNG } from 'pngjs';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatchMix, paramsFromJSON, paramsToJSON, type BackendName, type BatchMix, type ImageBatch, type MixParams } from '../src/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ARTIFACTS = join(ROOT, 'test-artifacts');
const ARGS = ['--disable-quic', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const OPS = ['mixup', 'cutmix', 'resizemix'] as const;
const BACKENDS: readonly BackendName[] = ['webgl2', 'wasm', 'js'];

let server: ViteDevServer;
let browser: Browser;
let page: Page;
let wasm: BatchMix;
const problems: string[] = [];

/** What the page shows: names, input and output pixels (RGBA), label rows, params text, backend, op. */
interface Shown {
  names: string[];
  input: number[][];
  output: number[][];
  labels: number[][];
  params: string;
  backend: string;
  op: string;
  error: string | null;
}

function readShown(p: Page): Promise<Shown> {
  return p.evaluate(() => {
    const pixels = (sel: string) => [...document.querySelectorAll<HTMLCanvasElement>(sel)]
      .map((c) => Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data));
    const error = document.getElementById('error')!;
    return {
      names: [...document.querySelectorAll<HTMLElement>('#input-grid [data-name]')].map((e) => e.dataset.name!),
      input: pixels('[data-testid=in-canvas]'),
      output: pixels('[data-testid=out-canvas]'),
      labels: [...document.querySelectorAll<HTMLElement>('[data-testid=out-cell]')].map((e) => JSON.parse(e.dataset.labels!) as number[]),
      params: (document.querySelector('[data-testid=params]') as HTMLTextAreaElement).value,
      backend: document.body.dataset.backend ?? '',
      op: document.querySelector('#op-chip .chip')?.textContent ?? '',
      error: error.hidden ? null : error.textContent,
    };
  });
}

/** Does `act`, then waits until the run it asked for is drawn (data-runs grew and nothing is pending). */
async function settle(p: Page, act: () => Promise<void>): Promise<string> {
  const before = Number(await p.evaluate(() => document.body.dataset.runs));
  await act();
  try {
    await p.waitForFunction((b) => Number(document.body.dataset.runs) > b && document.body.dataset.state !== 'busy', before, { timeout: 30_000 });
  } catch (e) {
    const now = await p.evaluate(() => ({ ...document.body.dataset, error: document.getElementById('error')!.textContent }));
    throw new Error(`the page did not finish the run it was asked for (before: ${before} runs, now: ${JSON.stringify(now)})`, { cause: e });
  }
  return p.evaluate(() => document.body.dataset.state!);
}

async function setOp(p: Page, op: string, on: boolean): Promise<void> {
  const box = p.getByTestId(`op-${op}`);
  if ((await box.isChecked()) !== on) await p.locator('label.op-head', { has: box }).click();
}

/** The samples as the demo's batch: uint8 NHWC RGB, in the page's order, decoded by pngjs. */
function sampleBatch(names: readonly string[]): ImageBatch {
  const images = names.map((n) => PNG.sync.read(readFileSync(join(ROOT, 'samples', `${n}.png`))));
  const [w, h] = [images[0].width, images[0].height];
  const data = new Uint8Array(names.length * h * w * 3);
  images.forEach((png, i) => {
    for (let q = 0; q < w * h; q++) for (let c = 0; c < 3; c++) data[(i * w * h + q) * 3 + c] = png.data[4 * q + c];
  });
  return { data, shape: [names.length, h, w, 3], layout: 'NHWC' };
}

/** The RGB of a cell's RGBA pixels (alpha must be 255: the demo's batches are RGB). */
function rgbOf(rgba: number[]): number[] {
  expect(rgba.filter((_, k) => k % 4 === 3).every((a) => a === 255)).toBe(true);
  return rgba.filter((_, k) => k % 4 !== 3);
}

/** Checks the shown mixed batch and labels against wasm for the shown params; returns the params. */
async function expectMatchesWasm(shown: Shown, tolerance: number): Promise<MixParams> {
  const batch = sampleBatch(shown.names);
  const labels = Int32Array.from(shown.names, (_, i) => i);
  const params = paramsFromJSON(JSON.parse(shown.params));
  const ref = await wasm.apply(batch, labels, params);
  const got = shown.output.flatMap(rgbOf);
  expect(got.length).toBe(ref.images.data.length);
  let worst = 0;
  for (let e = 0; e < got.length; e++) worst = Math.max(worst, Math.abs(got[e] - ref.images.data[e]));
  expect(worst, `largest |page − wasm| for ${shown.op} on ${shown.backend}`).toBeLessThanOrEqual(tolerance);
  const k = shown.names.length;
  shown.labels.forEach((row, i) => row.forEach((v, c) => expect(Math.abs(v - ref.labels[i * k + c])).toBeLessThanOrEqual(1e-6)));
  return params;
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await createServer({
    root: join(ROOT, 'demo'), configFile: join(ROOT, 'demo', 'vite.config.ts'), logLevel: 'warn',
    // No file watching and no HMR: an edit elsewhere in the tree must not reload the page mid-test.
    server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
  });
  await server.listen();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const context = await browser.newContext({ viewport: { width: 1440, height: 1280 }, permissions: ['clipboard-read', 'clipboard-write'] });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  wasm = await createBatchMix({ numClasses: 8, augments: { op: 'mixup', alpha: 1 }, backend: 'wasm' });
  const url = server.resolvedUrls!.local[0];
  await page.goto(url, { timeout: 90_000 }); // a cold start pre-bundles TF.js for the Train panel too
  await page.waitForFunction(() => Number(document.body.dataset.runs) > 0 && document.body.dataset.state !== 'busy', null, { timeout: 90_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  wasm?.dispose();
});

describe('demo page', () => {
  it('loads the eight samples exactly as the PNGs hold them, and mixes them', async () => {
    const shown = await readShown(page);
    expect(shown.error).toBeNull();
    expect(shown.names).toHaveLength(8);
    const batch = sampleBatch(shown.names);
    expect(shown.input.flatMap(rgbOf)).toEqual(Array.from(batch.data));
    expect(shown.output).toHaveLength(8);
  });

  it('shows the time per call on each backend', async () => {
    for (const b of BACKENDS) {
      await expect.poll(() => page.locator(`[data-testid=time-${b}] .ms`).textContent(), { timeout: 20_000 }).toMatch(/^\d+(\.\d)? (ms|µs)$/);
    }
  });

  for (const op of OPS) {
    for (const backend of BACKENDS) {
      it(`${op} on ${backend}: shows what wasm computes for the shown params, and the seed's params`, async () => {
        const seed = 11 + OPS.indexOf(op) * 3 + BACKENDS.indexOf(backend);
        const state = await settle(page, async () => {
          await setOp(page, op, true);
          for (const o of OPS) if (o !== op) await setOp(page, o, false);
          if (op === 'resizemix') await page.getByTestId('interpolation').selectOption(backend === 'js' ? 'area' : 'bicubic');
          await page.getByTestId(`backend-${backend}`).click();
          await page.getByTestId('seed').fill(String(seed));
        });
        const shown = await readShown(page);
        expect(state, shown.error ?? '').toBe('ready');
        expect(shown.backend).toBe(backend);
        expect(shown.op).toBe(op);
        // Same seed and options in Node give the same params (SPEC §6: identical).
        const sampler = await createBatchMix({
          numClasses: 8, seed, mode: 'elem', partner: 'permutation', labelSmoothing: 0, backend: 'js',
          augments: [op === 'resizemix' ? { op, alpha: 1, prob: 1, interpolation: backend === 'js' ? 'area' : 'bicubic' } : { op, alpha: 1, prob: 1 }],
        });
        const expected = sampler.sample([8, 96, 96, 3], 'NHWC');
        sampler.dispose();
        const params = await expectMatchesWasm(shown, backend === 'wasm' || op === 'cutmix' ? 0 : 1);
        expect(paramsToJSON(params)).toEqual(paramsToJSON(expected));
        if (op !== 'mixup') expect(await page.getByTestId('box').count()).toBeGreaterThan(0);
        if (op === 'resizemix' && backend === 'webgl2') {
          await page.evaluate(() => { scrollTo(0, 0); document.querySelector('.controls')!.scrollTo(0, 0); });
          await page.screenshot({ path: join(ARTIFACTS, 'demo.png'), fullPage: true });
        }
      });
    }
  }

  it('replays pasted params, and shows a bad paste as a BatchMixError with its code', async () => {
    await settle(page, async () => {
      await setOp(page, 'cutmix', true);
      await setOp(page, 'resizemix', false);
      await page.getByTestId('backend-wasm').click();
    });
    const cut = await readShown(page);
    await page.getByTestId('copy').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(cut.params);
    await settle(page, async () => {
      await setOp(page, 'mixup', true);
      await setOp(page, 'cutmix', false);
    });
    expect((await readShown(page)).op).toBe('mixup');
    expect(await settle(page, async () => {
      await page.getByTestId('params').fill(cut.params);
      await page.getByTestId('replay').click();
    })).toBe('ready');
    const replayed = await readShown(page);
    expect(replayed.op).toBe('cutmix');
    expect(replayed.output).toEqual(cut.output);
    await expectMatchesWasm(replayed, 0);
    // Not params at all: refused under the box, nothing runs.
    const runs = await page.evaluate(() => document.body.dataset.runs);
    await page.getByTestId('params').fill('{"op": "cutmix", "index": [0, 1]');
    await page.getByTestId('replay').click();
    await expect.poll(() => page.getByTestId('params-error').textContent()).toMatch(/^BAD_PARAMS: paramsFromJSON: the text is not JSON/);
    expect(await page.evaluate(() => document.body.dataset.runs)).toBe(runs);
    // Well-formed params for 3 samples on a batch of 8: apply refuses them, the page shows the code.
    const j = JSON.parse(cut.params) as { index: number[]; lam: number[]; boxes: number[] };
    const three = { ...j, index: [2, 0, 1], lam: j.lam.slice(0, 3), boxes: j.boxes.slice(0, 12) };
    expect(await settle(page, async () => {
      await page.getByTestId('params').fill(JSON.stringify(three));
      await page.getByTestId('replay').click();
    })).toBe('error');
    expect((await readShown(page)).error).toMatch(/^BAD_PARAMS.*params\.index must have length 8, got 3/);
  });

  it('takes an image the user adds, of another size, centre-cropped into the batch', async () => {
    const png = new PNG({ width: 150, height: 60 });
    for (let q = 0; q < 150 * 60; q++) png.data.set([(q % 150) < 75 ? 250 : 10, 40, 200, 255], 4 * q);
    const state = await settle(page, async () => {
      await page.getByTestId('file-input').setInputFiles({ name: 'stripes.png', mimeType: 'image/png', buffer: PNG.sync.write(png) });
    });
    expect(state).toBe('ready');
    const shown = await readShown(page);
    expect(shown.names).toEqual(expect.arrayContaining(['stripes']));
    expect(shown.names).toHaveLength(9);
    const mine = rgbOf(shown.input[shown.names.indexOf('stripes')]);
    // cover: the 60×60 centre (columns 45..104) scaled to 96×96; the left half is red, the right blue.
    expect(mine.slice(0, 3)).toEqual([250, 40, 200]);
    expect(mine.slice(3 * 95, 3 * 96)).toEqual([10, 40, 200]);
    // Dropped anywhere on the page, an image joins the batch the same way.
    const file = await page.evaluateHandle((bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], 'dropped.png', { type: 'image/png' }));
      return dt;
    }, Array.from(PNG.sync.write(png)));
    expect(await settle(page, () => page.dispatchEvent('main', 'drop', { dataTransfer: file }))).toBe('ready');
    const after = await readShown(page);
    expect(after.names).toHaveLength(10);
    expect(rgbOf(after.input[after.names.indexOf('dropped')])).toEqual(mine);
  });

  it('logged no page errors', () => {
    expect(problems).toEqual([]);
  });
});

describe('demo page: Train panel', () => {
  it('trains the example CNN on TF.js webgl for a few steps, mixing on the GPU with no readPixels by batchmix', async () => {
    const seen = problems.length;
    await page.getByTestId('train-setting').selectOption('mixup+cutmix');
    await page.getByTestId('train-steps').fill('4');
    await page.getByTestId('train-batch').fill('32');
    await page.getByTestId('train-start').click();
    await page.waitForFunction(() => ['done', 'error'].includes(document.getElementById('train')!.dataset.state ?? ''), null, { timeout: 120_000 });
    const d: Record<string, string | undefined> = await page.evaluate(() => ({ ...document.getElementById('train')!.dataset, status: document.getElementById('train-status')!.textContent ?? '' }));
    expect(d.state, d.status ?? '').toBe('done');
    expect(d.steps).toBe('4');
    // Mixed on TF.js's own context through the zero-copy path, and batchmix read nothing back.
    expect(d.path).toBe('gpu');
    expect(d.readpixels).toBe('0');
    const losses = (d.losses ?? '').split(',').map(Number);
    expect(losses).toHaveLength(4);
    expect(losses.every((l) => Number.isFinite(l) && l > 0)).toBe(true);
    expect(Number(d.accuracy)).toBeGreaterThanOrEqual(0);
    expect(Number(d.accuracy)).toBeLessThanOrEqual(1);
    await expect.poll(() => page.getByTestId('train-mix-ms').textContent()).toMatch(/^mixing \d+(\.\d)? ms$/);
    await page.locator('#train').screenshot({ path: join(ARTIFACTS, 'demo-train.png') });
    expect(problems.slice(seen)).toEqual([]);
  }, 150_000);
});
