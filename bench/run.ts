/**
 * `npm run bench` (compiled to dist/bench/run.js, run under xvfb-run for headless-gl): measures
 * Mixup, CutMix and ResizeMix on the batchmix backends, a plain-JS implementation, TensorFlow.js
 * (wasm and cpu), optionally PyTorch (`--torch`), and the memory bound, then writes bench/RESULTS.md,
 * bench/chart.svg and, with `--json FILE`, the records. Progress goes to stderr.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, USAGE, UsageError } from './args.js';
import { svgChart } from './chart.js';
import { countGlCalls, glCallsSection } from './gl-calls.js';
import { runBench } from './harness.js';
import type { BenchResult } from './record.js';
import { markdownReport } from './report.js';

/** Runs the benchmark for `argv`; returns the result (null for --help). */
export async function main(argv: readonly string[], log: (line: string) => void = (l) => process.stderr.write(l + '\n')): Promise<BenchResult | null> {
  const o = parseArgs(argv, log);
  if (o.help) {
    log(USAGE);
    return null;
  }
  const result = await runBench(o);
  if (result.impls.some((i) => i.name.startsWith('webgl2') && !i.unavailable)) {
    try {
      result.glCalls = await countGlCalls([...new Set([32, 128, ...o.ns])].sort((a, b) => a - b), o.size);
      for (const line of glCallsSection(result.glCalls)) log(line);
    } catch (e) {
      log(`webgl2 GL calls not counted: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (o.json) {
    mkdirSync(dirname(o.json), { recursive: true });
    writeFileSync(o.json, JSON.stringify(result.records, null, 1) + '\n');
    log(`wrote ${o.json} (${result.records.length} records)`);
  }
  if (o.outDir) {
    mkdirSync(o.outDir, { recursive: true });
    writeFileSync(join(o.outDir, 'RESULTS.md'), markdownReport(result));
    writeFileSync(join(o.outDir, 'chart.svg'), svgChart(result));
    log(`wrote ${join(o.outDir, 'RESULTS.md')} and ${join(o.outDir, 'chart.svg')} in ${result.meta.seconds.toFixed(0)} s`);
  }
  const bad = result.records.filter((r) => !r.agrees);
  if (bad.length > 0) log(`!! ${bad.length} measurement(s) disagree with the js oracle: ${bad.map((r) => `${r.impl} ${r.op} ${r.format} N=${r.n}`).join(', ')}`);
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (r) => {
      process.exitCode = r && r.records.some((x) => !x.agrees) ? 1 : 0;
    },
    (e: unknown) => {
      if (e instanceof UsageError) process.stderr.write(`bench: ${e.message}\n${USAGE}\n`);
      else process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
