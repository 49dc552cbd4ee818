import { describe, expect, it } from 'vitest';
import { BatchMixError } from '../src/errors.js';
import { sampleBeta, sampleGamma } from '../src/plan/beta.js';
import { Rng } from '../src/plan/rng.js';
import { betaCdf, ksCritical, ksStatistic } from './sampler.stats.js';

const DRAWS = 20000;
const draw = (seed: number, a: number, b: number, n = DRAWS): Float64Array => {
  const r = new Rng(seed);
  return Float64Array.from({ length: n }, () => sampleBeta(r, a, b));
};

describe('the Beta CDF used by the tests', () => {
  it('matches closed forms and scipy.stats.beta.cdf', () => {
    for (const x of [0.01, 0.2, 0.5, 0.77, 0.999]) {
      expect(betaCdf(x, 1, 1)).toBeCloseTo(x, 12);
      expect(betaCdf(x, 2, 2)).toBeCloseTo(3 * x * x - 2 * x ** 3, 12);
      expect(betaCdf(x, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(x)), 12);
    }
    // scipy 1.17 values (python3 -c "from scipy.stats import beta; print(beta.cdf(x, a, b))").
    const table: [number, number, number, number][] = [
      [0.2, 0.2, 0.1, 0.33668977843005704], [0.2, 0.2, 0.93, 0.6878405398507782],
      [5, 5, 0.3, 0.09880865999999996], [2, 5, 0.4, 0.7667200000000001], [0.5, 0.5, 0.01, 0.06376856085851985],
    ];
    for (const [a, b, x, want] of table) expect(betaCdf(x, a, b)).toBeCloseTo(want, 10);
  });
});

describe('sampleBeta (two Marsaglia–Tsang Gammas)', () => {
  for (const alpha of [0.2, 0.5, 1, 2, 5]) {
    it(`Beta(${alpha}, ${alpha}) passes KS at level 0.001 (${DRAWS} draws, fixed seed)`, () => {
      const xs = draw(1000 + alpha * 10, alpha, alpha);
      expect(xs.every((x) => x >= 0 && x <= 1)).toBe(true);
      expect(ksStatistic(xs, (x) => betaCdf(x, alpha, alpha))).toBeLessThan(ksCritical(DRAWS));
    });
  }

  it('keeps a and b apart: Beta(2, 5) passes KS, and fails against Beta(5, 2)', () => {
    const xs = draw(77, 2, 5);
    expect(ksStatistic(xs, (x) => betaCdf(x, 2, 5))).toBeLessThan(ksCritical(DRAWS));
    expect(ksStatistic(xs, (x) => betaCdf(x, 5, 2))).toBeGreaterThan(ksCritical(DRAWS));
  });

  it('the KS threshold has power: Beta(0.5, 0.5) draws fail against Beta(0.6, 0.6)', () => {
    const xs = draw(5, 0.5, 0.5);
    expect(ksStatistic(xs, (x) => betaCdf(x, 0.6, 0.6))).toBeGreaterThan(ksCritical(DRAWS));
  });

  it('never gives NaN for tiny α (the U^(1/α) boost underflows; logs keep it finite)', () => {
    const xs = draw(9, 0.01, 0.01, 5000);
    expect(xs.every((x) => x >= 0 && x <= 1)).toBe(true);
    // Beta(0.01, 0.01) is almost a fair coin on {0, 1}.
    const ones = xs.filter((x) => x > 0.5).length;
    expect(Math.abs(ones / xs.length - 0.5)).toBeLessThan(0.03);
  });

  it('rejects shapes that are not finite and > 0', () => {
    const r = new Rng(0);
    for (const bad of [0, -1, NaN, Infinity]) {
      expect(() => sampleBeta(r, bad, 1)).toThrow(BatchMixError);
      expect(() => sampleGamma(r, bad)).toThrow(/finite number > 0/);
    }
  });
});

describe('sampleGamma', () => {
  for (const k of [0.2, 1, 3.5]) {
    it(`Gamma(${k}) has mean k and variance k (within 5 standard errors)`, () => {
      const r = new Rng(21);
      const n = 40000;
      const xs = Float64Array.from({ length: n }, () => sampleGamma(r, k));
      const mean = xs.reduce((s, x) => s + x, 0) / n;
      const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
      expect(Math.abs(mean - k)).toBeLessThan(5 * Math.sqrt(k / n));
      // Var of the sample variance of Gamma(k): (μ4 − σ⁴)/n with μ4 = 3k² + 6k.
      expect(Math.abs(variance - k)).toBeLessThan(5 * Math.sqrt((2 * k * k + 6 * k) / n));
    });
  }
});
