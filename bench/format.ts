/** Number formats shared by the terminal lines, the markdown report and the chart. */

/** Milliseconds with about 3 significant digits: 0.0512, 0.943, 12.1, 1423. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  if (ms >= 0.1) return ms.toFixed(3);
  return ms.toFixed(4);
}

/** A percentage with one decimal below 10 %, none above: 0.3 %, 7.8 %, 97 %. */
export function fmtPct(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return '–';
  return p < 10 ? `${p.toFixed(1)} %` : `${p.toFixed(0)} %`;
}

/** A speed ratio: 1.3×, 12×, 240×. */
export function fmtRatio(r: number | null): string {
  if (r === null || !Number.isFinite(r)) return '–';
  return r < 10 ? `${r.toFixed(1)}×` : `${r.toFixed(0)}×`;
}

/** Thousands with thin grouping: 33,941. */
export function fmtCount(v: number): string {
  return Math.round(v).toLocaleString('en-US');
}
