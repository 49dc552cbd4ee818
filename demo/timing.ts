/**
 * Time per `apply` call on each backend, for the batch and params on screen: one warm-up call, then
 * calls until they add up to 60 ms (at least 3, at most 200); the figure is their total / calls.
 * Between calls the page yields to the event loop, so it stays responsive while timing.
 */
import type { BackendName, BatchMix, ImageBatch, MixParams } from '../src/index.js';
import { h, fill } from './dom.js';

export const TIMED: readonly BackendName[] = ['webgl2', 'wasm', 'js'];
const BUDGET_MS = 60;

export type Timing = { ms: number; calls: number } | { error: string };

/** Lets input, rendering and other tasks run (apply on a CPU backend resolves without yielding). */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Times one backend; `stop()` true ends the loop early (a new run is waiting) and gives null. */
export async function timeCalls(mix: BatchMix, batch: ImageBatch, labels: Int32Array, p: MixParams, stop: () => boolean): Promise<Timing | null> {
  await mix.apply(batch, labels, p);
  let calls = 0, total = 0;
  while (calls < 3 || (total < BUDGET_MS && calls < 200)) {
    await yieldToPage();
    if (stop()) return null;
    const t0 = performance.now();
    await mix.apply(batch, labels, p);
    total += performance.now() - t0;
    calls++;
  }
  return { ms: total / calls, calls };
}

function fmt(ms: number): string {
  return ms >= 10 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(1)} ms` : `${(ms * 1000).toFixed(0)} µs`;
}

/** Bars, one per backend, scaled to the slowest; the backend in use is marked. Missing entries show as pending. */
export function renderTiming(el: HTMLElement, times: Partial<Record<BackendName, Timing>>, inUse: BackendName): void {
  const max = Math.max(...TIMED.map((b) => { const t = times[b]; return t && 'ms' in t ? t.ms : 0; }));
  fill(el, ...TIMED.map((b) => {
    const t = times[b];
    const value = !t ? h('span', { class: 'pending' }, 'measuring…')
      : 'error' in t ? h('span', { class: 'unavailable', title: t.error }, 'unavailable')
      : h('span', { class: 'ms', title: `${t.calls} calls` }, fmt(t.ms));
    const width = t && 'ms' in t && max > 0 ? Math.max(2, (100 * t.ms) / max) : 0;
    return h('div', { class: `timing-row${b === inUse ? ' in-use' : ''}`, 'data-testid': `time-${b}` },
      h('span', { class: 'name' }, b),
      h('span', { class: 'track' }, h('span', { class: `fill ${b}`, style: `width:${width}%` })),
      value);
  }));
}
