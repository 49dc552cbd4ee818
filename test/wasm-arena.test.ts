/** The wasm backend's allocator: alignment, reuse, merging of free blocks, growth and its limit. */
import { describe, expect, it } from 'vitest';
import { BatchMixError } from '../src/errors.js';
import { Arena } from '../src/backends/wasm/arena.js';

const PAGE = 65536;
const memory = (pages = 1, maximum = 64) => new WebAssembly.Memory({ initial: pages, maximum });

describe('Arena', () => {
  it('hands out 16-aligned, non-overlapping blocks from the base', () => {
    const a = new Arena(memory(), 40);
    const p = [a.alloc(1, 'x'), a.alloc(17, 'x'), a.alloc(0, 'x'), a.alloc(32, 'x')];
    expect(p[0]).toBe(48);
    for (const ptr of p) expect(ptr % 16).toBe(0);
    expect(p).toEqual([48, 64, 96, 112]);
    expect(a.used).toBe(16 + 32 + 16 + 32);
  });

  it('reuses freed blocks, merges neighbours and gives the top back', () => {
    const a = new Arena(memory(), 0);
    const [x, y, z] = [a.alloc(64, 'x'), a.alloc(64, 'y'), a.alloc(64, 'z')];
    a.release(x);
    a.release(y); // x and y merge into one 128-byte block
    expect(a.alloc(128, 'xy')).toBe(x);
    a.release(x);
    a.release(z); // z was last: the top comes back, then merges with the free x+y block
    expect(a.used).toBe(0);
    expect(a.alloc(192, 'all')).toBe(x);
    a.release(12345); // unknown pointers are ignored
  });

  it('grows the memory when needed, and past maxBytes throws OUT_OF_MEMORY without allocating', () => {
    const mem = memory(1, 64);
    const a = new Arena(mem, 0, 4 * PAGE);
    const big = a.alloc(2 * PAGE, 'big');
    expect(mem.buffer.byteLength).toBeGreaterThanOrEqual(2 * PAGE + 64);
    let err: unknown;
    try {
      a.alloc(3 * PAGE, 'too big');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BatchMixError);
    expect((err as BatchMixError).code).toBe('OUT_OF_MEMORY');
    expect((err as Error).message).toMatch(/too big.*limit of 262144 bytes/);
    expect(a.used).toBe(2 * PAGE);
    a.release(big);
    expect(a.alloc(3 * PAGE, 'fits now')).toBe(0);
  });

  it('turns an engine that refuses to grow into OUT_OF_MEMORY', () => {
    const a = new Arena(memory(1, 2), 0); // the memory's own maximum is 2 pages
    expect(() => a.alloc(3 * PAGE, 'refused')).toThrow(/refused to grow/);
  });
});
