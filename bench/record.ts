/**
 * What a run produces: one record per measurement (the `--json` file holds an array of them), the
 * cases an implementation did not run and why, and the run's facts for the report.
 */
import type { GlCalls } from './gl-calls.js';
import type { CaseOp, Format } from './cases.js';

export interface BenchRecord {
  /** The case's op variant, e.g. 'cutmix_ip' or 'resizemix_bilinear_0.63'. */
  op: CaseOp;
  dtype: 'float32' | 'uint8';
  layout: 'NCHW' | 'NHWC';
  n: number;
  impl: string;
  msMedian: number;
  msMin: number;
  /** Effective bandwidth: bytesMoved / msMedian, in GB/s (1e9 bytes). */
  gbps: number;
  /** 100 · (memory-bound median ms) / msMedian; null when the bound was not measured. */
  pctOfBound: number | null;
  // Extras, for the report and the test:
  format: Format;
  c: number;
  h: number;
  w: number;
  bytesMoved: number;
  imagesPerSec: number;
  runs: number;
  /** Σ out[k]·(1 + k mod 13) of the first call's output, in the case's layout (null for the bound). */
  checksum: number | null;
  /** The same checksum of the js oracle's output. */
  oracleChecksum: number;
  /** Largest |out − oracle| over all elements (null for the bound). */
  maxAbsDiff: number | null;
  /** Whether every element is within SPEC §6 of the oracle (true for the bound). */
  agrees: boolean;
  /** What the implementation did in this case (e.g. torch's chosen formulation). */
  note?: string;
}

export interface Skip {
  op: CaseOp;
  format: Format;
  n: number;
  impl: string;
  reason: string;
}

export interface ImplInfo {
  name: string;
  group: 'bound' | 'batchmix' | 'peer';
  description: string;
  /** Why it could not run at all here (then it has no records). */
  unavailable?: string;
}

export interface RunMeta {
  date: string;
  node: string;
  cpu: string;
  cores: number;
  /** Load averages (1, 5, 15 min) at the start and the end: a busy machine makes the figures noisy. */
  loadStart: number[];
  loadEnd: number[];
  seconds: number;
  argv: string[];
  size: number;
  rounds: number;
}

export interface BenchResult {
  meta: RunMeta;
  impls: ImplInfo[];
  records: BenchRecord[];
  skips: Skip[];
  /** webgl2 GL calls per call (bench/gl-calls.ts), when webgl2 ran. */
  glCalls?: GlCalls[];
}

/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
