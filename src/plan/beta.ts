/**
 * Gamma and Beta draws (SPEC §3: Beta(α, α) from two Gamma draws, Marsaglia–Tsang).
 *
 * Gamma(k), k ≥ 1 (Marsaglia & Tsang 2000): d = k − 1/3, c = 1/√(9d); repeat x ~ N(0,1),
 * v = (1 + c·x)³ (retry if 1 + c·x ≤ 0), u ~ U[0,1); accept d·v if u < 1 − 0.0331·x⁴ or
 * ln u < x²/2 + d·(1 − v + ln v).
 * Gamma(k), k < 1 (the boost): G(k) = G(k + 1) · U^(1/k), U in (0, 1], drawn after G(k + 1).
 * Beta(a, b) = G1 / (G1 + G2), G1 ~ Gamma(a) drawn before G2 ~ Gamma(b).
 *
 * Everything is kept as ln G: for small shapes U^(1/k) underflows to 0 (α = 0.01 does so once in
 * ~1000 draws), and G1 = G2 = 0 would give 0/0. In logs, Beta = 1 / (1 + exp(ln G2 − ln G1)),
 * which is always in [0, 1] and never NaN.
 */
import { describe, fail } from '../errors.js';
import type { Rng } from './rng.js';

function checkShape(where: string, name: string, k: number): void {
  if (!(Number.isFinite(k) && k > 0)) fail('BAD_OPTIONS', `${where}: ${name} must be a finite number > 0, got ${describe(k)}`);
}

/** ln of a Gamma(shape, 1) draw; shape finite and > 0. Draw order as in the file comment. */
export function sampleLogGamma(rng: Rng, shape: number): number {
  checkShape('sampleGamma', 'shape', shape);
  if (shape < 1) {
    const boosted = sampleLogGamma(rng, shape + 1);
    const u = 1 - rng.uniform(); // (0, 1]: ln u is finite
    // Finite even for a subnormal shape, so that ln G2 − ln G1 below is never ∞ − ∞.
    return Math.max(boosted + Math.log(u) / shape, -Number.MAX_VALUE);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = rng.normal();
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = rng.uniform();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
      return Math.log(d) + Math.log(v);
    }
  }
}

/** A Gamma(shape, 1) draw, in [0, ∞) (may underflow to 0 for tiny shapes). */
export function sampleGamma(rng: Rng, shape: number): number {
  return Math.exp(sampleLogGamma(rng, shape));
}

/** A Beta(a, b) draw in [0, 1] as G1 / (G1 + G2), computed from ln G1 and ln G2; a, b finite > 0. */
export function sampleBeta(rng: Rng, a: number, b: number): number {
  checkShape('sampleBeta', 'a', a);
  checkShape('sampleBeta', 'b', b);
  const lg1 = sampleLogGamma(rng, a);
  const lg2 = sampleLogGamma(rng, b);
  return 1 / (1 + Math.exp(lg2 - lg1));
}
