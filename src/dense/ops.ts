/**
 * The op of one sample: `params.op`, or `params.ops[i]` for per-sample params (`op: 'mixed'`,
 * SPEC §2, §3). The dense targets are mixed sample by sample as a function of (op_i, index[i],
 * lam[i], box_i), so whole-batch and mixed params go through the same code.
 */
import type { MixParams, Op } from '../types.js';

/** op_i of sample i (params already validated). */
export function opOf(p: MixParams, i: number): Op {
  return p.op === 'mixed' ? p.ops![i] : p.op;
}

/** Whether any sample's op is `op`. */
export function anySample(p: MixParams, n: number, op: Op): boolean {
  for (let i = 0; i < n; i++) if (opOf(p, i) === op) return true;
  return false;
}
