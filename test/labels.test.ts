import { describe, expect, it } from 'vitest';
import { BatchMixError } from '../src/errors.js';
import { mixLabels } from '../src/labels.js';

const i32 = (...v: number[]) => Int32Array.from(v);
const f32 = (...v: number[]) => Float32Array.from(v);

/** Asserts the array equals `want` within 1e-6 (SPEC §6, labels). */
function close(got: Float32Array, want: number[]): void {
  expect(got).toBeInstanceOf(Float32Array);
  expect(got.length).toBe(want.length);
  got.forEach((v, j) => expect(Math.abs(v - want[j])).toBeLessThanOrEqual(1e-6));
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BatchMixError);
    return `${(e as BatchMixError).code}: ${(e as BatchMixError).message}`;
  }
  return 'no error';
}

describe('mixLabels', () => {
  it('mixes one-hot ids: out[i] = λ·y[i] + (1 − λ)·y[index[i]]', () => {
    const out = mixLabels('mixup', i32(0, 2, 1), 3, 3, 0, i32(1, 2, 0), f32(0.7, 0.25, 1));
    close(out, [0.7, 0, 0.3, 0, 0.75, 0.25, 0, 1, 0]);
  });

  it('gives the same class full weight when a sample is its own partner or shares the class', () => {
    close(mixLabels('cutmix', i32(1, 1), 2, 2, 0, i32(1, 0), f32(0.3, 0.6)), [0, 1, 0, 1]);
  });

  it('applies smoothing before mixing: y = onehot·(1 − s) + s/K (timm: 0.655, 0.295, 0.025)', () => {
    const out = mixLabels('mixup', i32(0, 1), 2, 4, 0.1, i32(1, 0), f32(0.7, 0.7));
    close(out, [0.655, 0.295, 0.025, 0.025, 0.295, 0.655, 0.025, 0.025]);
    expect(out.subarray(0, 4).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('passes soft labels through (multi-hot, K = 1) and smooths them the same way', () => {
    const soft = f32(1, 1, 0, 0, 0.5, 0.5);
    close(mixLabels('mixup', soft, 2, 3, 0, i32(1, 0), f32(0.25, 1)), [0.25, 0.625, 0.375, 0, 0.5, 0.5]);
    close(mixLabels('mixup', soft, 2, 3, 0.3, i32(0, 1), f32(1, 1)), [0.8, 0.8, 0.1, 0.1, 0.45, 0.45]);
    close(mixLabels('cutmix', f32(1, 0), 2, 1, 0, i32(1, 0), f32(0.4, 0.9)), [0.4, 0.1]);
  });

  it('returns a new array and leaves the input as it was', () => {
    const ids = i32(0, 1);
    const out = mixLabels('identity', ids, 2, 2, 0, i32(0, 1), f32(1, 1));
    close(out, [1, 0, 0, 1]);
    expect([...ids]).toEqual([0, 1]);
  });

  it('rejects ids out of range, wrong lengths, wrong types and non-finite soft labels (BAD_LABELS)', () => {
    expect(code(() => mixLabels('mixup', i32(0, 3), 2, 3, 0, i32(0, 1), f32(1, 1)))).toMatch(/^BAD_LABELS: apply \(mixup\): labels\[1\]: a class id must be in \[0, 3\), got 3/);
    expect(code(() => mixLabels('mixup', i32(-1, 0), 2, 3, 0, i32(0, 1), f32(1, 1)))).toMatch(/BAD_LABELS.*got -1/);
    expect(code(() => mixLabels('cutmix', i32(0, 1, 2), 2, 3, 0, i32(0, 1), f32(1, 1)))).toMatch(/BAD_LABELS: apply \(cutmix\): labels: class ids must be an Int32Array of length N = 2, got Int32Array\(3\)/);
    expect(code(() => mixLabels('mixup', new Int32Array(6), 2, 3, 0, i32(0, 1), f32(1, 1)))).toMatch(/for soft labels of N·K = 6 values pass a Float32Array/);
    // A Float32Array is always soft: length N with K ≠ 1 is an error that points at Int32Array for ids.
    expect(code(() => mixLabels('mixup', f32(0, 2), 2, 3, 0, i32(0, 1), f32(1, 1)))).toMatch(/BAD_LABELS: .*soft labels must be a Float32Array of length N·K = 2·3 = 6, got Float32Array\(2\); .*Int32Array\.from\(ids\)/);
    expect(code(() => mixLabels('mixup', new Float32Array(8), 2, 3, 0, i32(0, 1), f32(1, 1)))).toMatch(/that is K = 4 per sample, but numClasses is 3/);
    expect(code(() => mixLabels('mixup', f32(0, NaN, 1, 0), 2, 2, 0, i32(0, 1), f32(1, 1)))).toMatch(/BAD_LABELS: .*finite, got NaN at sample 0, class 1/);
    expect(code(() => mixLabels('mixup', [0, 1], 2, 2, 0, i32(0, 1), f32(1, 1)))).toMatch(/BAD_LABELS: .*expected class ids \(Int32Array.*got \[0,1\]/);
    expect(code(() => mixLabels('mixup', new Uint8Array(2), 2, 2, 0, i32(0, 1), f32(1, 1)))).toMatch(/BAD_LABELS: .*got Uint8Array\(2\)/);
  });

  it('rejects index or lam of the wrong length, or an index out of range (BAD_PARAMS)', () => {
    expect(code(() => mixLabels('mixup', i32(0, 1), 2, 2, 0, i32(0), f32(1, 1)))).toMatch(/^BAD_PARAMS: .*length N = 2, got 1 and 2/);
    expect(code(() => mixLabels('mixup', i32(0, 1), 2, 2, 0, i32(0, 2), f32(1, 1)))).toMatch(/^BAD_PARAMS: .*index\[1\] must be in \[0, 2\), got 2/);
  });
});
