/**
 * Chunks of a CPU job: a batch larger than the limits (samples of one texture, texture bytes) is
 * mixed in runs of consecutive output samples. A chunk uploads its own samples as one run (a view of
 * the caller's array, no gather) and, when some partners lie outside the run, those partners as a
 * second run, so every chunk reads the input as it was and the chunked result equals the one-pass
 * result. Without limits that bite, the whole batch is one chunk: one upload, one draw, one readback.
 */
import { fail } from '../../errors.js';
import type { ResolvedLimits } from './limits.js';
import { rowsFor, type Packing } from './packing.js';

export interface Chunk {
  /** Output samples [start, start + count), which are also the chunk's own input run. */
  readonly start: number;
  readonly count: number;
  /** The partners outside [start, start + count), ascending: sample outside[s] is at slot s of the second run. */
  readonly outside: Int32Array;
}

/** Where partner j of a chunk is: page 0 (the own run) or 1 (the outside run), and the slot there. */
export function partnerSlot(c: Chunk, j: number): { page: number; slot: number } {
  if (j >= c.start && j < c.start + c.count) return { page: 0, slot: j - c.start };
  let lo = 0, hi = c.outside.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c.outside[mid] < j) lo = mid + 1; else hi = mid;
  }
  return { page: 1, slot: lo };
}

function closeChunk(start: number, count: number, index: Int32Array): Chunk {
  const out = new Set<number>();
  for (let i = start; i < start + count; i++) if (index[i] < start || index[i] >= start + count) out.add(index[i]);
  return { start, count, outside: Int32Array.from(out).sort() };
}

/**
 * Greedy chunks: a run grows while its own samples and its outside partners each fit one texture
 * (≤ perPage samples) and the own, outside and output textures together fit maxBytes.
 * Throws TOO_LARGE when a single sample with its partner does not fit.
 */
export function planChunks(n: number, index: Int32Array, pack: Packing, limits: ResolvedLimits, what: string): Chunk[] {
  const bytes = (count: number): number => (count === 0 ? 0 : rowsFor(pack, count) * pack.texW * pack.texelBytes);
  const fits = (count: number, outside: number): boolean =>
    count <= pack.perPage && outside <= pack.perPage && 2 * bytes(count) + bytes(outside) <= limits.maxBytes;
  const chunks: Chunk[] = [];
  let start = 0;
  // An upper bound on the outside partners of the growing run (partners seen outside it so far).
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const count = i - start + 1;
    seen.add(index[i]);
    let outside = 0;
    for (const j of seen) if (j < start || j >= start + count) outside++;
    if (!fits(count, outside)) {
      if (count === 1) {
        fail('TOO_LARGE', `${what}: sample ${i} and its partner need ${bytes(1)} bytes for each of ${outside ? 3 : 2} ` +
          `textures of ${pack.sn} elements in ${pack.texW}-texel rows, more than the limits allow ` +
          `(maxLayers ${limits.maxLayers} samples per texture, maxBytes ${limits.maxBytes})`);
      }
      chunks.push(closeChunk(start, i - start, index));
      start = i;
      seen.clear();
      i--;
      continue;
    }
  }
  chunks.push(closeChunk(start, n - start, index));
  return chunks;
}
