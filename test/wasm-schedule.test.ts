/**
 * inPlaceSchedule: for any partner map (permutations, maps with fixed points, trees feeding cycles),
 * running the steps in order never reads an image after it was overwritten, except through the temp,
 * which always holds the right image when it is read. Checked by replaying the schedule on versions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inPlaceSchedule, type Schedule } from '../src/backends/wasm/schedule.js';

/** Replays a schedule; returns a description of the first stale read, or null. */
function staleRead(index: Int32Array, schedule: Schedule = inPlaceSchedule(index)): string | null {
  const n = index.length;
  const { order, saveFor, fromTemp } = schedule;
  expect(Array.from(order).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
  const written = new Uint8Array(n);
  let temp = -1; // the image the temp holds, as it was before the call (−1: nothing)
  for (let s = 0; s < n; s++) {
    const i = order[s];
    if (saveFor[s] >= 0) {
      const saved = index[saveFor[s]];
      if (written[saved]) return `step ${s} saves image ${saved} after it was written`;
      temp = saved;
    }
    if (written[i]) return `sample ${i} runs twice`;
    const p = index[i];
    if (fromTemp[s]) {
      if (temp !== p) return `sample ${i} reads the temp, which holds ${temp}, not its partner ${p}`;
    } else if (p !== i && written[p]) return `sample ${i} reads partner ${p} after it was written`;
    written[i] = 1;
  }
  return null;
}

describe('inPlaceSchedule', () => {
  it('is safe for permutations', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }).chain((n) => fc.shuffledSubarray(
      Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n })), (perm) => {
      expect(staleRead(Int32Array.from(perm))).toBeNull();
    }), { numRuns: 300 });
  });

  it('is safe for any map into [0, n) (trees feeding cycles, shared partners, fixed points)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }).chain((n) => fc.array(fc.integer({ min: 0, max: n - 1 }), { minLength: n, maxLength: n })), (map) => {
      expect(staleRead(Int32Array.from(map))).toBeNull();
    }), { numRuns: 500 });
  });

  it('saves once per cycle of length ≥ 2, and never for samples off cycles', () => {
    // 0→1→2→0 (cycle), 3↺ (fixed point), 4→3, 5→6→5 (cycle), 7→0 (tree into a cycle)
    const s = inPlaceSchedule(new Int32Array([1, 2, 0, 3, 3, 6, 5, 0]));
    expect(Array.from(s.saveFor).filter((r) => r >= 0).length).toBe(2);
    expect(Array.from(s.fromTemp).reduce((a, b) => a + b, 0)).toBe(2);
    const pos = (i: number) => Array.from(s.order).indexOf(i);
    expect(pos(7)).toBeLessThan(pos(0)); // 7 reads 0 before 0 is written
    expect(pos(4)).toBeLessThan(pos(3)); // 4 reads 3 before 3 is written
    expect(staleRead(new Int32Array([1, 2, 0, 3, 3, 6, 5, 0]))).toBeNull();
  });

  it('the replay catches bad orders (the check can fail)', () => {
    const index = new Int32Array([1, 2, 0]);
    const plain = { order: new Int32Array([0, 1, 2]), saveFor: new Int32Array([-1, -1, -1]), fromTemp: new Uint8Array(3) };
    expect(staleRead(index, plain)).toMatch(/sample 2 reads partner 0 after it was written/);
    const lateSave = { ...plain, saveFor: new Int32Array([-1, 2, -1]), fromTemp: new Uint8Array([0, 0, 1]) };
    expect(staleRead(index, lateSave)).toMatch(/saves image 0 after it was written/);
    const wrongTemp = { ...plain, saveFor: new Int32Array([1, -1, -1]), fromTemp: new Uint8Array([0, 0, 1]) };
    expect(staleRead(index, wrongTemp)).toMatch(/holds 2, not its partner 0/);
  });
});
