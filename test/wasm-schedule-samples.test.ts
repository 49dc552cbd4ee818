/**
 * inPlaceSchedule with `samples` (Job.samples, op 'mixed'): the steps run exactly the listed
 * samples, once each, and replaying them never reads an image after it was overwritten, except
 * through the temp, which then holds the right image. Unlisted samples are never written, so they
 * may be read at any time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inPlaceSchedule } from '../src/backends/wasm/schedule.js';

function staleRead(index: Int32Array, samples: Int32Array): string | null {
  const { order, saveFor, fromTemp } = inPlaceSchedule(index, samples);
  expect(Array.from(order).sort((a, b) => a - b)).toEqual(Array.from(samples));
  const written = new Uint8Array(index.length);
  let temp = -1;
  for (let s = 0; s < order.length; s++) {
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

const mapAndSubset = fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(
  fc.array(fc.integer({ min: 0, max: n - 1 }), { minLength: n, maxLength: n }),
  fc.array(fc.boolean(), { minLength: n, maxLength: n }),
));

describe('inPlaceSchedule with samples', () => {
  it('is safe for any map and any subset of listed samples', () => {
    fc.assert(fc.property(mapAndSubset, ([map, keep]) => {
      const samples = Int32Array.from(map.keys()).filter((i) => keep[i]);
      expect(staleRead(Int32Array.from(map), samples)).toBeNull();
    }), { numRuns: 800 });
  });

  it('is safe for permutations and subsets (cycles cut by unlisted samples need no temp)', () => {
    // 0→1→2→0 with 1 unlisted: 0 reads 1 (never written), 2 reads 0 → 2 runs before 0, no temp.
    const s = inPlaceSchedule(Int32Array.of(1, 2, 0), Int32Array.of(0, 2));
    expect(Array.from(s.order)).toEqual([2, 0]);
    expect(Array.from(s.saveFor)).toEqual([-1, -1]);
    // A whole listed cycle still uses the temp once.
    const t = inPlaceSchedule(Int32Array.of(1, 2, 0, 3), Int32Array.of(0, 1, 2));
    expect(Array.from(t.fromTemp).reduce((a, b) => a + b, 0)).toBe(1);
    expect(staleRead(Int32Array.of(1, 2, 0, 3), Int32Array.of(0, 1, 2))).toBeNull();
  });

  it('no samples: no steps', () => {
    expect(inPlaceSchedule(Int32Array.of(1, 0), new Int32Array(0)).order).toHaveLength(0);
  });
});
