/**
 * `npm run example:train`: trains the CNN of model.ts on the UCI digits once per mixing setting
 * (train.ts: no mixing, Mixup, CutMix, ResizeMix, and Mixup/CutMix at 0.5 each), every batch mixed
 * through batchmix/tfjs's `mixTensors`, with a progress bar; prints and writes the test accuracy and
 * ECE per setting to examples/train/RESULTS.md and the chart to examples/train/chart.svg.
 * Options: --tf wasm|cpu (TF.js backend, default wasm: the faster here), --epochs, --batch, --seed,
 * --settings id,id,... (default all), --out DIR (default examples/train).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { packageRoot } from '../../scripts/samples.js';
import { svgChart } from './chart.js';
import { parseDigits, splitDigits } from './data.js';
import { ProgressBar } from './progress.js';
import { resultsMarkdown } from './report.js';
import { DEFAULT_CONFIG, SETTINGS, trainSetting, type SettingResult, type TrainConfig } from './train.js';

export interface TrainRunOptions {
  readonly tfBackend?: 'wasm' | 'cpu';
  readonly config?: TrainConfig;
  readonly settings?: readonly string[];
  /** Folder for RESULTS.md and chart.svg (default <root>/examples/train). */
  readonly out?: string;
}

export async function runTraining(options: TrainRunOptions = {}): Promise<SettingResult[]> {
  const t0 = performance.now();
  const root = packageRoot();
  const config = options.config ?? DEFAULT_CONFIG;
  const tfBackend = options.tfBackend ?? 'wasm';
  const settings = options.settings ? options.settings.map((id) => {
    const s = SETTINGS.find((x) => x.id === id);
    if (!s) throw new Error(`example:train: unknown setting ${JSON.stringify(id)}; known: ${SETTINGS.map((x) => x.id).join(', ')}`);
    return s;
  }) : SETTINGS;
  const load = loadavg()[0];
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), load average ${load.toFixed(1)} at the start`;
  await tf.setBackend(tfBackend);
  await tf.ready();
  tf.enableProdMode();
  const split = splitDigits(parseDigits(readFileSync(join(root, 'examples/train/data/digits.bin'))));
  console.log(`example:train: ${split.train.count} training / ${split.test.count} test digits, TF.js ${tf.getBackend()} backend, `
    + `${settings.length} settings × ${config.epochs} epochs × ${Math.floor(split.train.count / config.batchSize)} batches of ${config.batchSize}; ${machine}`);
  const perSetting = Math.floor(split.train.count / config.batchSize) * config.epochs;
  const bar = new ProgressBar({ write: (s) => process.stdout.write(s), isTTY: Boolean(process.stdout.isTTY), columns: process.stdout.columns }, perSetting * settings.length);
  const results: SettingResult[] = [];
  for (const setting of settings) {
    const r = await trainSetting(setting, split, config, {
      onStep: (s) => bar.tick(setting.id.padEnd(12), s.epoch, config.epochs, `loss ${s.loss.toFixed(3)}  mix ${s.mixMs.toFixed(1)} ms  train ${s.trainMs.toFixed(0)} ms`),
    });
    results.push(r);
    const m = r.metrics;
    bar.note(`${setting.label.padEnd(36)} accuracy ${(m.accuracy * 100).toFixed(1)} %  ECE ${(m.ece * 100).toFixed(2)} %  NLL ${m.nll.toFixed(3)}  `
      + `(${((r.mixMs + r.trainMs + r.evalMs) / 1000).toFixed(1)} s: mix ${(r.mixMs / r.steps).toFixed(2)} ms/step, train ${(r.trainMs / r.steps).toFixed(1)} ms/step)`);
  }
  bar.end();
  const out = options.out ?? join(root, 'examples/train');
  const wallMs = performance.now() - t0;
  const info = {
    config, tfBackend: tf.getBackend(), batchmixBackend: 'wasm', trainCount: split.train.count, testCount: split.test.count,
    machine, wallMs, date: new Date().toISOString().slice(0, 10),
  };
  writeFileSync(join(out, 'RESULTS.md'), resultsMarkdown(results, info));
  writeFileSync(join(out, 'chart.svg'), svgChart(results, `TF.js ${info.tfBackend}, ${config.epochs} epochs, batch ${config.batchSize}, seed ${config.seed}; ${split.test.count} test images`));
  const shown = relative(process.cwd(), out);
  console.log(`example:train: wrote ${shown.startsWith('..') || isAbsolute(shown) ? out : shown || '.'}/RESULTS.md and chart.svg in ${(wallMs / 1000).toFixed(1)} s`);
  return results;
}

function parseCli(argv: string[]): TrainRunOptions {
  const { values } = parseArgs({
    args: argv,
    options: { tf: { type: 'string' }, epochs: { type: 'string' }, batch: { type: 'string' }, seed: { type: 'string' }, settings: { type: 'string' }, out: { type: 'string' } },
  });
  const int = (what: string, v: string | undefined, fallback: number, min: number): number => {
    if (v === undefined) return fallback;
    const k = Number(v);
    if (!Number.isInteger(k) || k < min) throw new Error(`example:train: --${what} must be an integer ≥ ${min}, got ${JSON.stringify(v)}`);
    return k;
  };
  if (values.tf !== undefined && values.tf !== 'wasm' && values.tf !== 'cpu') throw new Error(`example:train: --tf must be wasm or cpu, got ${JSON.stringify(values.tf)}`);
  return {
    tfBackend: values.tf as 'wasm' | 'cpu' | undefined,
    config: {
      ...DEFAULT_CONFIG,
      epochs: int('epochs', values.epochs, DEFAULT_CONFIG.epochs, 1),
      batchSize: int('batch', values.batch, DEFAULT_CONFIG.batchSize, 2),
      seed: int('seed', values.seed, DEFAULT_CONFIG.seed, 0),
    },
    settings: values.settings?.split(','),
    out: values.out,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  Promise.resolve().then(() => runTraining(parseCli(process.argv.slice(2)))).catch((e: unknown) => {
    console.error(e instanceof Error ? `${e.name}${'code' in e ? ` [${String(e.code)}]` : ''}: ${e.message}` : e);
    process.exitCode = 1;
  });
}
