/**
 * Test-only statistics: ln Γ (Lanczos, g = 7), the regularized incomplete beta I_x(a, b) (continued
 * fraction, modified Lentz), the standard normal CDF (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7),
 * the one-sample Kolmogorov–Smirnov statistic and Pearson's chi-square statistic.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (reflection below 0.5); ~1e-15 relative. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The continued fraction of I_x(a, b) (modified Lentz), good for x < (a + 1)/(a + b + 2). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const fix = (v: number): number => (Math.abs(v) < tiny ? tiny : v);
  let c = 1;
  let d = 1 / fix(1 - ((a + b) * x) / (a + 1));
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 / fix(1 + aa * d);
    c = fix(1 + aa / c);
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 / fix(1 + aa * d);
    c = fix(1 + aa / c);
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) return h;
  }
  throw new Error(`betaFraction did not converge for a=${a}, b=${b}, x=${x}`);
}

/** The Beta(a, b) CDF: I_x(a, b) = B(x; a, b) / B(a, b), x in [0, 1]. */
export function betaCdf(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** Φ(x), the standard normal CDF, through erf (A–S 7.1.26). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** D = sup |F_n − F| of the sample against the CDF `cdf`. */
export function ksStatistic(sample: ArrayLike<number>, cdf: (x: number) => number): number {
  const xs = Float64Array.from(sample).sort();
  const n = xs.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(xs[i]);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return d;
}

/** The asymptotic KS critical value at level 0.001: c(0.001)/√n with c = 1.9495. */
export function ksCritical(n: number): number {
  return 1.9495 / Math.sqrt(n);
}

/** Pearson's X² = Σ (observed − expected)² / expected. */
export function chiSquare(observed: ArrayLike<number>, expected: ArrayLike<number>): number {
  let x2 = 0;
  for (let i = 0; i < observed.length; i++) x2 += (observed[i] - expected[i]) ** 2 / expected[i];
  return x2;
}

/** Chi-square critical values at level 0.001, by degrees of freedom. */
export const CHI2_CRIT_001: Record<number, number> = {
  1: 10.828, 2: 13.816, 3: 16.266, 5: 20.515, 6: 22.458, 8: 26.124, 9: 27.877, 10: 29.588, 19: 43.820, 23: 49.728,
};
