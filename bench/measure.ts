/**
 * One implementation in one case: set it up, check its first output against the oracle (SPEC §6),
 * warm up and plan its timed calls; then turn its times into a record.
 */
import type { BatchMix } from '../src/index.js';
import { bytesMoved } from './bytes.js';
import { caseInfo, caseKey, caseParams, type Case } from './cases.js';
import { checksum, compare, makeInput } from './data.js';
import type { BenchOptions } from './harness.js';
import type { CaseInput, Impl, Runner } from './peers/types.js';
import { median, type BenchRecord, type Skip } from './record.js';
import { omittedByDefault } from './scope.js';

/** How many timed calls each round gets: `total` spread over `rounds`, earlier rounds first. */
export function splitRuns(total: number, rounds: number): number[] {
  return Array.from({ length: rounds }, (_, r) => Math.floor(total / rounds) + (r < total % rounds ? 1 : 0));
}

export interface Active {
  impl: Impl;
  runner: Runner;
  times: number[];
  plan: number[];
  checksum: number | null;
  maxAbsDiff: number | null;
  agrees: boolean;
}

/** The case's input, params and bytes, and the js oracle's output (always out of place: in place gives the same). */
export async function caseInput(c: Case, oracle: BatchMix): Promise<{ x: CaseInput; ref: ArrayLike<number> }> {
  const info = caseInfo(c);
  const input = makeInput(c);
  const x: CaseInput = { c, info, params: caseParams(c), input, labels: new Int32Array(c.n), bytes: bytesMoved(c) };
  const out = { data: input.slice(), shape: info.shape, layout: info.layout };
  await oracle.apply({ data: input.slice(), shape: info.shape, layout: info.layout }, x.labels, x.params, { out });
  return { x, ref: out.data };
}

/** Sets one implementation up for a case and checks its first output; null when it does not run it. */
export async function activate(impl: Impl, x: CaseInput, ref: ArrayLike<number>, o: BenchOptions, skips: Skip[]): Promise<Active | null> {
  const { c, info } = x;
  const skip = (reason: string): null => (skips.push({ op: c.op, format: c.format, n: c.n, impl: impl.name, reason }), null);
  const why = impl.unsupported(c, info) ?? (o.all ? null : omittedByDefault(impl.name, c));
  if (why) return skip(why);
  let runner: Runner;
  try {
    runner = await impl.prepare(x);
  } catch (e) {
    o.log(`  !! ${impl.name} failed on ${caseKey(c)}: ${e instanceof Error ? e.message : String(e)}`);
    return skip(`failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  const got = runner.output;
  const a = got === null ? { agrees: true, maxAbsDiff: null } : compare(info, got, ref);
  if (!a.agrees) o.log(`  !! ${impl.name} disagrees with the js oracle on ${caseKey(c)}: max |diff| ${a.maxAbsDiff}`);
  // Warm-up: the checked call, plus up to two more when calls are short (they also estimate the time).
  const warm = runner.firstMs > 250 ? [runner.firstMs] : await runner.time(runner.firstMs > 50 ? 1 : 2);
  const total = Math.min(o.maxRuns, Math.max(o.minRuns, Math.ceil(o.budgetMs / Math.max(Math.min(...warm), 1e-3))));
  return {
    impl, runner, times: [], plan: splitRuns(total, o.rounds),
    checksum: got === null ? null : checksum(got), maxAbsDiff: a.maxAbsDiff, agrees: a.agrees,
  };
}

/** The record of one implementation in one case: medians, GB/s = bytes / median, % of bound = bound ms / median. */
export function recordOf(a: Active, x: CaseInput, oracleChecksum: number, boundMs: number | null): BenchRecord {
  const { c, info } = x;
  const msMedian = median(a.times);
  return {
    op: c.op, dtype: info.dtype, layout: info.layout, n: c.n, impl: a.impl.name,
    msMedian, msMin: Math.min(...a.times), gbps: x.bytes / (msMedian * 1e6),
    pctOfBound: boundMs === null ? null : (100 * boundMs) / msMedian,
    format: c.format, c: info.c, h: c.size, w: c.size, bytesMoved: x.bytes, imagesPerSec: c.n / (msMedian / 1000),
    runs: a.times.length, checksum: a.checksum, oracleChecksum, maxAbsDiff: a.maxAbsDiff, agrees: a.agrees,
    ...(a.runner.note ? { note: a.runner.note } : {}),
  };
}

