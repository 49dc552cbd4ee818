/**
 * The uint8 integer weights (src/plan/quantize.ts, SPEC §5): Mixup's w = round(λ·2^14) and the
 * largest-remainder quantisation of the planner's taps (every output's weights sum to 2^14, each
 * within one of wt·2^14, ties to the lower tap).
 */
import { describe, expect, it } from 'vitest';
import { axisTaps } from '../src/plan/taps.js';
import { mixU8, mixWeight, ONE, quantizeTaps } from '../src/plan/quantize.js';
import type { Interpolation } from '../src/types.js';

const MODES: readonly Interpolation[] = ['nearest', 'nearest-exact', 'bilinear', 'bicubic', 'area'];

describe('mixWeight', () => {
  it('is floor(fround(λ)·2^14 + 0.5), clamped to [0, 2^14]', () => {
    expect(mixWeight(0)).toBe(0);
    expect(mixWeight(1)).toBe(ONE);
    expect(mixWeight(0.5)).toBe(8192);
    expect(mixWeight(1 / ONE)).toBe(1);
    expect(mixWeight(0.5 / ONE)).toBe(1); // a half rounds up
    expect(mixWeight(0.49 / ONE)).toBe(0);
    expect(mixWeight(-0.2)).toBe(0);
    expect(mixWeight(1.5)).toBe(ONE);
    // float32 first: 0.1 is 0.100000001490116… as float32, ·2^14 = 1638.4000244 → 1638
    expect(mixWeight(0.1)).toBe(1638);
  });

  it('mixU8 gives a, b exactly at w = 2^14, 0 and rounds halves up', () => {
    for (const [a, b] of [[0, 255], [255, 0], [17, 200]]) {
      expect(mixU8(a, b, ONE)).toBe(a);
      expect(mixU8(a, b, 0)).toBe(b);
    }
    expect(mixU8(0, 1, 8192)).toBe(1); // 0.5 → 1
    expect(mixU8(254, 255, 8192)).toBe(255); // 254.5 → 255
  });
});

describe('quantizeTaps', () => {
  it('sums every output to 2^14, each weight within one of wt·2^14, for every mode and many sizes', () => {
    for (const mode of MODES) {
      for (const inSize of [1, 2, 3, 5, 7, 16, 31, 224]) {
        for (const outSize of [1, 2, 3, 4, 9, 17, 112, 141, 224, 300]) {
          const t = axisTaps(inSize, outSize, mode);
          for (let o = 0; o < outSize; o++) {
            let sum = 0;
            for (let j = 0; j < t.k; j++) {
              const x = t.wt[o * t.k + j] * ONE;
              expect(Math.abs(t.q[o * t.k + j] - x), `${mode} ${inSize}→${outSize} o=${o} j=${j}`).toBeLessThan(1);
              sum += t.q[o * t.k + j];
            }
            expect(sum, `${mode} ${inSize}→${outSize} o=${o}`).toBe(ONE);
          }
        }
      }
    }
  });

  it('largest fractions get the +1s, smallest the −1s, ties to the lower tap', () => {
    const f = (...w: number[]) => Float32Array.from(w.map((v) => v / ONE));
    // x = 100.25, 16283.75 → floor sums to 16383, r = 1: the larger fraction (tap 1) gets it
    expect([...quantizeTaps(f(100.25, 16283.75), 1, 2)]).toEqual([100, 16284]);
    // three equal fractions of 1/3 (area 1/3): r = 1 goes to tap 0
    expect([...quantizeTaps(Float32Array.of(1 / 3, 1 / 3, 1 / 3), 1, 3)]).toEqual([5462, 5461, 5461]);
    // floors summing to 2^14: nothing moves
    expect([...quantizeTaps(f(8192.25, 8192.75), 1, 2)]).toEqual([8192, 8192]);
    // floors summing to 16385 (r = −1): the smallest fraction loses one; equal → the lower tap
    expect([...quantizeTaps(f(8193.25, 8192, 0.125), 1, 3)]).toEqual([8193, 8191, 0]);
    expect([...quantizeTaps(f(16385, 0), 1, 2)]).toEqual([16384, 0]);
    // r = 1, fractions .25, .5, .5: the tie between taps 1 and 2 goes to tap 1
    expect([...quantizeTaps(f(16382.25, 1.5, 0.5), 1, 3)]).toEqual([16382, 2, 0]);
    // r = 2: the two largest fractions
    expect([...quantizeTaps(f(16381.25, 1.5, 0.5), 1, 3)]).toEqual([16381, 2, 1]);
    // negative weights (bicubic): floor goes down
    expect([...quantizeTaps(f(-10.5, 16394.5), 1, 2)]).toEqual([-10, 16394]);
    // nearest: a single weight 1 is 2^14
    expect([...axisTaps(5, 3, 'nearest').q]).toEqual([ONE, ONE, ONE]);
  });
});
