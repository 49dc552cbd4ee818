/**
 * examples/train/RESULTS.md: the conditions, one table row per setting, and sentences computed from
 * the numbers (each setting against no mixing), so the file never says more than the run showed.
 * Browser-safe (returns the text).
 */
import type { SettingResult, TrainConfig } from './train.js';

export interface RunInfo {
  readonly config: TrainConfig;
  readonly tfBackend: string;
  readonly batchmixBackend: string;
  readonly trainCount: number;
  readonly testCount: number;
  /** e.g. "2 cores, load average 9.1 at the start" */
  readonly machine: string;
  readonly wallMs: number;
  readonly date: string;
}

const pct = (v: number, d = 1): string => `${(v * 100).toFixed(d)} %`;
const signed = (v: number, d = 1): string => `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(d)}`;

function calibrationWord(r: SettingResult): string {
  const gap = r.metrics.meanConfidence - r.metrics.accuracy;
  if (Math.abs(gap) < 0.005) return 'confidence matches accuracy (within 0.5 points)';
  return gap > 0 ? `over-confident by ${(gap * 100).toFixed(1)} points` : `under-confident by ${(-gap * 100).toFixed(1)} points`;
}

export function resultsMarkdown(results: readonly SettingResult[], info: RunInfo): string {
  const c = info.config;
  const lines = [
    '# Training with batchmix: a small CNN on the UCI digits',
    '',
    'Made by `npm run example:train` (examples/train/main.ts); the chart is `chart.svg` beside this file.',
    '',
    `- Data: scikit-learn's copy of the UCI handwritten digits (1,797 images of 8×8, data/README.md),`,
    `  a fixed stratified split: ${info.trainCount} training and ${info.testCount} test images (seed 0).`,
    `- Model: examples/train/model.ts (3×3 conv 16, max-pool 2×2, 3×3 conv 32, dense 64, dense 10;`,
    `  38,282 weights), Adam at ${c.learningRate}, ${c.epochs} epochs of ${Math.floor(info.trainCount / c.batchSize)} batches of ${c.batchSize}, seed ${c.seed} for the`,
    `  weights, the batch order and batchmix's sampler (the same batches in every setting).`,
    `- TF.js ${info.tfBackend} backend in Node; every batch mixed by \`mixTensors\` (batchmix/tfjs) on batchmix's`,
    `  ${info.batchmixBackend} backend, MMClassification 0.x 'batch' mode (one λ and one box per batch).`,
    `- Test metrics: accuracy, expected calibration error over 15 equal-width confidence bins (ECE),`,
    `  negative log-likelihood (NLL) and the mean confidence (the largest softmax output).`,
    `- Run on ${info.date}, ${info.machine}; wall time ${(info.wallMs / 1000).toFixed(0)} s in all.`,
    '',
    `| setting | test accuracy (right of ${info.testCount}) | ECE (15 bins) | NLL | mean confidence | last-epoch train loss | mix ms/step | train ms/step |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    const m = r.metrics;
    lines.push(`| ${r.setting.label} | ${pct(m.accuracy)} (${Math.round(m.accuracy * info.testCount)}) | ${pct(m.ece, 2)} | ${m.nll.toFixed(3)} | ${pct(m.meanConfidence)} | ${r.epochLoss[r.epochLoss.length - 1].toFixed(3)} | ${r.setting.augments.length ? (r.mixMs / r.steps).toFixed(2) : '–'} | ${(r.trainMs / r.steps).toFixed(1)} |`);
  }
  lines.push('', '"mix ms/step": one `mixTensors` call (read the batch, mix on wasm, build the new tensors); "train ms/step": one `trainOnBatch`. Both on a machine shared with other jobs.', '', '## What the numbers say', '');
  const base = results.find((r) => r.setting.augments.length === 0);
  const n = info.testCount;
  if (base) {
    lines.push(`One test image is ${pct(1 / n, 2)} of the test set; the standard error of an accuracy near ${pct(base.metrics.accuracy)} on ${n} images is about ${pct(Math.sqrt(base.metrics.accuracy * (1 - base.metrics.accuracy) / n), 1)}, so accuracy differences below about two of those are within the noise of one seed.`, '');
    lines.push(`- ${base.setting.label}: accuracy ${pct(base.metrics.accuracy)}, ECE ${pct(base.metrics.ece, 2)}, ${calibrationWord(base)}.`);
    for (const r of results) {
      if (r === base) continue;
      const da = Math.round((r.metrics.accuracy - base.metrics.accuracy) * n);
      const de = r.metrics.ece - base.metrics.ece;
      const ops = Object.entries(r.ops).map(([op, k]) => `${op} ×${k}`).join(', ');
      lines.push(`- ${r.setting.label}: ${da >= 0 ? '+' : '−'}${Math.abs(da)} test image${Math.abs(da) === 1 ? '' : 's'} right, ECE ${signed(de, 2)} points against no mixing; ${calibrationWord(r)}. (${r.mixCalls} mixTensors calls: ${ops}.)`);
    }
  }
  lines.push('');
  return lines.join('\n');
}
