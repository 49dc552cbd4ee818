/**
 * Chunks of a CPU job: a batch larger than the limits (layers of one texture array, texture bytes)
 * is mixed in runs of consecutive output samples. A chunk uploads what it reads, its own samples and
 * their partners (which may lie outside the run), so every chunk reads the input as it was, and the
 * chunked result equals the one-pass result.
 */
import { fail } from '../../errors.js';
import type { ResolvedLimits } from './limits.js';
import type { Packing } from './packing.js';

export interface Chunk {
  /** Output samples [start, start + count), or with `outputs` the samples outputs[start … start + count). */
  readonly start: number;
  readonly count: number;
  /** The samples the chunk reads, ascending: its own and their partners; sample inputs[l] is at layer l. */
  readonly inputs: Int32Array;
  /** Layer of sample j in the chunk's input texture (−1: not uploaded). */
  readonly layerOf: Int32Array;
}

function closeChunk(start: number, count: number, reads: Set<number>, n: number): Chunk {
  const inputs = Int32Array.from(reads).sort();
  const layerOf = new Int32Array(n).fill(-1);
  inputs.forEach((j, l) => { layerOf[j] = l; });
  return { start, count, inputs, layerOf };
}

/**
 * Greedy chunks: a run grows while (reads ≤ maxLayers, outputs ≤ maxLayers, and
 * (reads + outputs)·layerBytes ≤ maxBytes), where reads = |{i} ∪ {index[i]}| over the run.
 * Throws TOO_LARGE when a single sample with its partner does not fit. `outputs` (ascending; all
 * samples when absent): the samples the job writes; runs are then runs of positions in `outputs`.
 */
export function planChunks(n: number, index: Int32Array, pack: Packing, limits: ResolvedLimits, what: string,
  outputs?: Int32Array): Chunk[] {
  const fits = (reads: number, outs: number): boolean =>
    reads <= limits.maxLayers && outs <= limits.maxLayers && (reads + outs) * pack.layerBytes <= limits.maxBytes;
  const chunks: Chunk[] = [];
  let start = 0;
  let reads = new Set<number>();
  const m = outputs ? outputs.length : n;
  for (let q = 0; q < m; q++) {
    const i = outputs ? outputs[q] : q;
    const added = (reads.has(i) ? 0 : 1) + (index[i] !== i && !reads.has(index[i]) ? 1 : 0);
    if (!fits(reads.size + added, q - start + 1)) {
      if (q === start) {
        fail('TOO_LARGE', `${what}: sample ${i} and its partner need ${added} input layer(s) and 1 output layer of ` +
          `${pack.layerBytes} bytes (${pack.texW}×${pack.texH} texels), more than the limits allow ` +
          `(maxLayers ${limits.maxLayers}, maxBytes ${limits.maxBytes})`);
      }
      chunks.push(closeChunk(start, q - start, reads, n));
      start = q;
      reads = new Set<number>();
      q--;
      continue;
    }
    reads.add(i).add(index[i]);
  }
  if (m > 0) chunks.push(closeChunk(start, m - start, reads, n));
  return chunks;
}
