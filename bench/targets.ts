/**
 * The targets for the wasm backend (single thread, resident batches), from
 * research/perf-anchors.md §6: a share of the memory bound per op, and speed ratios to two peers.
 */
import type { CaseOp } from './cases.js';

/** The % of the memory bound the wasm backend should reach on `op` with `dtype`. */
export function pctTarget(op: CaseOp, dtype: 'float32' | 'uint8'): number {
  switch (op) {
    case 'mixup':
      return dtype === 'float32' ? 90 : 60;
    case 'cutmix_ip':
      return 80;
    case 'cutmix_oop':
      return 65;
    case 'resizemix_bilinear_0.5':
      return 60;
    default:
      return 40; // other scales and bicubic
  }
}

/** The implementation the targets are for. */
export const TARGET_IMPL = 'wasm';

/** In every case the wasm backend should be at least this many times faster than these peers. */
export const RATIO_TARGETS: Readonly<Record<string, number>> = { 'plain-js': 5, 'tfjs-wasm': 100 };
