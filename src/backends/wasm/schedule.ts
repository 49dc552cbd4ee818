/**
 * The order of an in-place job (src === dst), so that every read sees the input as it was (SPEC §1)
 * without copying the batch. Sample i writes image i and reads image index[i] (its partner); `index`
 * is any map into [0, n), not only a permutation. Sample i must run before index[i] is written:
 *
 * 1. Samples nobody else reads run first; each one that runs frees its partner (Kahn's order on
 *    i → index[i]). This handles every sample that is not on a cycle, and fixed points index[i] = i
 *    (a sample reading itself: the kernels read each element before writing it, or use the temp).
 * 2. What is left are cycles c0 → c1 → … → ck → c0 (index[cj] = cj+1). Before c0 is written, the
 *    part of c0 that ck reads is saved into one temp; c0 … ck then run in order, ck reading the temp.
 *
 * With `samples` (a job that writes only those samples) the same order over the listed samples
 * alone: an unlisted sample is never written, so reading it needs no order; the listed samples left
 * after step 1 each have exactly one listed reader and one listed partner, so they form cycles of
 * listed samples, handled as in step 2.
 */

export interface Schedule {
  /** The samples in the order they run (a permutation of 0..n−1, or of `samples`). */
  readonly order: Int32Array;
  /** Per step: −1, or the sample r whose partner index[r] must be saved into the temp first. */
  readonly saveFor: Int32Array;
  /** Per step: 1 when the sample reads its partner from the temp. */
  readonly fromTemp: Uint8Array;
}

/**
 * The in-place order of a job with partners `index` (values in [0, n)) that writes `samples`
 * (ascending, distinct; all when absent). Steps run over the listed samples only.
 */
export function inPlaceSchedule(index: Int32Array, samples?: Int32Array): Schedule {
  const n = index.length;
  const listed = new Uint8Array(n);
  const ids = samplesOf(n, samples);
  for (const i of ids) listed[i] = 1;
  const m = ids.length;
  const readers = new Int32Array(n);
  for (const i of ids) if (index[i] !== i) readers[index[i]]++;
  const order = new Int32Array(m);
  const saveFor = new Int32Array(m).fill(-1);
  const fromTemp = new Uint8Array(m);
  const done = new Uint8Array(n);
  let tail = 0;
  for (const i of ids) if (readers[i] === 0) order[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const i = order[head];
    done[i] = 1;
    const p = index[i];
    if (p !== i && --readers[p] === 0 && listed[p]) order[tail++] = p;
  }
  for (const c0 of ids) {
    if (done[c0]) continue;
    const first = tail;
    let c = c0;
    do {
      order[tail++] = c;
      done[c] = 1;
      c = index[c];
    } while (c !== c0);
    saveFor[first] = order[tail - 1];
    fromTemp[tail - 1] = 1;
  }
  return { order, saveFor, fromTemp };
}

/** The samples a job writes, ascending: `samples` when given, else 0 … n − 1. */
export function samplesOf(n: number, samples: Int32Array | undefined): Int32Array {
  return samples ?? Int32Array.from({ length: n }, (_, i) => i);
}
