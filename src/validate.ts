/**
 * Validation at the boundary (SPEC §7): batches, output batches and params. Everything below the
 * API trusts what passes here. Messages name the op, the argument, what was expected and what arrived.
 */
import type { Geometry } from './backends/backend.js';
import { checkBoxes, checkIndex, checkLam, checkShape, isPixelData } from './checks.js';
import { describe, fail } from './errors.js';
import { dtypeOf, geometry } from './geometry.js';
import type { ImageBatch, Interpolation, MixParams, Op, PixelData } from './types.js';

const OPS: readonly Op[] = ['mixup', 'cutmix', 'resizemix', 'identity'];
export const INTERPOLATIONS: readonly Interpolation[] = ['nearest', 'nearest-exact', 'bilinear', 'bicubic', 'area'];

/** Validates a batch and returns its geometry. */
export function checkBatch(where: string, batch: unknown): Geometry {
  if (batch === null || typeof batch !== 'object') {
    fail('BAD_SHAPE', `${where}: batch must be an object { data, shape, layout }, got ${describe(batch)}`);
  }
  const { data, shape, layout } = batch as ImageBatch;
  const { n, c, h, w } = checkShape(where, shape, layout);
  if (!isPixelData(data)) {
    fail('BAD_DTYPE', `${where}: batch.data must be a Float32Array, Uint8Array or Uint8ClampedArray, got ${describe(data)}`);
  }
  const expected = n * c * h * w;
  if (data.length !== expected) {
    fail('BAD_SHAPE', `${where}: batch.data has ${data.length} elements, but shape ${describe(Array.from(shape))} (${layout}) needs ${expected}`);
  }
  return geometry(Array.from(shape), layout, dtypeOf(data));
}

/** Validates an `out` batch: same shape, layout and dtype as the input, and not aliasing it partly. */
export function checkOut(where: string, out: unknown, g: Geometry, src: PixelData): PixelData {
  const og = checkBatch(`${where} (options.out)`, out);
  const data = (out as ImageBatch).data;
  if (og.n !== g.n || og.c !== g.c || og.h !== g.h || og.w !== g.w || og.layout !== g.layout) {
    fail('BAD_SHAPE', `${where}: options.out must have the input's shape and layout, got ${describe(Array.from((out as ImageBatch).shape))} ${og.layout}`);
  }
  if (og.dtype !== g.dtype || data.constructor !== src.constructor) {
    fail('BAD_DTYPE', `${where}: options.out must be a ${src.constructor.name} like the input, got ${describe(data)}`);
  }
  if (data !== src && data.buffer === src.buffer) {
    const a0 = data.byteOffset, a1 = a0 + data.byteLength, b0 = src.byteOffset, b1 = b0 + src.byteLength;
    if (a0 < b1 && b0 < a1) fail('BAD_PARAMS', `${where}: options.out overlaps the input without being it; use inPlace: true instead`);
  }
  return data;
}

function toInt32(where: string, name: string, v: unknown, len: number): Int32Array {
  if (!(v instanceof Int32Array) && !Array.isArray(v)) {
    fail('BAD_PARAMS', `${where}: params.${name} must be an Int32Array (or number list) of length ${len}, got ${describe(v)}`);
  }
  if (v.length !== len) fail('BAD_PARAMS', `${where}: params.${name} must have length ${len}, got ${v.length}`);
  if (v instanceof Int32Array) return v;
  if (v.some((x) => !Number.isInteger(x) || x < -(2 ** 31) || x >= 2 ** 31)) {
    fail('BAD_PARAMS', `${where}: params.${name} must hold integers, got ${describe(v)}`);
  }
  return Int32Array.from(v as number[]);
}

/** params.lam: a Float32Array (or number list) of length n, each in [0, 1]. */
function toLam(at: string, lamIn: unknown, n: number): Float32Array {
  if (!(lamIn instanceof Float32Array) && !Array.isArray(lamIn)) {
    fail('BAD_PARAMS', `${at}: params.lam must be a Float32Array (or number list) of length ${n}, got ${describe(lamIn)}`);
  }
  if (lamIn.length !== n) fail('BAD_PARAMS', `${at}: params.lam must have length ${n}, got ${lamIn.length}`);
  const lam = lamIn instanceof Float32Array ? lamIn : Float32Array.from(lamIn as number[]);
  checkLam(at, 'params.lam', lam, n);
  return lam;
}

/**
 * Validates params against a batch of sizes n×h×w and returns them normalised (typed arrays,
 * resizemix interpolation defaulted to 'bilinear'). Never modifies the caller's params.
 */
export function checkParams(where: string, params: unknown, n: number, h: number, w: number): MixParams {
  if (params === null || typeof params !== 'object') {
    fail('BAD_PARAMS', `${where}: params must be a MixParams object, got ${describe(params)}`);
  }
  const p = params as Record<string, unknown>;
  if (p.op === 'mixed') return checkMixedParams(where, p, n, h, w);
  const op = p.op as Op;
  if (!OPS.includes(op)) fail('BAD_PARAMS', `${where}: params.op must be one of ${OPS.join(', ')}, mixed, got ${describe(p.op)}`);
  if (p.ops !== undefined) fail('BAD_PARAMS', `${where} (${op}): params.ops is only for op 'mixed' (one op per sample)`);
  const at = `${where} (${op})`;
  const index = toInt32(at, 'index', p.index, n);
  checkIndex(at, 'params.index', index, n);
  const lam = toLam(at, p.lam, n);
  const out: MixParams = { op, index, lam };
  if (op === 'cutmix' || op === 'resizemix') {
    if (p.boxes === undefined) fail('BAD_PARAMS', `${at}: params.boxes is required (4 per sample: [y0, y1, x0, x1])`);
    const boxes = toInt32(at, 'boxes', p.boxes, 4 * n);
    checkBoxes(at, 'params.boxes', boxes, n, h, w);
    out.boxes = boxes;
  } else if (p.boxes !== undefined) {
    fail('BAD_PARAMS', `${at}: params.boxes is only for cutmix and resizemix`);
  }
  if (op === 'resizemix') {
    const interp = p.interpolation ?? 'bilinear';
    if (!INTERPOLATIONS.includes(interp as Interpolation)) {
      fail('BAD_PARAMS', `${at}: params.interpolation must be one of ${INTERPOLATIONS.join(', ')}, got ${describe(interp)}`);
    }
    out.interpolation = interp as Interpolation;
  } else if (p.interpolation !== undefined) {
    fail('BAD_PARAMS', `${at}: params.interpolation is only for resizemix`);
  }
  return out;
}


/**
 * Mixed params (op 'mixed', perSample, SPEC §2): `ops` N ops (not 'mixed'); index, λ and boxes (4N,
 * required) as for the other ops; and each sample consistent with its op: a mixup or identity
 * sample pastes nothing, so its box must be empty (y0 = y1 or x0 = x1); an identity sample keeps
 * its label, so its λ must be 1. `interpolation` only when some sample is resizemix (default
 * 'bilinear'). Returns normalised params with a copy of `ops`.
 */
function checkMixedParams(where: string, p: Record<string, unknown>, n: number, h: number, w: number): MixParams {
  const at = `${where} (mixed)`;
  const opsIn = p.ops;
  if (!Array.isArray(opsIn)) {
    fail('BAD_PARAMS', `${at}: params.ops must be a list of N = ${n} ops (${OPS.join(', ')}), one per sample, got ${describe(opsIn)}`);
  }
  if (opsIn.length !== n) fail('BAD_PARAMS', `${at}: params.ops must have length N = ${n}, got ${opsIn.length}`);
  const bad = opsIn.findIndex((o) => !OPS.includes(o as Op));
  if (bad >= 0) fail('BAD_PARAMS', `${at}: params.ops[${bad}] must be one of ${OPS.join(', ')}, got ${describe(opsIn[bad])}`);
  const ops = (opsIn as Op[]).slice();
  const index = toInt32(at, 'index', p.index, n);
  checkIndex(at, 'params.index', index, n);
  const lam = toLam(at, p.lam, n);
  if (p.boxes === undefined) fail('BAD_PARAMS', `${at}: params.boxes is required (4 per sample: [y0, y1, x0, x1]; an empty box where the op pastes nothing)`);
  const boxes = toInt32(at, 'boxes', p.boxes, 4 * n);
  checkBoxes(at, 'params.boxes', boxes, n, h, w);
  for (let i = 0; i < n; i++) {
    const op = ops[i];
    const [y0, y1, x0, x1] = boxes.subarray(4 * i, 4 * i + 4);
    if ((op === 'mixup' || op === 'identity') && y0 !== y1 && x0 !== x1) {
      fail('BAD_PARAMS', `${at}: params.boxes: box ${i} must be empty (y0 = y1 or x0 = x1) because ops[${i}] is '${op}', which pastes nothing; got [${y0}, ${y1}, ${x0}, ${x1}]`);
    }
    if (op === 'identity' && lam[i] !== 1) {
      fail('BAD_PARAMS', `${at}: params.lam[${i}] must be 1 because ops[${i}] is 'identity' (the sample keeps its label), got ${describe(lam[i])}`);
    }
  }
  const out: MixParams = { op: 'mixed', ops, index, lam, boxes };
  const resizes = ops.includes('resizemix');
  if (resizes) {
    const interp = p.interpolation ?? 'bilinear';
    if (!INTERPOLATIONS.includes(interp as Interpolation)) {
      fail('BAD_PARAMS', `${at}: params.interpolation must be one of ${INTERPOLATIONS.join(', ')}, got ${describe(interp)}`);
    }
    out.interpolation = interp as Interpolation;
  } else if (p.interpolation !== undefined) {
    fail('BAD_PARAMS', `${at}: params.interpolation is only for resizemix samples, and no sample of these params is resizemix`);
  }
  return out;
}
