/**
 * `npm start`: mixes the bundled samples with Mixup, CutMix and ResizeMix (bilinear) on the backend
 * 'auto' picks, prints the backend, each op's params, the mixed labels and the time per call, and
 * writes preview/preview.png (input row, then one row per op). Options: --backend, --mode, --seed, --out.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createBatchMix, type AugmentOptions, type BackendChoice, type BackendName, type ImageBatch, type MixParams, type Mode } from '../src/index.js';
import type { Rgb } from './canvas.js';
import { formatBackend, formatMixture, formatSwitches, formatParams, median, ms, topClasses } from './format.js';
import { annotatedInputRow, mixedDenseRow, sampleTargets } from './dense-rows.js';
import { renderPreview, type PreviewCell, type PreviewRow } from './preview.js';
import { imageOf, loadSample, maxDiff255, packageRoot, SAMPLE_NAMES, toFloat32Nchw, toUint8Nhwc } from './samples.js';

export interface DemoOptions {
  /** Which samples, in batch order (default all eight); class id = position in this list. */
  readonly names?: readonly string[];
  readonly backend?: BackendChoice;
  /** Default 'elem' (own λ and box per sample), so the preview shows several boxes. */
  readonly mode?: Mode;
  readonly seed?: number;
  /** Default <package root>/preview/preview.png. */
  readonly out?: string;
  /** Timed calls after the first (cold) one; the median is reported. Default 5. */
  readonly warmCalls?: number;
  readonly log?: (line: string) => void;
  /** Draw the masks and boxes rows (samples/annotations.json mixed alike). Default true. */
  readonly dense?: boolean;
}

export interface OpResult {
  readonly op: AugmentOptions['op'];
  readonly params: MixParams;
  readonly labels: Float32Array;
  readonly images: ImageBatch;
  /** Largest |round(255·float32 result) − uint8 result| for the same params. */
  readonly maxDiff255: number;
}

export interface DemoResult {
  readonly out: string;
  readonly backend: BackendName;
  readonly width: number;
  readonly height: number;
  readonly ops: readonly OpResult[];
}

const AUGMENTS: readonly AugmentOptions[] = [
  { op: 'mixup', alpha: 1, prob: 1 },
  { op: 'cutmix', alpha: 1, prob: 1 },
  { op: 'resizemix', alpha: 1, prob: 1, interpolation: 'bilinear' },
];
const PALETTE: readonly Rgb[] = [
  [230, 25, 75], [60, 180, 75], [255, 225, 25], [0, 130, 200], [245, 130, 48], [145, 30, 180], [70, 240, 240], [240, 50, 230],
];

/** Times `warm + 1` calls of `f`: the first (cold: shader compiles, wasm growth) and the median of the rest. */
async function timed<T>(f: () => Promise<T>, warm: number): Promise<{ value: T; cold: number; warm: number }> {
  let t = performance.now();
  const value = await f();
  const cold = performance.now() - t;
  const times: number[] = [];
  for (let k = 0; k < warm; k++) {
    t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return { value, cold, warm: times.length ? median(times) : cold };
}

/** Runs the demo: see the file comment. Returns what it printed and drew, for tests. */
export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const { names = SAMPLE_NAMES, backend = 'auto', mode = 'elem', seed = 7, warmCalls = 5 } = options;
  const root = packageRoot();
  const out = options.out ?? join(root, 'preview', 'preview.png');
  const u8 = toUint8Nhwc(names.map((name) => loadSample(name, root)));
  const f32 = toFloat32Nchw(u8);
  const labels = Int32Array.from(names, (_, i) => i);
  const [n, h, w] = u8.shape;
  log(`batchmix demo: ${n} samples ${w}x${h} RGB (${names.join(', ')}) as uint8 NHWC and float32 NCHW; mode ${mode}, seed ${seed}`);
  const share = (i: number, lab: Float32Array) =>
    topClasses(lab, n, i).map((t) => ({ name: names[t.cls], weight: t.weight, color: PALETTE[t.cls % PALETTE.length] }));
  const rows: PreviewRow[] = [{
    title: 'INPUT',
    cells: names.map((_, i) => ({ image: imageOf(u8, i), shares: [{ name: names[i], weight: 1, color: PALETTE[i % PALETTE.length] }] })),
  }];
  const targets = options.dense === false ? undefined : sampleTargets(root, names, h, w);
  if (targets) rows.push(annotatedInputRow(u8, targets, PALETTE, (i) => rows[0].cells[i].shares));
  const results: OpResult[] = [];
  let used: BackendName | undefined;
  for (const augment of AUGMENTS) {
    const mix = await createBatchMix({ numClasses: n, augments: augment, mode, seed, backend });
    try {
      if (used === undefined) formatBackend(mix.backend, backend, mix.backendReport).forEach((line) => log(line));
      used = mix.backend;
      const params = mix.sample(u8.shape, u8.layout);
      const a = await timed(() => mix.apply(u8, labels, params), warmCalls);
      const b = await timed(() => mix.apply(f32, labels, params), warmCalls);
      const diff = maxDiff255(b.value.images as ImageBatch<Float32Array>, a.value.images);
      log(`${augment.op} (alpha ${augment.alpha}) on ${mix.backend}:`);
      formatParams(params).forEach((line) => log(line));
      for (let i = 0; i < n; i++) log(`  label ${i}  ${formatMixture(topClasses(a.value.labels, n, i), names)}`);
      log(`  time   uint8 NHWC ${ms(a.warm)}/call (first ${ms(a.cold)}); float32 NCHW ${ms(b.warm)}/call (first ${ms(b.cold)})`);
      log(`  float32 vs uint8: max |round(255*f) - u| = ${diff}`);
      formatSwitches(mix.backendReport).forEach((line) => log(line));
      results.push({ op: augment.op, params, labels: a.value.labels, images: a.value.images, maxDiff255: diff });
      rows.push({
        title: `${augment.op.toUpperCase()} ALPHA ${augment.alpha}${augment.interpolation ? ' ' + augment.interpolation.toUpperCase() : ''}  ${ms(a.warm).toUpperCase()}/CALL`,
        cells: names.map((_, i): PreviewCell => ({
          image: imageOf(a.value.images, i),
          box: params.boxes ? [params.boxes[4 * i], params.boxes[4 * i + 1], params.boxes[4 * i + 2], params.boxes[4 * i + 3]] : undefined,
          shares: share(i, a.value.labels),
        })),
      });
      if (targets) {
        const dense = await mixedDenseRow(mix, u8, labels, params, targets, PALETTE, share);
        log(`  masks + boxes: ${dense.boxes} boxes out; the call with masks and detections took ${ms(dense.ms)}`);
        rows.push(dense.row);
      }
    } finally {
      mix.dispose();
    }
  }
  const title = [
    `BATCHMIX PREVIEW  BACKEND ${String(used).toUpperCase()}  MODE ${mode.toUpperCase()}  SEED ${seed}`,
    `${n} SAMPLES ${w}X${h} UINT8 NHWC. YELLOW: PASTE BOX. BAR: LABEL WEIGHTS. TINT: MASK, THIN LINES: BOXES (DASHED: FROM THE PARTNER)`,
  ];
  const canvas = renderPreview(title, rows, { scale: 2, textScale: 2 });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, canvas.toPng());
  const shown = relative(process.cwd(), out);
  log(`preview: ${shown.startsWith('..') || isAbsolute(shown) ? out : shown} (${canvas.width}x${canvas.height})`);
  return { out, backend: used!, width: canvas.width, height: canvas.height, ops: results };
}

function parseCli(argv: string[]): DemoOptions {
  const { values } = parseArgs({ args: argv, options: { backend: { type: 'string' }, mode: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } } });
  const pick = <T extends string>(what: string, v: string | undefined, allowed: readonly T[]): T | undefined => {
    if (v === undefined || (allowed as readonly string[]).includes(v)) return v as T | undefined;
    throw new Error(`npm start: --${what} must be one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
  };
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`npm start: --seed must be an integer, got ${JSON.stringify(values.seed)}`);
  return {
    backend: pick<BackendChoice>('backend', values.backend, ['auto', 'webgl2', 'wasm', 'js']),
    mode: pick<Mode>('mode', values.mode, ['batch', 'elem', 'pair']),
    seed,
    out: values.out,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  Promise.resolve().then(() => runDemo(parseCli(process.argv.slice(2)))).catch((e: unknown) => {
    console.error(e instanceof Error ? `${e.name}${'code' in e ? ` [${String(e.code)}]` : ''}: ${e.message}` : e);
    process.exitCode = 1;
  });
}
