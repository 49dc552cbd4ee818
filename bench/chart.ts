/**
 * bench/chart.svg: "% of the memory bound" per implementation and case, as a dot plot. One row per
 * case (grouped by batch size and format), one coloured dot per implementation, a log-scale x axis
 * (the peers span four decades), a dashed line at 100 % and a grey tick at the wasm target of each row;
 * the wasm dot is drawn last, outlined.
 */
import { FORMATS, type CaseOp, type Format } from './cases.js';
import type { BenchRecord, BenchResult } from './record.js';
import { pctTarget, TARGET_IMPL } from './targets.js';

const COLORS = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#1f78b4', '#b2182b', '#666666', '#8dd3c7'];
const ROW = 16;
const LEFT = 250;
const PLOT = 640;
const TOP = 70;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface Row {
  label: string;
  op: CaseOp;
  dtype: 'float32' | 'uint8';
  recs: BenchRecord[];
  heading?: string;
}

function rowsOf(records: BenchRecord[]): Row[] {
  const rows: Row[] = [];
  const seen = new Map<string, Row>();
  let group = '';
  for (const r of records) {
    if (r.impl === 'bound' || r.pctOfBound === null) continue;
    const key = `${r.n}|${r.format}|${r.op}`;
    let row = seen.get(key);
    if (!row) {
      const g = `N = ${r.n}, ${FORMATS[r.format as Format].label}`;
      row = { label: r.op, op: r.op, dtype: r.dtype, recs: [], ...(g !== group ? { heading: g } : {}) };
      group = g;
      seen.set(key, row);
      rows.push(row);
    }
    row.recs.push(r);
  }
  return rows;
}

/** The SVG document. */
export function svgChart(res: BenchResult): string {
  const rows = rowsOf(res.records);
  const impls = res.impls.filter((i) => i.group !== 'bound' && !i.unavailable).map((i) => i.name);
  const color = (name: string): string => COLORS[impls.indexOf(name) % COLORS.length];
  const pcts = rows.flatMap((r) => r.recs.map((x) => x.pctOfBound!)).filter((p) => p > 0);
  const lo = Math.floor(Math.log10(Math.max(1e-3, Math.min(100, ...pcts))));
  const hi = Math.max(3, Math.ceil(Math.log10(Math.max(100, ...pcts))));
  const x = (p: number): number => LEFT + ((Math.log10(Math.min(Math.max(p, 10 ** lo), 10 ** hi)) - lo) / (hi - lo)) * PLOT;
  const out: string[] = [];
  let y = TOP;
  for (const row of rows) {
    if (row.heading) {
      y += ROW * 0.6;
      out.push(`<text x="8" y="${y + 11}" font-weight="bold">${esc(row.heading)}</text>`);
      y += ROW;
    }
    out.push(`<text x="${LEFT - 8}" y="${y + 11}" text-anchor="end">${esc(row.label)}</text>`);
    out.push(`<line x1="${LEFT}" x2="${LEFT + PLOT}" y1="${y + 8}" y2="${y + 8}" stroke="#eee"/>`);
    const t = x(pctTarget(row.op, row.dtype));
    out.push(`<line x1="${t}" x2="${t}" y1="${y + 2}" y2="${y + 14}" stroke="#999" stroke-width="2"><title>wasm target ${pctTarget(row.op, row.dtype)} %</title></line>`);
    // The target implementation last (on top), outlined.
    for (const r of [...row.recs.filter((q) => q.impl !== TARGET_IMPL), ...row.recs.filter((q) => q.impl === TARGET_IMPL)]) {
      const ring = r.impl === TARGET_IMPL ? ' stroke="black" stroke-width="1.2"' : '';
      out.push(`<circle cx="${x(r.pctOfBound!).toFixed(1)}" cy="${y + 8}" r="4.5" fill="${color(r.impl)}" fill-opacity="0.85"${ring}><title>${esc(`${r.impl}: ${r.pctOfBound!.toFixed(2)} % (${r.msMedian.toPrecision(3)} ms)`)}</title></circle>`);
    }
    y += ROW;
  }
  const axis: string[] = [];
  for (let d = lo; d <= hi; d++) {
    const gx = x(10 ** d);
    axis.push(`<line x1="${gx}" x2="${gx}" y1="${TOP - 6}" y2="${y}" stroke="${d === 2 ? '#333' : '#ccc'}"${d === 2 ? ' stroke-dasharray="4 3"' : ''}/>`);
    axis.push(`<text x="${gx}" y="${TOP - 10}" text-anchor="middle">${10 ** d >= 1 ? 10 ** d : (10 ** d).toFixed(-d)} %</text>`);
  }
  const legend = impls.map((name, k) => {
    const lx = 8 + (k % 6) * 150;
    const ly = 30 + Math.floor(k / 6) * 16;
    return `<circle cx="${lx + 5}" cy="${ly - 4}" r="4.5" fill="${color(name)}"/><text x="${lx + 14}" y="${ly}">${esc(name)}</text>`;
  });
  const height = y + 20;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${LEFT + PLOT + 30}" height="${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="8" y="14" font-size="13" font-weight="bold">% of the memory bound (log scale; dashed: 100 %, grey tick: the wasm target)</text>`,
    ...legend, ...axis, ...out,
    '</svg>',
    '',
  ].join('\n');
}
