/**
 * Validates and normalises `createBatchMix` options (SPEC §3, §4; types in types.ts). Every
 * default is filled in here, so the planner reads plain values. Bad input throws
 * BatchMixError('BAD_OPTIONS') naming the argument, what was expected and what arrived.
 */
import { describe, fail } from './errors.js';
import type { BackendChoice, Interpolation, Mode, Partner, Placement } from './types.js';

type AugmentOp = 'mixup' | 'cutmix' | 'resizemix';

export interface NormalizedAugment {
  op: AugmentOp;
  alpha: number;
  prob: number;
  /** cutmix/resizemix: label λ from the box area; always true with minmax; true (unused) for mixup. */
  correctLam: boolean;
  minmax: readonly [number, number] | null;
  /** resizemix: λ = Beta·(lamMax − lamMin) + lamMin (0.1, 0.8); 0 and 1 (the identity map) otherwise. */
  lamMin: number;
  lamMax: number;
  /** resizemix: default 'bilinear'; 'bilinear' (unused) otherwise. */
  interpolation: Interpolation;
  /** cutmix/resizemix mmcls boxes: 'clip' (default) or 'inside'; minmax boxes are always inside; 'clip' (unused) for mixup. */
  placement: Placement;
}

export interface NormalizedOptions {
  numClasses: number;
  augments: readonly NormalizedAugment[];
  mode: Mode;
  partner: Partner;
  /** One op per sample (modes 'elem' and 'pair' only); false by default. */
  perSample: boolean;
  labelSmoothing: number;
  /** uint32: a negative or larger integer seed is reduced modulo 2^32. */
  seed: number;
  backend: BackendChoice;
  gl?: WebGL2RenderingContext;
}

const OPS: readonly AugmentOp[] = ['mixup', 'cutmix', 'resizemix'];
const MODES: readonly Mode[] = ['batch', 'elem', 'pair'];
const PARTNERS: readonly Partner[] = ['permutation', 'mirror', 'roll', 'derangement'];
const BACKENDS: readonly BackendChoice[] = ['auto', 'webgl2', 'wasm', 'js'];
const INTERPOLATIONS: readonly Interpolation[] = ['nearest', 'nearest-exact', 'bilinear', 'bicubic', 'area'];
const PLACEMENTS: readonly Placement[] = ['clip', 'inside'];
/** `webgl2` is the integrator's CreateOptions extension (backend tuning); it is passed over here. */
const KEYS = ['numClasses', 'augments', 'mode', 'partner', 'perSample', 'labelSmoothing', 'seed', 'backend', 'gl', 'webgl2', 'wasm'];
const AUGMENT_KEYS: Record<AugmentOp, readonly string[]> = {
  mixup: ['op', 'alpha', 'prob'],
  cutmix: ['op', 'alpha', 'prob', 'correctLam', 'minmax', 'placement'],
  resizemix: ['op', 'alpha', 'prob', 'correctLam', 'minmax', 'lamMin', 'lamMax', 'interpolation', 'placement'],
};
const PROB_SLACK = 1e-6;

const bad = (arg: string, expected: string, got: unknown): never =>
  fail('BAD_OPTIONS', `createBatchMix: ${arg} must be ${expected}, got ${describe(got)}`);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
}

function checkKeys(where: string, o: Record<string, unknown>, known: readonly string[], hint = ''): void {
  for (const k of Object.keys(o)) {
    if (!known.includes(k)) fail('BAD_OPTIONS', `createBatchMix: ${where} has an unknown option ${JSON.stringify(k)}; expected one of ${known.join(', ')}${hint}`);
  }
}

function oneOf<T>(arg: string, v: unknown, allowed: readonly T[], dflt: T): T {
  if (v === undefined) return dflt;
  if (!allowed.includes(v as T)) bad(arg, `one of ${allowed.map((a) => `'${String(a)}'`).join(', ')}`, v);
  return v as T;
}

/** A number passing `ok`; `dflt` when absent, and required when there is no default. */
function num(arg: string, v: unknown, ok: (x: number) => boolean, expected: string, dflt?: number): number {
  if (v === undefined && dflt !== undefined) return dflt;
  if (typeof v !== 'number' || !ok(v)) bad(arg, expected, v);
  return v as number;
}

function normalizeAugment(raw: unknown, i: number, single: boolean): NormalizedAugment {
  if (!isRecord(raw)) bad(`augments[${i}]`, "an object like { op: 'mixup', alpha: 0.8, prob: 0.5 }", raw);
  const a = raw as Record<string, unknown>;
  if (!OPS.includes(a.op as AugmentOp)) bad(`augments[${i}].op`, "one of 'mixup', 'cutmix', 'resizemix'", a.op);
  const op = a.op as AugmentOp;
  const at = `augments[${i}] (${op})`;
  checkKeys(at, a, AUGMENT_KEYS[op], op === 'mixup' ? ' (correctLam, minmax, lamMin, lamMax, interpolation and placement are for the paste ops)' : '');
  const alpha = num(`${at}.alpha`, a.alpha, (x) => Number.isFinite(x) && x > 0, 'a finite number > 0 (the Beta(α, α) parameter)');
  if (a.prob === undefined && !single) bad(`${at}.prob`, 'given when there are several augments (give each a prob; the leftover is the identity)', undefined);
  const prob = num(`${at}.prob`, a.prob, (x) => x >= 0 && x <= 1, 'a number in [0, 1]', 1);
  let minmax: readonly [number, number] | null = null;
  if (a.minmax !== undefined) {
    const m = a.minmax;
    const pair = Array.isArray(m) && m.length === 2 && m.every((x) => typeof x === 'number') ? (m as number[]) : null;
    if (!pair || !(pair[0] > 0 && pair[0] < pair[1] && pair[1] <= 1)) bad(`${at}.minmax`, '[lo, hi] with 0 < lo < hi ≤ 1', m);
    minmax = Object.freeze([pair![0], pair![1]] as const);
  }
  if (a.correctLam !== undefined && typeof a.correctLam !== 'boolean') bad(`${at}.correctLam`, 'a boolean', a.correctLam);
  if (minmax && a.correctLam === false) {
    fail('BAD_OPTIONS', `createBatchMix: ${at}: correctLam: false cannot hold with minmax (the label λ is always the box's); drop one of them`);
  }
  const inUnit = (x: number): boolean => x >= 0 && x <= 1;
  const isResize = op === 'resizemix';
  const lamMin = num(`${at}.lamMin`, a.lamMin, inUnit, 'a number in [0, 1]', isResize ? 0.1 : 0);
  const lamMax = num(`${at}.lamMax`, a.lamMax, inUnit, 'a number in [0, 1]', isResize ? 0.8 : 1);
  if (lamMin > lamMax) {
    fail('BAD_OPTIONS', `createBatchMix: ${at}: need lamMin ≤ lamMax (defaults 0.1 and 0.8), got lamMin = ${lamMin} and lamMax = ${lamMax}`);
  }
  const interpolation = oneOf(`${at}.interpolation`, a.interpolation, INTERPOLATIONS, 'bilinear' as Interpolation);
  const placement = oneOf(`${at}.placement`, a.placement, PLACEMENTS, 'clip' as Placement);
  return Object.freeze({ op, alpha, prob, correctLam: a.correctLam !== false, minmax, lamMin, lamMax, interpolation, placement });
}

/**
 * `perSample` (SPEC §3): a boolean, true only with mode 'elem' or 'pair' (in 'batch' mode the batch
 * shares one λ and box, so it cannot hold several ops), and the resizemix augments must agree on
 * the interpolation (params carry one for the call).
 */
function checkPerSample(v: unknown, mode: Mode, augments: readonly NormalizedAugment[]): boolean {
  if (v === undefined) return false;
  if (typeof v !== 'boolean') bad('perSample', 'a boolean', v);
  if (!v) return false;
  if (mode === 'batch') {
    fail('BAD_OPTIONS', "createBatchMix: perSample: true needs mode 'elem' or 'pair' (one op per sample, or per cycle of partners), " +
      "got mode 'batch' (one λ and box for the whole batch); set mode: 'elem' or 'pair', or drop perSample");
  }
  const interps = new Set(augments.filter((a) => a.op === 'resizemix').map((a) => a.interpolation));
  if (interps.size > 1) {
    fail('BAD_OPTIONS', `createBatchMix: with perSample the resizemix augments must share one interpolation (params carry one per call), got ${[...interps].join(', ')}`);
  }
  return true;
}

/** Validates `createBatchMix` options and fills in the defaults (SPEC §3, §4, §8). */
export function normalizeOptions(options: unknown): NormalizedOptions {
  if (!isRecord(options)) bad('options', 'an object { numClasses, augments, ... }', options);
  const o = options as Record<string, unknown>;
  checkKeys('options', o, KEYS);
  const numClasses = num('numClasses', o.numClasses, (x) => Number.isSafeInteger(x) && x >= 1, 'a positive integer');
  const list = Array.isArray(o.augments) ? (o.augments as unknown[]) : isRecord(o.augments) ? [o.augments] : null;
  if (!list || list.length === 0) bad('augments', "an augment or a non-empty array of them, like [{ op: 'mixup', alpha: 0.8 }]", o.augments);
  const augments = Object.freeze(list!.map((a, i) => normalizeAugment(a, i, list!.length === 1)));
  const sum = augments.reduce((s, a) => s + a.prob, 0);
  if (sum > 1 + PROB_SLACK) {
    fail('BAD_OPTIONS', `createBatchMix: augments' probs must sum to ≤ 1 (the leftover is the identity), got ${augments.map((a) => a.prob).join(' + ')} = ${sum}`);
  }
  const mode = oneOf('mode', o.mode, MODES, 'batch' as Mode);
  const perSample = checkPerSample(o.perSample, mode, augments);
  const seed = num('seed', o.seed, Number.isSafeInteger, 'an integer (0 is a real seed)', 0) >>> 0;
  const gl = o.gl;
  if (gl !== undefined && (typeof gl !== 'object' || gl === null || typeof (gl as WebGL2RenderingContext).getExtension !== 'function')) {
    bad('gl', 'a WebGL2RenderingContext', gl);
  }
  return Object.freeze({
    numClasses,
    augments,
    mode,
    partner: oneOf('partner', o.partner, PARTNERS, 'permutation' as Partner),
    perSample,
    labelSmoothing: num('labelSmoothing', o.labelSmoothing, (x) => x >= 0 && x < 1, 'a number in [0, 1)', 0),
    seed,
    backend: oneOf('backend', o.backend, BACKENDS, 'auto' as BackendChoice),
    ...(gl === undefined ? {} : { gl: gl as WebGL2RenderingContext }),
  });
}
