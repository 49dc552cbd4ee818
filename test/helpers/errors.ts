/** Asserts that a call (or a promise) fails with a BatchMixError of `code`, its message matching `text`. */
import { expect } from 'vitest';
import { BatchMixError, type ErrorCode } from '../../src/index.js';

export async function expectCode(p: Promise<unknown> | (() => unknown), code: ErrorCode, text?: RegExp): Promise<void> {
  let err: unknown;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    err = e;
  }
  expect(err, `expected a BatchMixError ${code}`).toBeInstanceOf(BatchMixError);
  expect((err as BatchMixError).code, (err as Error).message).toBe(code);
  if (text) expect((err as Error).message).toMatch(text);
}
