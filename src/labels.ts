/**
 * The label mixer shared by every backend (SPEC §1, §4). Labels in, for a batch of N:
 * - class ids: an `Int32Array` of length N, each id in [0, K) (MMClassification's `F.one_hot`);
 * - soft labels: a `Float32Array` of length N·K, row i = sample i, passed through as
 *   MMClassification's `one_hot_encoding` does for 2-D targets (multi-label, multi-hot, K = 1 ...).
 * An `Int32Array` is always ids and a `Float32Array` always soft: the type decides, never the length.
 *
 * Out: a new `Float32Array` N·K, with smoothing s in [0, 1) applied to each row before mixing,
 *   y = y·(1 − s) + s/K,   out[i] = lam[i]·y[i] + (1 − lam[i])·y[index[i]]   (float64, then float32).
 */
import { checkIndex } from './checks.js';
import { describe, fail } from './errors.js';

/** Checks ids or soft labels for n samples and K classes (BAD_LABELS); `op` names the call. */
function checkLabels(op: string, labels: unknown, n: number, k: number): Int32Array | Float32Array {
  const at = `apply (${op}): labels`;
  if (labels instanceof Int32Array) {
    if (labels.length !== n) {
      fail('BAD_LABELS', `${at}: class ids must be an Int32Array of length N = ${n}, got ${describe(labels)}` +
        (labels.length === n * k ? `; for soft labels of N·K = ${n * k} values pass a Float32Array` : ''));
    }
    for (let i = 0; i < n; i++) {
      if (labels[i] < 0 || labels[i] >= k) fail('BAD_LABELS', `${at}[${i}]: a class id must be in [0, ${k}), got ${labels[i]}`);
    }
    return labels;
  }
  if (labels instanceof Float32Array) {
    if (labels.length !== n * k) {
      const hint = labels.length === n
        ? `; a Float32Array is read as soft labels, so for class ids pass Int32Array.from(ids)`
        : labels.length % n === 0 ? ` (that is K = ${labels.length / n} per sample, but numClasses is ${k})` : '';
      fail('BAD_LABELS', `${at}: soft labels must be a Float32Array of length N·K = ${n}·${k} = ${n * k}, got ${describe(labels)}${hint}`);
    }
    for (let j = 0; j < labels.length; j++) {
      if (!Number.isFinite(labels[j])) {
        fail('BAD_LABELS', `${at}: soft labels must be finite, got ${describe(labels[j])} at sample ${Math.floor(j / k)}, class ${j % k}`);
      }
    }
    return labels;
  }
  return fail('BAD_LABELS', `${at}: expected class ids (Int32Array of length N = ${n}) or soft labels (Float32Array of length N·K = ${n * k}), got ${describe(labels)}`);
}

/**
 * Mixes labels (ids or soft, see above) with the partners `index` and weights `lam` of one call,
 * both of length n. Returns Float32Array(n·K). Throws BAD_LABELS for bad labels, BAD_PARAMS when
 * index or lam do not have length n or an index is out of range.
 */
export function mixLabels(
  op: string, labels: unknown, n: number, numClasses: number,
  labelSmoothing: number, index: Int32Array, lam: Float32Array,
): Float32Array {
  const k = numClasses;
  const y = checkLabels(op, labels, n, k);
  if (index.length !== n || lam.length !== n) {
    fail('BAD_PARAMS', `apply (${op}): params.index and params.lam must have length N = ${n}, got ${index.length} and ${lam.length}`);
  }
  checkIndex(`apply (${op})`, 'params.index', index, n);
  const keep = 1 - labelSmoothing;
  const off = labelSmoothing / k;
  const out = new Float32Array(n * k);
  const soft = y instanceof Float32Array;
  for (let i = 0; i < n; i++) {
    const a = lam[i];
    const b = 1 - a;
    const p = index[i];
    for (let c = 0; c < k; c++) {
      const yi = soft ? y[i * k + c] : y[i] === c ? 1 : 0;
      const yp = soft ? y[p * k + c] : y[p] === c ? 1 : 0;
      out[i * k + c] = a * (yi * keep + off) + b * (yp * keep + off);
    }
  }
  return out;
}
