/**
 * MixParams ⇄ JSON (SPEC §2): typed arrays become number lists and back, without loss (every
 * float32 and int32 value is a double that JSON prints and parses exactly). `paramsFromJSON` checks
 * the structure only (BAD_PARAMS); range checks against a batch (index < N, boxes inside H×W,
 * λ in [0, 1]) are the API's, when the params are applied.
 */
import { describe, fail } from './errors.js';
import type { Interpolation, MixParams, Op } from './types.js';

export interface MixParamsJSON {
  op: Op;
  index: number[];
  lam: number[];
  boxes?: number[];
  interpolation?: Interpolation;
}

const OPS: readonly Op[] = ['mixup', 'cutmix', 'resizemix', 'identity'];
const INTERPOLATIONS: readonly Interpolation[] = ['nearest', 'nearest-exact', 'bilinear', 'bicubic', 'area'];
const KEYS = ['op', 'index', 'lam', 'boxes', 'interpolation'];
const WHERE = 'paramsFromJSON';

/** Plain data for `JSON.stringify`: `{ op, index, lam, boxes?, interpolation? }` with number lists. */
export function paramsToJSON(p: MixParams): MixParamsJSON {
  const j: MixParamsJSON = { op: p.op, index: Array.from(p.index), lam: Array.from(p.lam) };
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

/**
 * MixParams from parsed JSON (or from its text). Checks: an object with only the known keys; op
 * known; index (int32 list) and lam (finite numbers) of the same length; boxes, 4 per sample, for
 * cutmix and resizemix only and required there; interpolation known and for resizemix only.
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
  if (!OPS.includes(o.op as Op)) fail('BAD_PARAMS', `${WHERE}: op must be one of ${OPS.join(', ')}, got ${describe(o.op)}`);
  const op = o.op as Op;
  const index = int32List('index', o.index);
  const lam = float32List('lam', o.lam);
  if (lam.length !== index.length) {
    fail('BAD_PARAMS', `${WHERE} (${op}): lam must have one value per sample (N = ${index.length} from index), got ${lam.length}`);
  }
  const p: MixParams = { op, index, lam };
  const pastes = op === 'cutmix' || op === 'resizemix';
  if (pastes !== (o.boxes !== undefined)) {
    fail('BAD_PARAMS', `${WHERE} (${op}): boxes ${pastes ? 'are required (4 per sample: y0, y1, x0, x1)' : 'are only for cutmix and resizemix'}`);
  }
  if (pastes) {
    p.boxes = int32List('boxes', o.boxes);
    if (p.boxes.length !== 4 * index.length) {
      fail('BAD_PARAMS', `${WHERE} (${op}): boxes must hold 4·N = ${4 * index.length} values, got ${p.boxes.length}`);
    }
  }
  if (o.interpolation !== undefined) {
    if (op !== 'resizemix') fail('BAD_PARAMS', `${WHERE} (${op}): interpolation is only for resizemix`);
    if (!INTERPOLATIONS.includes(o.interpolation as Interpolation)) {
      fail('BAD_PARAMS', `${WHERE} (${op}): interpolation must be one of ${INTERPOLATIONS.join(', ')}, got ${describe(o.interpolation)}`);
    }
    p.interpolation = o.interpolation as Interpolation;
  }
  return p;
}
