/**
 * The one error type of batchmix (SPEC §7). `code` is stable and meant for programs; `message`
 * names the op, the argument, what was expected, what arrived and, where there is one, the fix.
 */
export type ErrorCode =
  | 'BAD_OPTIONS' // createBatchMix options: numClasses, augments, alpha, prob, minmax, mode, ...
  | 'BAD_SHAPE' // shape not 4 positive integers, N/C/H/W = 0, data length does not match the shape
  | 'BAD_LAYOUT' // layout is not 'NCHW' or 'NHWC'
  | 'BAD_DTYPE' // data is not a Float32Array, Uint8Array or Uint8ClampedArray (or out's dtype differs)
  | 'BAD_IMAGE' // a browser image that cannot be read: tainted (cross-origin), detached, broken or not loaded
  | 'BAD_LABELS' // ids out of range or non-integer, soft labels with the wrong K, wrong length
  | 'BAD_PARAMS' // params' index, lam or boxes of the wrong length, type or range; unknown op
  | 'BAD_TARGETS' // dense targets (masks, detections, minVisibility): wrong type or shape, class out of range, a box with x1 ≤ x0, bad offsets
  | 'EMPTY_RANGE' // minmax whose integer range is empty for this image size
  | 'BACKEND_UNAVAILABLE' // a named backend cannot run here, or no backend can ('auto')
  | 'CONTEXT_LOST' // the WebGL2 context was lost before or during a call
  | 'TOO_LARGE' // a batch larger than a backend can hold (GL texture limits that chunking cannot meet)
  | 'OUT_OF_MEMORY' // the wasm memory cannot grow, or a GL allocation failed
  | 'DISPOSED' // the instance or backend was disposed
  | 'INTERNAL'; // a bug in batchmix: please report it

export class BatchMixError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BatchMixError';
    this.code = code;
  }
}

/** Shorthand used at the boundaries: `fail('BAD_SHAPE', 'apply: batch.shape ...')`. */
export function fail(code: ErrorCode, message: string, cause?: unknown): never {
  throw new BatchMixError(code, message, cause === undefined ? undefined : { cause });
}

/** Describe an arriving value in an error message, briefly. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (ArrayBuffer.isView(value)) {
    const len = (value as unknown as { length?: number }).length;
    return `${value.constructor.name}(${len ?? value.byteLength})`;
  }
  if (Array.isArray(value)) return value.length <= 8 ? JSON.stringify(value) : `an array of ${value.length}`;
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return value.constructor?.name ?? 'an object';
  return String(value);
}
