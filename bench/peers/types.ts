/**
 * What the harness asks of every implementation (batchmix backends, peers, the memory bound):
 * set a case up outside the timing, make one checked call, then time calls on request, so that
 * the harness can interleave the implementations round by round.
 */
import type { MixParams, PixelData } from '../../src/index.js';
import type { Case, CaseInfo } from '../cases.js';

/** Everything an implementation needs for one case. `input` is never modified by anyone. */
export interface CaseInput {
  readonly c: Case;
  readonly info: CaseInfo;
  readonly params: MixParams;
  readonly input: PixelData;
  /** Class ids for batchmix's label mixing (all 0; K = 10). */
  readonly labels: Int32Array;
  /** The bytes the op must move (bytes.ts). */
  readonly bytes: number;
}

/** One implementation set up for one case. */
export interface Runner {
  /** Runs `k` more calls; returns each call's wall time in ms. */
  time(k: number): Promise<number[]>;
  /**
   * The first call's output in the case's layout (null for the memory bound, which computes nothing).
   * It may be a live buffer: valid until the next call, so the harness checks it right after prepare.
   */
  readonly output: ArrayLike<number> | null;
  /** The wall time of the first call in ms (it includes first-call costs: compilation, allocation). */
  readonly firstMs: number;
  /** What this implementation did in this case, for the report (e.g. a chosen formulation). */
  readonly note?: string;
  dispose(): void | Promise<void>;
}

export interface Impl {
  /** Short name in tables and JSON records: 'wasm', 'plain-js', 'tfjs-wasm', ... */
  readonly name: string;
  readonly group: 'bound' | 'batchmix' | 'peer';
  /** One sentence for the report: what it runs and how. */
  readonly description: string;
  /** Run-level setup; returns why the implementation cannot run at all here, or null. */
  init(): Promise<string | null>;
  /** Why case `c` is not measured for this implementation, or null when it is. */
  unsupported(c: Case, info: CaseInfo): string | null;
  /** Sets the case up outside the timing and makes the first (checked) call. */
  prepare(x: CaseInput): Promise<Runner>;
  close(): void | Promise<void>;
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

/** Times `k` calls of `call` (awaited only when it returns a promise, so sync calls pay no microtask). */
export async function timeCalls(call: () => unknown, k: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < k; i++) {
    const t0 = performance.now();
    const r = call();
    if (isThenable(r)) await r;
    times.push(performance.now() - t0);
  }
  return times;
}

/**
 * A Runner for an in-process implementation: makes the first call now, takes what `read()` returns
 * after it as the output (not copied), and times later calls of the same `call`.
 */
export async function inProcessRunner(
  call: () => unknown,
  read: () => ArrayLike<number> | null,
  dispose: () => void | Promise<void> = () => {},
  note?: string,
): Promise<Runner> {
  const [firstMs] = await timeCalls(call, 1);
  return { output: read(), firstMs, note, time: (k) => timeCalls(call, k), dispose };
}
