/**
 * Text for the `npm start` console report: params compactly, the top classes of each mixed label,
 * the backend report, and call times.
 */
import type { BackendReport, MixParams } from '../src/index.js';

/** One class of a label row: class id and weight. */
export interface Top {
  readonly cls: number;
  readonly weight: number;
}

/** The `count` largest weights of label row i of an N×K Float32Array (weights > 0 only), largest first. */
export function topClasses(labels: Float32Array, k: number, i: number, count = 2): Top[] {
  const row = Array.from(labels.subarray(i * k, (i + 1) * k), (weight, cls) => ({ cls, weight }));
  return row.filter((t) => t.weight > 0).sort((a, b) => b.weight - a.weight || a.cls - b.cls).slice(0, count);
}

/** 'astronaut 0.62 + coffee 0.38' for one label row. */
export function formatMixture(tops: readonly Top[], names: readonly string[]): string {
  return tops.map((t) => `${names[t.cls]} ${t.weight.toFixed(2)}`).join(' + ');
}

/** The params of one call on a few lines: op, partner index, λ per sample, boxes [y0,y1,x0,x1]. */
export function formatParams(p: MixParams): string[] {
  const lines = [
    `  index  [${Array.from(p.index).join(', ')}]`,
    `  lam    [${Array.from(p.lam, (v) => v.toFixed(3)).join(', ')}]`,
  ];
  if (p.boxes) {
    const boxes: string[] = [];
    for (let i = 0; i < p.boxes.length / 4; i++) boxes.push(`[${Array.from(p.boxes.subarray(4 * i, 4 * i + 4)).join(',')}]`);
    lines.push(`  boxes  ${boxes.join(' ')}  ([y0,y1,x0,x1], half-open)`);
  }
  if (p.interpolation) lines.push(`  interpolation ${p.interpolation}`);
  return lines;
}

/**
 * Which backend runs CPU arrays and, for 'auto', what it chose and why: the reason, the WebGL2
 * renderer (and whether it is a software rasteriser), the measured figures, where GPU batches run,
 * and why the others were passed over.
 */
export function formatBackend(name: string, choice: string, report: BackendReport | undefined): string[] {
  if (choice !== 'auto') return [`backend: ${name} (asked for by name)`];
  const lines = [`backend: ${name} (auto: ${report?.reason ?? 'the first candidate'})`];
  if (report?.renderer) {
    lines.push(`  WebGL2 renderer: ${report.renderer.renderer} (${report.renderer.software ? `software rasteriser, matched "${report.renderer.matched}"` : 'hardware'})`);
  }
  if (report?.measured) {
    lines.push(`  measured ${report.measured.call}: ${Object.entries(report.measured.ms).map(([b, t]) => `${b} ${t!.toFixed(2)} ms`).join(', ')}`);
  }
  if (report) lines.push(`  GPU-resident batches (mix.gpu()): ${report.gpu ?? 'unavailable (no WebGL2 context)'}`);
  for (const [other, why] of Object.entries(report?.passedOver ?? {})) lines.push(`  passed over ${other}: ${why}`);
  return lines;
}

/** Switches since creation (e.g. float32 jobs moved to wasm where GL lacks float targets). */
export function formatSwitches(report: BackendReport | undefined): string[] {
  return (report?.switches ?? []).map((s) => `  switched ${s.from} -> ${s.to}: ${s.reason}`);
}

/** Milliseconds with a precision that suits the size. */
export function ms(t: number): string {
  return t >= 100 ? `${t.toFixed(0)} ms` : t >= 1 ? `${t.toFixed(1)} ms` : `${t.toFixed(3)} ms`;
}

/** The median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
