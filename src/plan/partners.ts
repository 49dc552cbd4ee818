/**
 * Partner index vectors (SPEC §3): `index[i]` is the sample that i is mixed with, in [0, n).
 *
 * - 'permutation': uniform over all n! permutations (Fisher–Yates, as `torch.randperm`); fixed
 *   points allowed, so a sample may be mixed with itself. Draws: for i = n−1 … 1, j = int(0, i+1).
 * - 'mirror': index[i] = n − 1 − i (timm's flip). No draws.
 * - 'roll': index[i] = (i − 1) mod n (torchvision's `roll(1, 0)`: sample 0 takes n − 1). No draws.
 * - 'derangement': uniform over the permutations without a fixed point (n ≥ 2): Fisher–Yates,
 *   restarted as soon as a position that is final holds its own index. A restart rejects exactly the
 *   permutations with a fixed point, so the accepted ones stay uniform; ≈ e tries on average.
 */
import { describe, fail } from '../errors.js';
import type { Partner } from '../types.js';
import type { Rng } from './rng.js';

const PARTNERS: readonly Partner[] = ['permutation', 'mirror', 'roll', 'derangement'];

function identity(n: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

/** Fisher–Yates in place over `a`; with `noFixed`, returns false as soon as a final slot is a fixed point. */
function shuffle(rng: Rng, a: Int32Array, noFixed: boolean): boolean {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(0, i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
    if (noFixed && a[i] === i) return false;
  }
  return !(noFixed && a[0] === 0);
}

/** Throws unless partners of this kind exist for n samples (n ≥ 1; n ≥ 2 for 'derangement'). Draws nothing. */
export function checkPartners(kind: Partner, n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) fail('BAD_SHAPE', `samplePartners: N must be a positive integer, got ${describe(n)}`);
  if (!PARTNERS.includes(kind)) fail('BAD_OPTIONS', `partner must be one of ${PARTNERS.join(', ')}, got ${describe(kind)}`);
  if (kind === 'derangement' && n < 2) {
    fail('BAD_OPTIONS', `partner 'derangement' needs a batch of N ≥ 2 (no sample may be its own partner), got N = ${n}; use partner 'permutation' or a larger batch`);
  }
}

/** Returns Int32Array(n) of partners of the given kind; n a positive integer (≥ 2 for 'derangement'). */
export function samplePartners(rng: Rng, kind: Partner, n: number): Int32Array {
  checkPartners(kind, n);
  switch (kind) {
    case 'permutation': {
      const a = identity(n);
      shuffle(rng, a, false);
      return a;
    }
    case 'mirror':
      return identity(n).map((i) => n - 1 - i);
    case 'roll':
      return identity(n).map((i) => (i + n - 1) % n);
    case 'derangement':
      for (;;) {
        const a = identity(n);
        if (shuffle(rng, a, true)) return a;
      }
  }
}
