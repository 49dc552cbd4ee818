/**
 * bench/RESULTS.md: the run's facts, what each implementation does, a summary of the wasm backend
 * against its targets and every peer, one detail table per format and batch size, and what was not
 * measured. The ratio "wasm is r× faster" is (the other's median ms) / (wasm's median ms).
 */
import { ALL_FORMATS, FORMATS, type CaseOp, type Format } from './cases.js';
import { fmtCount, fmtMs, fmtPct, fmtRatio } from './format.js';
import type { BenchRecord, BenchResult } from './record.js';
import { pctTarget, RATIO_TARGETS, TARGET_IMPL } from './targets.js';
import { glCallsSection } from './gl-calls.js';

type Key = `${CaseOp}|${Format}|${number}`;
const keyOf = (r: { op: CaseOp; format: Format; n: number }): Key => `${r.op}|${r.format}|${r.n}`;

/** The record of `impl` in a case; tfjs has no in-place CutMix, so its out-of-place row stands in (marked †). */
function find(byCase: Map<Key, BenchRecord[]>, r: BenchRecord, impl: string): { rec?: BenchRecord; dagger: boolean } {
  const own = byCase.get(keyOf(r))?.find((x) => x.impl === impl);
  if (own || r.op !== 'cutmix_ip' || !impl.startsWith('tfjs')) return { rec: own, dagger: false };
  return { rec: byCase.get(keyOf({ ...r, op: 'cutmix_oop' }))?.find((x) => x.impl === impl), dagger: true };
}

function header(res: BenchResult): string[] {
  const m = res.meta;
  // The load at the end includes this run's own (torch-2t uses both cores), so only the start counts.
  const busy = m.loadStart[0] > 0.5 * m.cores;
  return [
    '# batchmix benchmark results',
    '',
    `Made by \`node dist/bench/run.js ${m.argv.join(' ')}\` on ${m.date.slice(0, 16).replace('T', ' ')} UTC, in ${m.seconds.toFixed(0)} s.`,
    `Machine: ${m.cpu}, ${m.cores} cores; Node ${m.node}. Load average at the start ${m.loadStart.map((v) => v.toFixed(2)).join(' / ')}, at the end ${m.loadEnd.map((v) => v.toFixed(2)).join(' / ')}.`,
    busy ? '**The machine was busy during this run (other jobs shared its cores): the figures are noisy. Take them again on a quiet machine before quoting them.**' : '',
    '',
    `Images ${m.size}×${m.size}. Every case replays the same hand-made params in every implementation (bench/cases.ts: a fixed permutation, λ = 0.3 for Mixup, the box 33:191 for CutMix, a centred box of side 0.5·S or 0.63·S for ResizeMix), and every implementation's first output is checked against the js oracle within SPEC §6 before it is timed. Warm-up, then at least 5 timed calls each, in ${m.rounds} interleaved rounds (every implementation once per round). "bound" is the memory bound, as perf-anchors.md §2 defines it: the time a \`Uint8Array.prototype.set\` copy needs to move the bytes the op must move, at the bandwidth it reaches copying one batch (B → B bytes, the working set of an out-of-place op). Bytes moved (bench/bytes.ts): Mixup 3B, CutMix out of place 2B, in place 2·area·B, ResizeMix out of place (1 − area)B + (read share)B + B. "% of bound" = bound ms / ms; "GB/s" = bytes moved / median time.`,
    '',
  ];
}

function implTable(res: BenchResult): string[] {
  const rows = res.impls.map((i) => `| ${i.name} | ${i.description}${i.unavailable ? ` — **not run here: ${i.unavailable}**` : ''} |`);
  return ['## Implementations', '', '| name | what it runs |', '|---|---|', ...rows, ''];
}

function summary(res: BenchResult, byCase: Map<Key, BenchRecord[]>): string[] {
  const peers = res.impls.filter((i) => i.name !== TARGET_IMPL && i.group !== 'bound' && !i.unavailable).map((i) => i.name);
  const wasm = res.records.filter((r) => r.impl === TARGET_IMPL);
  if (wasm.length === 0) return ['## Summary', '', `No ${TARGET_IMPL} rows in this run.`, ''];
  const met = { pct: 0, ratios: Object.fromEntries(Object.keys(RATIO_TARGETS).map((k) => [k, [0, 0]])) as Record<string, number[]> };
  const lines = wasm.map((r) => {
    const target = pctTarget(r.op, r.dtype);
    const ok = r.pctOfBound !== null && r.pctOfBound >= target;
    if (ok) met.pct++;
    const cells = peers.map((p) => {
      const { rec, dagger } = find(byCase, r, p);
      const ratio = rec ? rec.msMedian / r.msMedian : null;
      if (rec && p in RATIO_TARGETS) met.ratios[p][ratio! >= RATIO_TARGETS[p] ? 0 : 1]++;
      return `${fmtRatio(ratio)}${dagger && rec ? ' †' : ''}`;
    });
    return `| ${r.op} | ${r.format} | ${r.n} | ${fmtMs(r.msMedian)} | ${fmtPct(r.pctOfBound)} | ${target} % ${ok ? '✓' : '✗'} | ${cells.join(' | ')} |`;
  });
  const ratioLine = Object.entries(RATIO_TARGETS).map(([p, t]) => `≥ ${t}× ${p}: ${met.ratios[p][0]} of ${met.ratios[p][0] + met.ratios[p][1]}`).join('; ');
  return [
    `## Summary: batchmix ${TARGET_IMPL} (resident batches, 1 thread) against its targets and the peers`,
    '',
    `Targets met: % of bound in ${met.pct} of ${wasm.length} cases; ${ratioLine}. A peer column says how many times faster ${TARGET_IMPL} is than that implementation (its median / ${TARGET_IMPL}'s median).`,
    '† tfjs tensors are immutable, so for in-place CutMix its out-of-place time stands in.',
    '',
    `| op | format | N | ${TARGET_IMPL} ms | % of bound | target | ${peers.map((p) => `vs ${p}`).join(' | ')} |`,
    `|---|---|---|---|---|---|${peers.map(() => '---').join('|')}|`,
    ...lines,
    '',
  ];
}

function details(res: BenchResult, byCase: Map<Key, BenchRecord[]>): string[] {
  const out = ['## All measurements', ''];
  const ns = [...new Set(res.records.map((r) => r.n))].sort((a, b) => a - b);
  for (const n of ns) {
    for (const format of ALL_FORMATS) {
      const recs = res.records.filter((r) => r.n === n && r.format === format);
      if (recs.length === 0) continue;
      const B = recs[0].c * recs[0].h * recs[0].w * n * (format === 'f32' ? 4 : 1);
      out.push(`### N = ${n}, ${FORMATS[format].label} (B = ${(B / 1e6).toFixed(2)} MB)`, '');
      out.push('| op | impl | median ms | min ms | images/s | GB/s | % of bound | wasm is × faster | runs | vs oracle |', '|---|---|---|---|---|---|---|---|---|---|');
      for (const r of recs) {
        const w = byCase.get(keyOf(r))?.find((x) => x.impl === TARGET_IMPL);
        const check = r.checksum === null ? '–' : r.agrees ? `✓ (max diff ${r.maxAbsDiff! === 0 ? '0' : r.maxAbsDiff!.toExponential(1)})` : `**✗ max diff ${r.maxAbsDiff}**`;
        out.push(`| ${r.op} | ${r.impl}${r.note ? ` (${r.note})` : ''} | ${fmtMs(r.msMedian)} | ${fmtMs(r.msMin)} | ${fmtCount(r.imagesPerSec)} | ${r.gbps.toFixed(2)} | ${fmtPct(r.pctOfBound)} | ${w ? fmtRatio(r.msMedian / w.msMedian) : '–'} | ${r.runs} | ${check} |`);
      }
      out.push('');
    }
  }
  return out;
}

function skipped(res: BenchResult): string[] {
  if (res.skips.length === 0) return [];
  const byReason = new Map<string, string[]>();
  for (const s of res.skips) {
    const k = `${s.impl}: ${s.reason}`;
    byReason.set(k, [...(byReason.get(k) ?? []), `${s.op} ${s.format} N=${s.n}`]);
  }
  return ['## Not measured', '', ...[...byReason].map(([k, cases]) => `- ${k} (${cases.length} case${cases.length > 1 ? 's' : ''}: ${cases.join(', ')})`), ''];
}

/** The whole RESULTS.md. */
export function markdownReport(res: BenchResult): string {
  const byCase = new Map<Key, BenchRecord[]>();
  for (const r of res.records) byCase.set(keyOf(r), [...(byCase.get(keyOf(r)) ?? []), r]);
  return [...header(res), ...implTable(res), ...summary(res, byCase), ...details(res, byCase), ...glCallsSection(res.glCalls ?? []), ...skipped(res), 'Chart: [chart.svg](chart.svg) (% of the memory bound per implementation and case, log scale).', ''].join('\n');
}
