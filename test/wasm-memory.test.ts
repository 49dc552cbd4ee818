/**
 * The wasm backend's memory: zero-copy batches (views on the wasm memory that survive growth),
 * every mix of resident and plain arrays, OUT_OF_MEMORY with the caller's data intact, freeBatch,
 * dispose, and how the module loads (no imports, SIMD probe, BACKEND_UNAVAILABLE).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWasmBackend, wasmSimdSupported, type WasmBackend } from '../src/backends/wasm/index.js';
import { compileKernels } from '../src/backends/wasm/module.js';
import { resizeTapsFor } from '../src/plan/taps.js';
import type { PixelData } from '../src/types.js';
import { randomIndex } from './helpers/data.js';
import { compare, expected, makeCase, runCase, type Case, type Op } from './wasm-cases.js';
import { expectCode } from './helpers/errors.js';


function caseFor(op: Op, dtype: 'float32' | 'uint8', n = 6, c = 3, h = 11, w = 13): Case {
  const base = makeCase(op, n, c, h, w, 'NHWC', dtype, 5, randomIndex(n, 3));
  return op === 'resizePaste' ? { ...base, ...resizeTapsFor(base.boxes, n, h, w, 'bicubic') } : base;
}

/** A resident copy of a case's input. */
function resident(wasm: WasmBackend, c: Case): PixelData {
  const b = wasm.allocBatch(c.batch.shape, c.batch.layout, c.geom.dtype);
  b.data.set(c.batch.data);
  return b.data;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('zero-copy batches', () => {
  it('allocBatch data lives in wasm memory, is zeroed, and jobs on it run without a copy', async () => {
    const wasm = await createWasmBackend();
    const c = caseFor('blend', 'float32');
    const input = wasm.allocBatch(c.batch.shape, 'NHWC', 'float32');
    const out = wasm.allocBatch(c.batch.shape, 'NHWC', 'float32');
    expect(out.data.buffer).toBe(wasm.memory.buffer);
    expect(out.data.every((v) => v === 0)).toBe(true);
    input.data.set(c.batch.data);
    const used = wasm.memoryStats().used;
    const set = vi.spyOn(Object.getPrototypeOf(Float32Array.prototype), 'set');
    await runCase(wasm, c, input.data, out.data);
    expect(set, 'no typed-array copy in or out').not.toHaveBeenCalled();
    set.mockRestore();
    expect(out.data.buffer).toBe(wasm.memory.buffer);
    compare(c, out.data, await expected(c), 'resident blend');
    expect(wasm.memoryStats().used, 'per-call blocks are freed').toBe(used);
    wasm.dispose();
  });

  it('views survive memory growth: data is a live view with the same contents', async () => {
    const wasm = await createWasmBackend();
    const a = wasm.allocBatch([2, 3, 5, 7], 'NCHW', 'uint8');
    a.data.set(Uint8Array.from({ length: a.data.length }, (_, i) => i % 251));
    const before = a.data;
    const capacity = wasm.memoryStats().capacity;
    const big = wasm.allocBatch([4, 3, 256, 256], 'NCHW', 'float32'); // 3 MiB: grows the memory
    expect(wasm.memoryStats().capacity).toBeGreaterThan(capacity);
    expect(before.length, 'the old view was detached by the growth').toBe(0);
    expect(a.data.buffer).toBe(wasm.memory.buffer);
    expect(Array.from(a.data)).toEqual(Array.from({ length: a.data.length }, (_, i) => i % 251));
    expect(big.data.length).toBe(4 * 3 * 256 * 256);
    wasm.dispose();
  });

  it('jobs on a resident batch do not grow the memory: views taken before the job stay live', async () => {
    const wasm = await createWasmBackend();
    for (const op of ['blend', 'paste', 'resizePaste'] as const) {
      const c = caseFor(op, 'float32', 4, 3, 60, 70);
      const batch = wasm.allocBatch(c.batch.shape, 'NHWC', 'float32');
      const view = batch.data;
      view.set(c.batch.data);
      await runCase(wasm, c, view, view);
      expect(view.length, `${op}: the view is still attached`).toBe(c.batch.data.length);
      compare(c, view, await expected(c), `${op} resident in place`);
    }
    wasm.dispose();
  });

  describe.each(['blend', 'paste', 'resizePaste'] as const)('%s with resident and plain arrays', (op) => {
    it.each(['float32', 'uint8'] as const)('%s: every combination, in place and out of place', async (dtype) => {
      const wasm = await createWasmBackend();
      const c = caseFor(op, dtype);
      const want = await expected(c);
      const plain = (): PixelData => c.batch.data.slice();
      const combos: [string, () => [PixelData, PixelData]][] = [
        ['plain → plain', () => [plain(), plain().fill(9)]],
        ['resident → plain', () => [resident(wasm, c), plain().fill(9)]],
        ['plain → resident', () => [plain(), resident(wasm, c).fill(9)]],
        ['resident → resident', () => [resident(wasm, c), resident(wasm, c).fill(9)]],
        ['plain in place', () => { const a = plain(); return [a, a]; }],
        ['resident in place', () => { const a = resident(wasm, c); return [a, a]; }],
      ];
      for (const [name, make] of combos) {
        const [src, dst] = make();
        const before = src.slice();
        await runCase(wasm, c, src, dst);
        const live = (a: PixelData) => (a.buffer.byteLength === 0 ? new (a.constructor as Uint8ArrayConstructor)(wasm.memory.buffer, a.byteOffset, a.length) : a);
        compare(c, live(dst), want, `${op} ${dtype} ${name}`);
        if (src !== dst) expect(live(src), `${name}: src untouched`).toEqual(before);
      }
      wasm.dispose();
    });
  });
});

describe('memory that cannot grow', () => {
  it('a job larger than maxMemoryBytes → OUT_OF_MEMORY, the caller data intact, the backend still usable', async () => {
    const wasm = await createWasmBackend({ maxMemoryBytes: 1 << 20 });
    for (const op of ['blend', 'paste', 'resizePaste'] as const) {
      const c = caseFor(op, 'float32', 4, 3, 150, 160); // 1.15 MB: the scratch copy alone is over the cap
      const src = c.batch.data.slice();
      const dst = src.slice().fill(3);
      const [s0, d0] = [src.slice(), dst.slice()];
      for (const [a, b] of [[src, dst], [src, src]]) {
        await expectCode(() => runCase(wasm, c, a, b), 'OUT_OF_MEMORY', /maxMemoryBytes/);
        expect(src).toEqual(s0);
        expect(dst).toEqual(d0);
      }
      expect(wasm.memoryStats().used, 'nothing leaked').toBe(0);
    }
    const small = caseFor('blend', 'uint8');
    const out = small.batch.data.slice();
    await runCase(wasm, small, small.batch.data.slice(), out);
    compare(small, out, await expected(small), 'after OUT_OF_MEMORY');
    await expectCode(() => wasm.allocBatch([8, 3, 224, 224], 'NCHW', 'float32'), 'OUT_OF_MEMORY', /allocBatch/);
    wasm.dispose();
  });

  it('temporaries that do not fit → OUT_OF_MEMORY before the input is copied into a resident output', async () => {
    const c = caseFor('resizePaste', 'uint8', 4, 3, 150, 160); // 288 KB per batch, 72 KB per image
    const wasm = await createWasmBackend({ maxMemoryBytes: 5 * 65536 }); // room for out, not for the temps
    const out = wasm.allocBatch(c.batch.shape, 'NHWC', 'uint8');
    out.data.fill(42);
    const src = c.batch.data.slice();
    await expectCode(() => runCase(wasm, c, src, out.data), 'OUT_OF_MEMORY');
    expect(out.data.every((v) => v === 42)).toBe(true);
    expect(src).toEqual(c.batch.data);
    wasm.dispose();
  });
});

describe('freeBatch and dispose', () => {
  it('freeBatch gives the memory back; a freed batch throws when read; freeing twice is a no-op', async () => {
    const wasm = await createWasmBackend();
    const used = wasm.memoryStats().used;
    const b = wasm.allocBatch([3, 8, 8, 4], 'NHWC', 'uint8');
    expect(wasm.memoryStats().used).toBeGreaterThanOrEqual(used + 3 * 8 * 8 * 4);
    wasm.freeBatch(b);
    wasm.freeBatch(b);
    wasm.freeBatch({ data: new Uint8Array(4), shape: [1, 1, 2, 2], layout: 'NCHW' });
    expect(wasm.memoryStats().used).toBe(used);
    await expectCode(() => b.data, 'DISPOSED', /freed/);
    wasm.dispose();
  });

  it('dispose frees everything; later calls throw DISPOSED; dispose twice is a no-op', async () => {
    const wasm = await createWasmBackend();
    const b = wasm.allocBatch([2, 1, 4, 4], 'NCHW', 'float32');
    const c = caseFor('paste', 'uint8');
    wasm.dispose();
    wasm.dispose();
    await expectCode(() => runCase(wasm, c, c.batch.data, c.batch.data.slice()), 'DISPOSED', /disposed/);
    await expectCode(() => wasm.allocBatch([1, 1, 1, 1], 'NCHW', 'uint8'), 'DISPOSED');
    await expectCode(() => wasm.memory, 'DISPOSED');
    await expectCode(() => b.data, 'DISPOSED');
    expect(() => wasm.freeBatch(b)).not.toThrow();
  });
});

describe('module', () => {
  it('imports nothing and exports the kernels and its memory', async () => {
    const m = await compileKernels();
    expect(WebAssembly.Module.imports(m)).toEqual([]);
    expect(WebAssembly.Module.exports(m).map((e) => e.name).sort()).toEqual(
      ['blendF32', 'blendU8', 'copyBytes', 'copyOutside', 'copyRect', 'halvePasteU8', 'heapBase', 'memory', 'pasteImage', 'resizePasteF32', 'resizePasteU8']);
    expect(await compileKernels()).toBe(m);
  });

  it('detects SIMD here; without SIMD or WebAssembly createWasmBackend throws BACKEND_UNAVAILABLE', async () => {
    expect(wasmSimdSupported()).toBe(true);
    vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
    expect(wasmSimdSupported()).toBe(false);
    await expectCode(() => createWasmBackend(), 'BACKEND_UNAVAILABLE', /wasm: .*SIMD/);
    vi.restoreAllMocks();
    vi.stubGlobal('WebAssembly', undefined);
    await expectCode(() => createWasmBackend(), 'BACKEND_UNAVAILABLE', /wasm: .*no WebAssembly/);
  });

  it('rejects a maxMemoryBytes that is not a positive number', async () => {
    for (const bad of [0, -1, NaN, '1GB']) {
      await expectCode(() => createWasmBackend({ maxMemoryBytes: bad as number }), 'BAD_OPTIONS', /maxMemoryBytes/);
    }
  });
});
