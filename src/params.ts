/**
 * MixParams ⇄ JSON (SPEC §2): typed arrays become number lists and back, without loss (every
 * float32 and int32 value is a double that JSON prints and parses exactly). `paramsFromJSON` checks
 * the structure only (BAD_PARAMS); range checks against a batch (index < N, boxes inside H×W,
 * λ in [0, 1]) are the API's, when the params are applied.
 */
import { describe, fail } from './errors.js';
import type { Interpolation, MixParams, Op } from './types.js';

export interface MixParamsJSON {
  op: Op | 'mixed';
  ops?: Op[];
  index: number[];
  lam: number[];
  boxes?: number[];
  interpolation?: Interpolation;
}

const OPS: readonly Op[] = ['mixup', 'cutmix', 'resizemix', 'identity'];
const INTERPOLATIONS: readonly Interpolation[] = ['nearest', 'nearest-exact', 'bilinear', 'bicubic', 'area'];
const KEYS = ['op', 'ops', 'index', 'lam', 'boxes', 'interpolation'];
const WHERE = 'paramsFromJSON';

/** Plain data for `JSON.stringify`: `{ op, ops?, index, lam, boxes?, interpolation? }` with number lists. */
export function paramsToJSON(p: MixParams): MixParamsJSON {
  const j: MixParamsJSON = { op: p.op, index: Array.from(p.index), lam: Array.from(p.lam) };
  if (p.ops !== undefined) j.ops = Array.from(p.ops);
  if (p.boxes !== undefined) j.boxes = Array.from(p.boxes);
  if (p.interpolation !== undefined) j.interpolation = p.interpolation;
  return j;
}

/** A list of int32 values, or BAD_PARAMS naming the field and the first bad entry. */
function int32List(name: string, v: unknown): Int32Array {
  if (!Array.isArray(v)) fail('BAD_PARAMS', `${WHERE}: ${name} must be a list of integers, got ${describe(v)}`);
  const at = v.findIndex((x) => !(Number.isInteger(x) && x >= -(2 ** 31) && x < 2 ** 31));
  if (at >= 0) fail('BAD_PARAMS', `${WHERE}: ${name}[${at}] must be an int32 integer, got ${describe(v[at])}`);
  return Int32Array.from(v as number[]);
}

/** A list of finite numbers as float32 (a hand-written 0.3 becomes the nearest float32). */
function float32List(name: string, v: unknown): Float32Array {
  if (!Array.isArray(v)) fail('BAD_PARAMS', `${WHERE}: ${name} must be a list of numbers, got ${describe(v)}`);
  const at = v.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x));
  if (at >= 0) fail('BAD_PARAMS', `${WHERE}: ${name}[${at}] must be a finite number, got ${describe(v[at])}`);
  return Float32Array.from(v as number[]);
}

/** 'mixed' only, and required there: a list of N op names (not 'mixed'). */
function opsList(op: string, v: unknown, n: number): Op[] | undefined {
  if ((op === 'mixed') !== (v !== undefined)) {
    fail('BAD_PARAMS', `${WHERE} (${op}): ops ${op === 'mixed' ? `are required (one op per sample: ${OPS.join(', ')})` : "are only for op 'mixed'"}`);
  }
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.length !== n) {
    fail('BAD_PARAMS', `${WHERE} (mixed): ops must be a list of N = ${n} ops (N from index), got ${describe(v)}`);
  }
  const at = v.findIndex((x) => !OPS.includes(x as Op));
  if (at >= 0) fail('BAD_PARAMS', `${WHERE} (mixed): ops[${at}] must be one of ${OPS.join(', ')}, got ${describe(v[at])}`);
  return (v as Op[]).slice();
}

/**
 * MixParams from parsed JSON (or from its text). Checks: an object with only the known keys; op
 * known; index (int32 list) and lam (finite numbers) of the same length; ops (N op names) for
 * 'mixed' only and required there; boxes, 4 per sample, for cutmix, resizemix and mixed only and
 * required there; interpolation known and for resizemix and mixed only. Whether a mixed sample's
 * box and λ agree with its op is the API's check (validate.ts), as are the ranges.
 */
export function paramsFromJSON(j: unknown): MixParams {
  if (typeof j === 'string') {
    try {
      j = JSON.parse(j);
    } catch (e) {
      fail('BAD_PARAMS', `${WHERE}: the text is not JSON (${(e as Error).message})`, e);
    }
  }
  if (typeof j !== 'object' || j === null || Array.isArray(j)) {
    fail('BAD_PARAMS', `${WHERE}: expected an object { op, index, lam, boxes?, interpolation? }, got ${describe(j)}`);
  }
  const o = j as Record<string, unknown>;
  const extra = Object.keys(o).find((k) => !KEYS.includes(k));
  if (extra !== undefined) fail('BAD_PARAMS', `${WHERE}: unknown key ${JSON.stringify(extra)}; expected ${KEYS.join(', ')}`);
  if (!OPS.includes(o.op as Op) && o.op !== 'mixed') {
    fail('BAD_PARAMS', `${WHERE}: op must be one of ${OPS.join(', ')}, mixed, got ${describe(o.op)}`);
  }
  const op = o.op as Op | 'mixed';
  const index = int32List('index', o.index);
  const lam = float32List('lam', o.lam);
  if (lam.length !== index.length) {
    fail('BAD_PARAMS', `${WHERE} (${op}): lam must have one value per sample (N = ${index.length} from index), got ${lam.length}`);
  }
  const p: MixParams = { op, index, lam };
  const ops = opsList(op, o.ops, index.length);
  if (ops) p.ops = ops;
  const pastes = op === 'cutmix' || op === 'resizemix' || op === 'mixed';
  if (pastes !== (o.boxes !== undefined)) {
    fail('BAD_PARAMS', `${WHERE} (${op}): boxes ${pastes ? 'are required (4 per sample: y0, y1, x0, x1)' : 'are only for cutmix, resizemix and mixed'}`);
  }
  if (pastes) {
    p.boxes = int32List('boxes', o.boxes);
    if (p.boxes.length !== 4 * index.length) {
      fail('BAD_PARAMS', `${WHERE} (${op}): boxes must hold 4·N = ${4 * index.length} values, got ${p.boxes.length}`);
    }
  }
  if (o.interpolation !== undefined) {
    if (op !== 'resizemix' && op !== 'mixed') fail('BAD_PARAMS', `${WHERE} (${op}): interpolation is only for resizemix (and mixed)`);
    if (!INTERPOLATIONS.includes(o.interpolation as Interpolation)) {
      fail('BAD_PARAMS', `${WHERE} (${op}): interpolation must be one of ${INTERPOLATIONS.join(', ')}, got ${describe(o.interpolation)}`);
    }
    p.interpolation = o.interpolation as Interpolation;
  }
  return p;
}
