/**
 * What the demo's controls hold, and how that becomes batchmix options. The page keeps one
 * `DemoState`; every control edits it and asks for a new run.
 */
import type { AugmentOptions, BackendChoice, CreateOptions, Interpolation, Mode, Partner } from '../src/index.js';

export type OpName = AugmentOptions['op'];
export const OP_NAMES: readonly OpName[] = ['mixup', 'cutmix', 'resizemix'];

export interface OpState {
  on: boolean;
  alpha: number;
  prob: number;
}

export interface DemoState {
  ops: Record<OpName, OpState>;
  mode: Mode;
  partner: Partner;
  interpolation: Interpolation;
  labelSmoothing: number;
  seed: number;
  backend: BackendChoice;
}

export function initialState(): DemoState {
  return {
    ops: {
      mixup: { on: false, alpha: 1, prob: 1 },
      cutmix: { on: true, alpha: 1, prob: 1 },
      resizemix: { on: false, alpha: 1, prob: 1 },
    },
    mode: 'elem',
    partner: 'permutation',
    interpolation: 'bilinear',
    labelSmoothing: 0,
    seed: 0,
    backend: 'auto',
  };
}

/** After an op is switched on or off, the ops that are on share the probability (in hundredths, summing to 1). */
export function shareProbs(s: DemoState): void {
  const on = OP_NAMES.filter((op) => s.ops[op].on);
  const share = Math.floor(100 / on.length);
  on.forEach((op, k) => { s.ops[op].prob = (k === on.length - 1 ? 100 - share * k : share) / 100; });
}

/** The augments of the ops that are on (an empty list when none is, which createBatchMix refuses). */
export function augmentsOf(s: DemoState): AugmentOptions[] {
  return OP_NAMES.filter((op) => s.ops[op].on).map((op): AugmentOptions => {
    const { alpha, prob } = s.ops[op];
    return op === 'resizemix' ? { op, alpha, prob, interpolation: s.interpolation } : { op, alpha, prob };
  });
}

/** createBatchMix options for a batch of `numClasses` classes on `backend`. */
export function optionsOf(s: DemoState, numClasses: number, backend: BackendChoice = s.backend): CreateOptions {
  return {
    numClasses,
    augments: augmentsOf(s),
    mode: s.mode,
    partner: s.partner,
    labelSmoothing: s.labelSmoothing,
    seed: s.seed,
    backend,
  };
}
