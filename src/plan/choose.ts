/**
 * The choice of op for one batch (SPEC §3, MMClassification 0.x `Augments`): exactly one op per
 * batch, augment k with probability prob_k, the identity with the leftover 1 − Σ prob.
 *
 * One uniform draw u in [0, 1), always (also when a single augment has prob 1), then the first k
 * with u < prob_0 + … + prob_k, as `np.random.choice(p=…)` does (searchsorted 'right' on the CDF);
 * no such k → identity. Probabilities of 0 are never chosen.
 */
import type { NormalizedAugment } from '../options.js';
import type { Rng } from './rng.js';

/** The augment chosen for this batch, or null for the identity. One `rng.uniform()` per call. */
export function chooseAugment(rng: Rng, augments: readonly NormalizedAugment[]): NormalizedAugment | null {
  const u = rng.uniform();
  let cdf = 0;
  for (const a of augments) {
    cdf += a.prob;
    if (u < cdf) return a;
  }
  return null;
}
