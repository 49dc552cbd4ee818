/**
 * placement: 'inside' (SPEC §3): the box keeps its drawn side trunc(S·√(1−λ)), lies wholly in the
 * image, and its top-left corner is uniform over the valid positions; so the mean pasted area is
 * what λ asks, up to the truncation of each side, where 'clip' (mmcls) falls short near the borders.
 * The figures are printed (they go into the report).
 */
import { describe, expect, it } from 'vitest';
import { normalizeOptions } from '../src/options.js';
import { randBox, randBoxInside } from '../src/plan/boxes.js';
import { Rng } from '../src/plan/rng.js';
import { sampleParams } from '../src/plan/sample.js';
import type { Placement } from '../src/types.js';
import { CHI2_CRIT_001, chiSquare } from './sampler.stats.js';

const area = (b: ArrayLike<number>): number => (b[1] - b[0]) * (b[3] - b[2]);

describe("randBoxInside (placement 'inside')", () => {
  it('keeps the drawn sides and lies wholly inside, for every λ and size', () => {
    const r = new Rng(1);
    for (const [h, w] of [[1, 1], [7, 5], [32, 32], [23, 61]]) {
      for (const lam of [0, 0.01, 0.3, 0.5, 0.77, 0.99, 1]) {
        for (let t = 0; t < 50; t++) {
          const [y0, y1, x0, x1] = randBoxInside(r, lam, h, w);
          expect(y1 - y0).toBe(Math.trunc(h * Math.sqrt(1 - lam)));
          expect(x1 - x0).toBe(Math.trunc(w * Math.sqrt(1 - lam)));
          expect(y0 >= 0 && y1 <= h && x0 >= 0 && x1 <= w).toBe(true);
        }
      }
    }
  });

  it('puts the corner uniformly over the valid positions (chi-square), y0 drawn before x0', () => {
    const r = new Rng(2);
    const h = 10, w = 7, lam = 0.64; // sides trunc(10·0.6) = 6 and trunc(7·0.6) = 4: 5 × 4 positions
    const counts = new Array<number>(20).fill(0);
    const draws = 20000;
    for (let t = 0; t < draws; t++) {
      const [y0, , x0] = randBoxInside(r, lam, h, w);
      counts[y0 * 4 + x0]++;
    }
    expect(chiSquare(counts, counts.map(() => draws / 20))).toBeLessThan(CHI2_CRIT_001[19]);
    const a = new Rng(3), b = new Rng(3);
    const box = randBoxInside(a, lam, h, w);
    expect(box[0]).toBe(b.int(0, 5));
    expect(box[2]).toBe(b.int(0, 4));
  });
});

describe("mean pasted area: 'inside' gives what λ asks, 'clip' falls short", () => {
  it('at fixed λ on 32×32 (per box)', () => {
    const h = 32, w = 32, draws = 20000;
    for (const lam of [0.3, 0.5, 0.8]) {
      const asked = (1 - lam) * h * w;
      const side = Math.trunc(h * Math.sqrt(1 - lam));
      const mean = (p: Placement): number => {
        const r = new Rng(7);
        let sum = 0;
        for (let t = 0; t < draws; t++) sum += area(p === 'inside' ? randBoxInside(r, lam, h, w) : randBox(r, lam, h, w));
        return sum / draws;
      };
      const inside = mean('inside'), clip = mean('clip');
      console.log(`placement λ=${lam} 32×32: asked ${asked.toFixed(1)} px, inside ${inside.toFixed(1)} px (${(100 * inside / asked).toFixed(1)} %), ` +
        `clip ${clip.toFixed(1)} px (${(100 * clip / asked).toFixed(1)} %)`);
      // 'inside': exactly the truncated sides' area, every time; the truncation loses < 1 px per side.
      expect(inside).toBe(side * side);
      expect(inside).toBeLessThanOrEqual(asked);
      expect(inside).toBeGreaterThan((h * Math.sqrt(1 - lam) - 1) * (w * Math.sqrt(1 - lam) - 1));
      // 'clip' (mmcls): boxes centred near a border are cut, so the mean is well below.
      expect(clip).toBeLessThan(0.8 * asked);
    }
  });

  it('through the sampler (cutmix α = 1, correctLam false, elem): mean box area / HW against mean 1 − λ', () => {
    const h = 32, w = 48;
    for (const placement of ['inside', 'clip'] as const) {
      const o = normalizeOptions({ numClasses: 2, mode: 'elem', augments: { op: 'cutmix', alpha: 1, correctLam: false, placement } });
      const r = new Rng(9);
      let asked = 0, got = 0, count = 0;
      for (let t = 0; t < 500; t++) {
        const p = sampleParams(r, o, 32, h, w);
        for (let i = 0; i < 32; i++) {
          asked += 1 - p.lam[i];
          got += area(p.boxes!.subarray(4 * i, 4 * i + 4)) / (h * w);
          count++;
        }
      }
      const a = asked / count, g = got / count;
      console.log(`placement ${placement} (sampler, 32×48, cutmix α=1, ${count} boxes): mean 1−λ ${a.toFixed(4)}, mean area/HW ${g.toFixed(4)} (${(100 * g / a).toFixed(1)} %)`);
      if (placement === 'inside') {
        // Only the truncation of each side: < (1/H + 1/W)·√(1−λ) ≤ 1/32 + 1/48 of the image.
        expect(g).toBeLessThanOrEqual(a);
        expect(a - g).toBeLessThan(1 / h + 1 / w);
      } else expect(g).toBeLessThan(0.8 * a);
    }
  });

  it('minmax boxes are the same whatever the placement', () => {
    const mk = (placement: Placement) => normalizeOptions({ numClasses: 2, mode: 'elem', augments: { op: 'cutmix', alpha: 1, minmax: [0.2, 0.7], placement } });
    expect(sampleParams(new Rng(4), mk('inside'), 6, 20, 20)).toEqual(sampleParams(new Rng(4), mk('clip'), 6, 20, 20));
  });
});
