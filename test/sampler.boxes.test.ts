import { describe, expect, it } from 'vitest';
import { BatchMixError } from '../src/errors.js';
import { checkMinmax, correctedLam, randBox, randBoxMinmax } from '../src/plan/boxes.js';
import { Rng } from '../src/plan/rng.js';

/** An Rng whose int() returns scripted values (and records the ranges it was asked for). */
function scripted(values: number[]): { rng: Rng; asked: [number, number][] } {
  const asked: [number, number][] = [];
  const rng = { int: (lo: number, hi: number) => (asked.push([lo, hi]), values.shift()!) } as unknown as Rng;
  return { rng, asked };
}

describe('randBox (mmcls rand_bbox)', () => {
  it('draws cy in [0, H) then cx in [0, W), and follows the formula (recomputed from the same draws)', () => {
    for (const [seed, h, w] of [[1, 224, 224], [2, 32, 48], [3, 7, 5], [4, 1, 9]]) {
      const a = new Rng(seed);
      const b = new Rng(seed);
      for (let t = 0; t < 300; t++) {
        const lam = a.uniform();
        b.uniform();
        const box = randBox(a, lam, h, w);
        const cy = b.int(0, h);
        const cx = b.int(0, w);
        const cutH = Math.trunc(h * Math.sqrt(1 - lam));
        const cutW = Math.trunc(w * Math.sqrt(1 - lam));
        const clip = (v: number, s: number): number => Math.min(Math.max(v, 0), s);
        expect(box).toEqual([
          clip(cy - Math.floor(cutH / 2), h), clip(cy + Math.floor(cutH / 2), h),
          clip(cx - Math.floor(cutW / 2), w), clip(cx + Math.floor(cutW / 2), w),
        ]);
      }
    }
  });

  it('matches hand-worked cases: odd cuts lose a pixel, borders clip, λ = 1 is empty', () => {
    // λ = 0.75, 10×10: cut = trunc(10·0.5) = 5, half 2; centre (5, 5) → rows 3..7, side 4 = 2·⌊5/2⌋.
    let s = scripted([5, 5]);
    expect(randBox(s.rng, 0.75, 10, 10)).toEqual([3, 7, 3, 7]);
    expect(s.asked).toEqual([[0, 10], [0, 10]]);
    // At the corner the box is clipped, not shifted: centre (0, 9).
    s = scripted([0, 9]);
    expect(randBox(s.rng, 0.75, 10, 10)).toEqual([0, 2, 7, 10]);
    // H ≠ W: λ = 0.36, 20×50: cuts trunc(20·0.8) = 16 and trunc(50·0.8) = 40.
    s = scripted([10, 25]);
    expect(randBox(s.rng, 0.36, 20, 50)).toEqual([2, 18, 5, 45]);
    s = scripted([3, 4]);
    expect(randBox(s.rng, 1, 10, 10)).toEqual([3, 3, 4, 4]);
    // λ = 0: cut = H; centre (0, 0) covers a quarter of the image.
    s = scripted([0, 0]);
    expect(randBox(s.rng, 0, 8, 8)).toEqual([0, 4, 0, 4]);
  });
});

describe('randBoxMinmax (mmcls rand_bbox_minmax)', () => {
  it('draws cut_h, cut_w, y0, x0 in that order from the documented ranges', () => {
    const s = scripted([5, 12, 2, 30]);
    // H = 20, W = 50, minmax [0.2, 0.8]: cut_h in [4, 16), cut_w in [10, 40).
    expect(randBoxMinmax(s.rng, [0.2, 0.8], 20, 50)).toEqual([2, 7, 30, 42]);
    expect(s.asked).toEqual([[4, 16], [10, 40], [0, 15], [0, 38]]);
  });

  it('keeps sides in [trunc(S·lo), trunc(S·hi)) and never touches the last row or column', () => {
    const r = new Rng(8);
    const [h, w] = [37, 23];
    const sidesH = new Set<number>();
    for (let t = 0; t < 4000; t++) {
      const [y0, y1, x0, x1] = randBoxMinmax(r, [0.3, 0.6], h, w);
      sidesH.add(y1 - y0);
      expect(y1 - y0).toBeGreaterThanOrEqual(11);
      expect(y1 - y0).toBeLessThan(22);
      expect(x1 - x0).toBeGreaterThanOrEqual(6);
      expect(x1 - x0).toBeLessThan(13);
      expect(y0 >= 0 && y1 <= h - 1 && x0 >= 0 && x1 <= w - 1).toBe(true);
    }
    expect(sidesH.size).toBe(11); // every side in [11, 22) occurs
  });

  it('throws EMPTY_RANGE, naming the axis, when the integer range is empty', () => {
    const s = scripted([]);
    expect(() => randBoxMinmax(s.rng, [0.1, 0.2], 4, 100)).toThrow(/H = 4.*trunc\(4·0\.1\) = 0 and trunc\(4·0\.2\) = 0/);
    expect(s.asked).toEqual([]); // nothing drawn
    try {
      checkMinmax('cutmix', [0.5, 0.55], 100, 10);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BatchMixError);
      expect((e as BatchMixError).code).toBe('EMPTY_RANGE');
      expect((e as BatchMixError).message).toMatch(/^cutmix: .*W = 10/);
    }
    expect(() => checkMinmax('cutmix', [0.5, 0.6], 100, 10)).not.toThrow();
  });
});

describe('correctedLam', () => {
  it('is 1 − box area / (H·W)', () => {
    expect(correctedLam([3, 7, 3, 7], 10, 10)).toBeCloseTo(0.84, 15);
    expect(correctedLam([0, 20, 0, 50], 20, 50)).toBe(0);
    expect(correctedLam([5, 5, 0, 50], 20, 50)).toBe(1);
    expect(correctedLam(new Int32Array([2, 18, 5, 45]), 20, 50)).toBeCloseTo(1 - (16 * 40) / 1000, 15);
  });
});
