/**
 * A failed allocation as a BatchMixError OUT_OF_MEMORY (SPEC §7) instead of the engine's own error.
 * JavaScript engines report an ArrayBuffer they cannot allocate as a RangeError: V8 "Array buffer
 * allocation failed", SpiderMonkey "out of memory", JavaScriptCore "Out of memory". A length that is
 * too large to be valid at all ("Invalid typed array length") is not an allocation failure and is
 * left alone. Used at the API boundary (apply, allocBatch) and in the webgl2 backend's call guard,
 * so the js and webgl2 kernels need no changes; the wasm backend reports a memory that cannot grow itself.
 */
import { BatchMixError } from './errors.js';

/** Whether `e` is the engine's report of a failed allocation. */
export function isAllocationFailure(e: unknown): boolean {
  return e instanceof RangeError && /allocation failed|out of memory/i.test(e.message);
}

/** OUT_OF_MEMORY for `what`, with the engine's error as the cause. */
export function outOfMemory(what: string, cause: unknown): BatchMixError {
  return new BatchMixError('OUT_OF_MEMORY', `${what}: out of memory: ${(cause as Error).message}; nothing was ` +
    'written (the input is intact): use smaller batches, or free memory first', { cause });
}

/** Runs `body`; an allocation failure inside it is rethrown as OUT_OF_MEMORY, anything else as is. */
export function withMemory<T>(what: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw isAllocationFailure(e) ? outOfMemory(what, e) : e;
  }
}

/** withMemory for async bodies. */
export async function withMemoryAsync<T>(what: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    throw isAllocationFailure(e) ? outOfMemory(what, e) : e;
  }
}
