/**
 * The cost of dense targets (SPEC §9) per call, next to the image mixing: `npm run bench` ends with
 * these cases (`--dense-only` runs just them, `--no-dense` none). For each op (Mixup, CutMix out of
 * place, ResizeMix bilinear at scale 0.5, the params of bench/cases.ts), batch size N and backend,
 * one apply call of:
 * - `rgb`: the uint8 NHWC RGB images alone;
 * - `c1`: a uint8 NHWC image with C = 1 alone (what a Uint8 mask should cost: it runs the same kernels);
 * - `rgb+masks u8` / `u16` / `i32`: the images and class-id maps [N, S, S] of that type;
 * - `rgb+boxes`: the images and 8 detection boxes per sample;
 * - `rgb+masks u8+boxes`: both.
 * Timed in interleaved rounds (each variant once per round, one untimed call before its timed ones),
 * median and min of the timed calls. The extra cost of a target = its variant's median − rgb's.
 */
import { createBatchMix, type ApplyOptions, type BackendName, type BatchMix, type ImageBatch, type MaskData } from '../src/index.js';
import { caseParams, type Case, type CaseOp } from './cases.js';
import { makeInput } from './data.js';
import { fmtMs } from './format.js';
import { median } from './record.js';

export const DENSE_OPS: readonly CaseOp[] = ['mixup', 'cutmix_oop', 'resizemix_bilinear_0.5'];
export const DENSE_VARIANTS = ['rgb', 'c1', 'rgb+masks u8', 'rgb+masks u16', 'rgb+masks i32', 'rgb+boxes', 'rgb+masks u8+boxes'] as const;
export type DenseVariant = (typeof DENSE_VARIANTS)[number];

export interface DenseRecord {
  backend: BackendName;
  op: CaseOp;
  n: number;
  size: number;
  variant: DenseVariant;
  msMedian: number;
  msMin: number;
  runs: number;
}

export interface DenseOptions {
  backends: readonly BackendName[];
  ns: readonly number[];
  size: number;
  rounds: number;
  /** Timed milliseconds to aim for per variant (at least 3 calls, at most 21). */
  budgetMs: number;
  log: (line: string) => void;
}

/** Deterministic ids (LCG, seed 3) in [0, 20) of the given type, N·S·S of them. */
function maskData(kind: 'u8' | 'u16' | 'i32', len: number): MaskData {
  const data = kind === 'u8' ? new Uint8Array(len) : kind === 'u16' ? new Uint16Array(len) : new Int32Array(len);
  let s = 3;
  for (let k = 0; k < len; k++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    data[k] = (s >>> 24) % 20;
  }
  return data;
}

/** 8 boxes per sample on a 4×2 grid of the S×S image, each a little smaller than its cell. */
function boxes(n: number, size: number): ApplyOptions['detections'] {
  const per = 8, b = new Float32Array(4 * per * n), cw = size / 4, ch = size / 2;
  for (let k = 0; k < per * n; k++) {
    const g = k % per, x = (g % 4) * cw, y = Math.floor(g / 4) * ch;
    b.set([x + 0.1 * cw, y + 0.15 * ch, x + 0.9 * cw, y + 0.95 * ch], 4 * k);
  }
  return { boxes: b, classes: new Int32Array(per * n).fill(1), offsets: Int32Array.from({ length: n + 1 }, (_, i) => per * i) };
}

async function timeCalls(f: () => Promise<unknown>, k: number): Promise<number[]> {
  const out: number[] = [];
  for (let r = 0; r < k; r++) {
    const t = performance.now();
    await f();
    out.push(performance.now() - t);
  }
  return out;
}

/** Measures every op × N × variant on each backend (see the file comment). */
export async function runDense(o: DenseOptions): Promise<DenseRecord[]> {
  const records: DenseRecord[] = [];
  for (const backend of o.backends) {
    let mix: BatchMix;
    try {
      mix = await createBatchMix({ numClasses: 4, augments: { op: 'mixup', alpha: 1 }, backend });
    } catch (e) {
      o.log(`!! dense: ${backend} cannot run here: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    try {
      for (const n of o.ns) {
        const s = o.size;
        const rgbCase: Case = { op: 'mixup', format: 'rgb', n, size: s };
        const rgb: ImageBatch = { data: makeInput(rgbCase), shape: [n, s, s, 3], layout: 'NHWC' };
        const c1: ImageBatch = { data: rgb.data.subarray(0, n * s * s), shape: [n, s, s, 1], layout: 'NHWC' };
        const masks = { u8: maskData('u8', n * s * s), u16: maskData('u16', n * s * s), i32: maskData('i32', n * s * s) };
        const det = boxes(n, s);
        const labels = new Int32Array(n);
        const calls: Record<DenseVariant, [ImageBatch, ApplyOptions]> = {
          rgb: [rgb, {}],
          c1: [c1, {}],
          'rgb+masks u8': [rgb, { masks: { data: masks.u8, shape: [n, s, s] } }],
          'rgb+masks u16': [rgb, { masks: { data: masks.u16, shape: [n, s, s] } }],
          'rgb+masks i32': [rgb, { masks: { data: masks.i32, shape: [n, s, s] } }],
          'rgb+boxes': [rgb, { detections: det }],
          'rgb+masks u8+boxes': [rgb, { masks: { data: masks.u8, shape: [n, s, s] }, detections: det }],
        };
        for (const op of DENSE_OPS) {
          const params = caseParams({ op, format: 'rgb', n, size: s });
          const call = (v: DenseVariant) => mix.apply(calls[v][0], labels, params, calls[v][1]);
          const first: Record<string, number> = {};
          for (const v of DENSE_VARIANTS) first[v] = (await timeCalls(() => call(v), 2))[1];
          const times: Record<string, number[]> = Object.fromEntries(DENSE_VARIANTS.map((v) => [v, []]));
          for (let r = 0; r < o.rounds; r++) {
            for (const v of DENSE_VARIANTS) {
              const k = Math.max(1, Math.min(7, Math.ceil(o.budgetMs / o.rounds / Math.max(first[v], 0.05))));
              await call(v);
              times[v].push(...(await timeCalls(() => call(v), Math.max(k, Math.ceil(3 / o.rounds)))));
            }
          }
          const base = Math.min(...times.rgb);
          for (const v of DENSE_VARIANTS) {
            const rec: DenseRecord = { backend, op, n, size: s, variant: v, msMedian: median(times[v]), msMin: Math.min(...times[v]), runs: times[v].length };
            records.push(rec);
            const extra = v === 'rgb' ? '' : `  (min ${rec.msMin >= base ? '+' : '−'}${fmtMs(Math.abs(rec.msMin - base))} ms vs rgb)`;
            o.log(`  dense ${backend} ${op.padEnd(22)} N=${n} ${v.padEnd(19)} ${fmtMs(rec.msMedian).padStart(9)} ms (min ${fmtMs(rec.msMin)})${extra}  ×${rec.runs}`);
          }
        }
      }
    } finally {
      mix.dispose();
    }
  }
  return records;
}

/** The RESULTS.md section of the dense cases. */
export function denseMarkdown(records: readonly DenseRecord[]): string {
  if (records.length === 0) return '';
  const out = [
    '## Dense targets: masks and boxes per call',
    '',
    'One `apply` of uint8 NHWC RGB images with and without dense targets (SPEC §9), on the backends named, with the params of the cases above (bench/dense.ts). `c1` is a uint8 image with C = 1 alone: a Uint8 mask runs the same kernels, so it should cost about as much. Every cell: median / min ms; in brackets the extra over `rgb` of the same op (median / min). On a loaded machine the mins are the steadier figures.',
    '',
    '| backend | op | N | rgb ms | c1 ms | + masks u8 | + masks u16 | + masks i32 | + boxes (8/sample) | + masks u8 + boxes |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  const keys = [...new Set(records.map((r) => `${r.backend}|${r.op}|${r.n}`))];
  for (const key of keys) {
    const rs = records.filter((r) => `${r.backend}|${r.op}|${r.n}` === key);
    const rec = (v: DenseVariant) => rs.find((r) => r.variant === v)!;
    const diff = (a: number, b: number) => `${a >= b ? '+' : '−'}${fmtMs(Math.abs(a - b))}`;
    const both = (v: DenseVariant) => `${fmtMs(rec(v).msMedian)} / ${fmtMs(rec(v).msMin)}`;
    const extra = (v: DenseVariant) => `${both(v)} (${diff(rec(v).msMedian, rec('rgb').msMedian)} / ${diff(rec(v).msMin, rec('rgb').msMin)})`;
    out.push(`| ${rs[0].backend} | ${rs[0].op} | ${rs[0].n} | ${both('rgb')} | ${both('c1')} | ${extra('rgb+masks u8')} | ${extra('rgb+masks u16')} | ${extra('rgb+masks i32')} | ${extra('rgb+boxes')} | ${extra('rgb+masks u8+boxes')} |`);
  }
  return [...out, ''].join('\n');
}
