/**
 * The benchmark loop. For each case: make the input and the js oracle's output, set every
 * implementation up and check its first output against the oracle (SPEC §6), warm up, then time
 * in interleaved rounds (round r runs every implementation in turn, each after one untimed call),
 * so that drift and other load on the machine fall on all of them alike. Runs per implementation: enough to fill `budgetMs`,
 * between minRuns and maxRuns, split over the rounds.
 */
import { cpus, loadavg } from 'node:os';
import { createBatchMix, type BatchMix } from '../src/index.js';
import { bytesMoved } from './bytes.js';
import { allCases, caseInfo, caseKey, type Case, type CaseOp, type Format } from './cases.js';
import { checksum } from './data.js';
import { fmtMs } from './format.js';
import { activate, caseInput, recordOf, type Active } from './measure.js';
import { batchmixImpls } from './peers/batchmix.js';
import { memoryBound } from './peers/membound.js';
import { plainJs } from './peers/plain-js.js';
import { tfjsImpls } from './peers/tfjs.js';
import { torchImpls } from './peers/torch.js';
import type { Impl } from './peers/types.js';
import { webgl2Gpu } from './peers/webgl2-gpu.js';
import { median, type BenchResult, type ImplInfo } from './record.js';

export interface BenchOptions {
  ops: readonly CaseOp[];
  formats: readonly Format[];
  ns: readonly number[];
  size: number;
  /** Only these implementations (by name); null for all. 'bound' is always measured. */
  impls: readonly string[] | null;
  torch: boolean;
  python: string;
  /** Also what the default run leaves out (scope.ts). */
  all: boolean;
  rounds: number;
  minRuns: number;
  maxRuns: number;
  /** Timed milliseconds to aim for per implementation and case. */
  budgetMs: number;
  argv: readonly string[];
  log: (line: string) => void;
}

/** Every implementation of a run, in table order. */
function implsFor(o: BenchOptions): Impl[] {
  const all = [memoryBound(), ...batchmixImpls(), webgl2Gpu(), plainJs(), ...tfjsImpls(), ...(o.torch ? torchImpls(o.python) : [])];
  return all.filter((i) => i.group === 'bound' || o.impls === null || o.impls.includes(i.name));
}

/** Measures one case on every implementation; appends its records and skips. */
async function runCase(c: Case, impls: Impl[], oracle: BatchMix, o: BenchOptions, out: BenchResult): Promise<void> {
  const { x, ref } = await caseInput(c, oracle);
  const active: Active[] = [];
  for (const impl of impls) {
    const a = await activate(impl, x, ref, o, out.skips);
    if (a) active.push(a);
  }
  for (let r = 0; r < o.rounds; r++) {
    for (const a of active) {
      if (a.plan[r] === 0) continue;
      // The other implementations ran in between and evicted the caches: one untimed call first, so
      // every row is a warm-cache figure like perf-anchors.md's (skipped for slow calls, where it matters little).
      if (a.runner.firstMs < 100) await a.runner.time(1);
      a.times.push(...(await a.runner.time(a.plan[r])));
    }
  }
  const bound = active.find((a) => a.impl.group === 'bound');
  const boundMs = bound ? median(bound.times) : null;
  const refSum = checksum(ref);
  for (const a of active) {
    const rec = recordOf(a, x, refSum, boundMs);
    out.records.push(rec);
    const pct = rec.pctOfBound === null ? '' : `${rec.pctOfBound.toFixed(1).padStart(6)} % of bound`;
    o.log(`  ${a.impl.name.padEnd(10)} ${fmtMs(rec.msMedian).padStart(9)} ms  (min ${fmtMs(rec.msMin)})  ${rec.gbps.toFixed(2).padStart(7)} GB/s ${pct}  ×${rec.runs}${rec.agrees ? '' : '  DISAGREES'}${rec.note ? `  [${rec.note}]` : ''}`);
    await a.runner.dispose();
  }
}

/** Runs the benchmark; returns every record (the caller writes the report, chart and JSON). */
export async function runBench(o: BenchOptions): Promise<BenchResult> {
  const t0 = performance.now();
  const loadStart = loadavg();
  const cases = allCases(o.ops, o.formats, o.ns, o.size);
  const impls = implsFor(o);
  const infos: ImplInfo[] = [];
  const usable: Impl[] = [];
  for (const impl of impls) {
    const why = await impl.init();
    if (why) o.log(`!! ${impl.name} cannot run here, its rows are left out: ${why}`);
    else usable.push(impl);
    infos.push({ name: impl.name, group: impl.group, description: impl.description, ...(why ? { unavailable: why } : {}) });
  }
  const oracle = await createBatchMix({ numClasses: 10, augments: { op: 'mixup', alpha: 1 }, backend: 'js' });
  const result: BenchResult = {
    meta: {
      date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length,
      loadStart, loadEnd: [], seconds: 0, argv: [...o.argv], size: o.size, rounds: o.rounds,
    },
    impls: infos, records: [], skips: [],
  };
  try {
    for (const [k, c] of cases.entries()) {
      const info = caseInfo(c);
      o.log(`[${k + 1}/${cases.length}] ${caseKey(c)}  ${info.label} ${o.size}×${o.size}: B = ${(info.batchBytes / 1e6).toFixed(2)} MB, moves ${(bytesMoved(c) / 1e6).toFixed(2)} MB`);
      await runCase(c, usable, oracle, o, result);
    }
  } finally {
    oracle.dispose();
    for (const impl of impls) await impl.close();
  }
  // Descriptions may name versions learnt during the run (torch).
  for (const [k, impl] of impls.entries()) infos[k].description = impl.description;
  result.meta.loadEnd = loadavg();
  result.meta.seconds = (performance.now() - t0) / 1000;
  return result;
}
