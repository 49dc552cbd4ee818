/**
 * examples/train/chart.svg: test accuracy and ECE per setting (two bar panels), and one reliability
 * diagram per setting (15 bins: bar = the bin's accuracy, red = the gap to its mean confidence,
 * dashed diagonal = perfect calibration, the number over a bar = predictions in the bin).
 * Returns the SVG text; browser-safe.
 */
import type { SettingResult } from './train.js';

const COLORS = ['#666666', '#1b9e77', '#d95f02', '#7570b3', '#e7298a'];
const W = 960;
const BAR_H = 22;
const LEFT = 230;
const PANEL = 250;
const DIAG = 160;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Horizontal bars, one per setting, values on [lo, hi] mapped to PANEL pixels from x0. */
function barPanel(results: readonly SettingResult[], x0: number, y0: number, title: string, value: (r: SettingResult) => number,
  lo: number, hi: number, fmt: (v: number) => string, withLabels: boolean): string[] {
  const out = [`<text x="${x0}" y="${y0 - 10}" font-weight="bold">${esc(title)}</text>`];
  const sx = (v: number): number => x0 + ((Math.min(Math.max(v, lo), hi) - lo) / (hi - lo)) * PANEL;
  results.forEach((r, i) => {
    const y = y0 + i * BAR_H;
    if (withLabels) out.push(`<text x="${LEFT - 10}" y="${y + 15}" text-anchor="end">${esc(r.setting.label)}</text>`);
    out.push(`<rect x="${x0}" y="${y + 3}" width="${(sx(value(r)) - x0).toFixed(1)}" height="${BAR_H - 6}" fill="${COLORS[i % COLORS.length]}"/>`);
    out.push(`<text x="${(sx(value(r)) + 4).toFixed(1)}" y="${y + 15}">${fmt(value(r))}</text>`);
  });
  const yEnd = y0 + results.length * BAR_H;
  out.push(`<line x1="${x0}" x2="${x0 + PANEL}" y1="${yEnd}" y2="${yEnd}" stroke="#333"/>`);
  for (let k = 0; k <= 4; k++) {
    const v = lo + ((hi - lo) * k) / 4;
    out.push(`<text x="${sx(v).toFixed(1)}" y="${yEnd + 14}" text-anchor="middle" font-size="10" fill="#555">${(v * 100).toFixed(1)}</text>`);
  }
  return out;
}

function reliability(r: SettingResult, x0: number, y0: number, color: string): string[] {
  const out = [`<text x="${x0}" y="${y0 - 22}" font-weight="bold" font-size="11">${esc(r.setting.label)}</text>`,
    `<text x="${x0}" y="${y0 - 8}" font-size="11">ECE ${(r.metrics.ece * 100).toFixed(2)} %, accuracy ${(r.metrics.accuracy * 100).toFixed(1)} %</text>`,
    `<rect x="${x0}" y="${y0}" width="${DIAG}" height="${DIAG}" fill="none" stroke="#333"/>`];
  const px = (v: number): number => x0 + v * DIAG;
  const py = (v: number): number => y0 + DIAG - v * DIAG;
  for (const b of r.metrics.bins) {
    if (b.count === 0) continue;
    const w = (b.hi - b.lo) * DIAG;
    out.push(`<rect x="${px(b.lo).toFixed(1)}" y="${py(b.accuracy).toFixed(1)}" width="${(w - 1).toFixed(1)}" height="${(b.accuracy * DIAG).toFixed(1)}" fill="${color}" fill-opacity="0.8"><title>${esc(`(${b.lo.toFixed(3)}, ${b.hi.toFixed(3)}]: ${b.count} predictions, accuracy ${b.accuracy.toFixed(3)}, mean confidence ${b.confidence.toFixed(3)}`)}</title></rect>`);
    const top = Math.max(b.accuracy, b.confidence);
    out.push(`<rect x="${px(b.lo).toFixed(1)}" y="${py(top).toFixed(1)}" width="${(w - 1).toFixed(1)}" height="${(Math.abs(b.accuracy - b.confidence) * DIAG).toFixed(1)}" fill="#d7301f" fill-opacity="0.45"/>`);
    out.push(`<text x="${(px(b.lo) + w / 2).toFixed(1)}" y="${(py(top) - 2).toFixed(1)}" text-anchor="middle" font-size="7" fill="#333">${b.count}</text>`);
  }
  out.push(`<line x1="${px(0)}" y1="${py(0)}" x2="${px(1)}" y2="${py(1)}" stroke="#333" stroke-dasharray="4 3"/>`);
  for (const v of [0, 0.5, 1]) {
    out.push(`<text x="${px(v)}" y="${y0 + DIAG + 12}" text-anchor="middle" font-size="9" fill="#555">${v}</text>`);
    out.push(`<text x="${x0 - 3}" y="${py(v) + 3}" text-anchor="end" font-size="9" fill="#555">${v}</text>`);
  }
  return out;
}

export function svgChart(results: readonly SettingResult[], subtitle: string): string {
  const body: string[] = [];
  const top = 70;
  const accs = results.map((r) => r.metrics.accuracy);
  const accLo = Math.max(0, Math.floor((Math.min(...accs) - 0.02) * 50) / 50);
  const eceHi = Math.max(0.02, Math.ceil(Math.max(...results.map((r) => r.metrics.ece)) * 50) / 50);
  body.push(...barPanel(results, LEFT, top, 'Test accuracy (%)', (r) => r.metrics.accuracy, accLo, 1, (v) => (v * 100).toFixed(1), true));
  body.push(...barPanel(results, LEFT + PANEL + 150, top, 'Expected calibration error, 15 bins (%)', (r) => r.metrics.ece, 0, eceHi, (v) => (v * 100).toFixed(2), false));
  const diagTop = top + results.length * BAR_H + 80;
  body.push(`<text x="8" y="${diagTop - 42}" font-weight="bold">Reliability diagrams (x: confidence, y: accuracy; red: gap to the mean confidence; dashed: calibrated)</text>`);
  const step = (W - 40) / results.length;
  results.forEach((r, i) => body.push(...reliability(r, 30 + i * step, diagTop, COLORS[i % COLORS.length])));
  const h = diagTop + DIAG + 30;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${h}" viewBox="0 0 ${W} ${h}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="8" y="22" font-size="15" font-weight="bold">batchmix: a small CNN on the UCI digits, mixed through mixTensors (TF.js)</text>`,
    `<text x="8" y="40" fill="#555">${esc(subtitle)}</text>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
