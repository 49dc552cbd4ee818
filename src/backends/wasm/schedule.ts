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
 */

export interface Schedule {
  /** The samples in the order they run (a permutation of 0..n−1). */
  readonly order: Int32Array;
  /** Per step: −1, or the sample r whose partner index[r] must be saved into the temp first. */
  readonly saveFor: Int32Array;
  /** Per step: 1 when the sample reads its partner from the temp. */
  readonly fromTemp: Uint8Array;
}

/** The in-place order of a job with partners `index` (values in [0, n)). */
export function inPlaceSchedule(index: Int32Array): Schedule {
  const n = index.length;
  const readers = new Int32Array(n);
  for (let i = 0; i < n; i++) if (index[i] !== i) readers[index[i]]++;
  const order = new Int32Array(n);
  const saveFor = new Int32Array(n).fill(-1);
  const fromTemp = new Uint8Array(n);
  const done = new Uint8Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if (readers[i] === 0) order[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const i = order[head];
    done[i] = 1;
    const p = index[i];
    if (p !== i && --readers[p] === 0) order[tail++] = p;
  }
  for (let c0 = 0; c0 < n; c0++) {
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
