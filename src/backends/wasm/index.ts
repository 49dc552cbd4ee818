/**
 * The wasm backend (SPEC §5): AssemblyScript SIMD kernels (assembly/) behind the KernelBackend
 * interface. Each backend owns one instance and its memory; an arena in that memory holds batches
 * from allocBatch (zero copy), scratch copies of other batches, and per-call temporaries.
 *
 * - blend / paste / resizePaste: see blend.ts, paste.ts and resize.ts; in place when src === dst.
 * - allocBatch / freeBatch: batches whose `data` lives in wasm memory (batches.ts).
 * - `maxMemoryBytes` caps the memory (default: wasm32's 4 GiB); past it → OUT_OF_MEMORY, data intact.
 * - dispose() frees everything; later calls throw DISPOSED.
 */
import type { BlendJob, KernelBackend, PasteJob, ResizePasteJob } from '../backend.js';
import type { DType, ImageBatch, Layout } from '../../types.js';
import { describe, fail } from '../../errors.js';
import { Arena } from './arena.js';
import { ResidentBatches } from './batches.js';
import { runBlend } from './blend.js';
import type { WasmContext } from './context.js';
import { instantiateKernels, wasmSimdSupported } from './module.js';
import { runPaste } from './paste.js';
import { runResizePaste } from './resize.js';

export { wasmSimdSupported } from './module.js';

/** The wasm backend's extras beyond KernelBackend. */
export interface WasmBackend extends KernelBackend {
  readonly name: 'wasm';
  /** The instance's memory: batches from allocBatch are views on `memory.buffer`. */
  readonly memory: WebAssembly.Memory;
  /** The memory's size and the bytes its live blocks hold (batches from allocBatch; 0 between calls otherwise). */
  memoryStats(): { capacity: number; used: number };
  allocBatch(shape: readonly [number, number, number, number], layout: Layout, dtype: DType): ImageBatch;
  freeBatch(batch: ImageBatch): void;
}

export interface WasmBackendOptions {
  /** Largest size the wasm memory may grow to, in bytes (rounded down to 64 KiB pages). */
  maxMemoryBytes?: number;
}

class Backend implements WasmBackend {
  readonly name = 'wasm' as const;
  private state: { ctx: WasmContext; batches: ResidentBatches } | undefined;

  constructor(ctx: WasmContext) {
    this.state = { ctx, batches: new ResidentBatches(ctx.k.memory, ctx.arena) };
  }

  private live(what: string): { ctx: WasmContext; batches: ResidentBatches } {
    return this.state ?? fail('DISPOSED', `wasm ${what}: this backend was disposed; create a new one`);
  }

  get memory(): WebAssembly.Memory {
    return this.live('memory').ctx.k.memory;
  }

  memoryStats(): { capacity: number; used: number } {
    const { arena } = this.live('memoryStats').ctx;
    return { capacity: arena.capacity, used: arena.used };
  }

  blend(job: BlendJob): void {
    runBlend(this.live('blend').ctx, job);
  }

  paste(job: PasteJob): void {
    runPaste(this.live('paste').ctx, job);
  }

  resizePaste(job: ResizePasteJob): void {
    runResizePaste(this.live('resizePaste').ctx, job);
  }

  allocBatch(shape: readonly [number, number, number, number], layout: Layout, dtype: DType): ImageBatch {
    return this.live('allocBatch').batches.alloc(shape, layout, dtype);
  }

  freeBatch(batch: ImageBatch): void {
    this.state?.batches.free(batch);
  }

  dispose(): void {
    this.state?.batches.clear();
    this.state = undefined;
  }
}

/**
 * Creates a wasm backend. Throws BatchMixError('BACKEND_UNAVAILABLE') when this engine has no
 * WebAssembly or no WebAssembly SIMD, and 'BAD_OPTIONS' for a maxMemoryBytes that is not a positive number.
 */
export async function createWasmBackend(options: WasmBackendOptions = {}): Promise<WasmBackend> {
  const max = options.maxMemoryBytes;
  if (max !== undefined && !(typeof max === 'number' && max > 0)) {
    fail('BAD_OPTIONS', `wasm: maxMemoryBytes must be a positive number of bytes, got ${describe(max)}`);
  }
  if (typeof WebAssembly !== 'object') fail('BACKEND_UNAVAILABLE', 'wasm: this environment has no WebAssembly');
  if (!wasmSimdSupported()) {
    fail('BACKEND_UNAVAILABLE', 'wasm: this engine has WebAssembly but not its 128-bit SIMD (needed by the kernels; Chrome 91+, Firefox 89+, Safari 16.4+, Node 16.4+)');
  }
  let k;
  try {
    k = await instantiateKernels();
  } catch (e) {
    return fail('BACKEND_UNAVAILABLE', `wasm: the kernels did not compile or instantiate here (${e instanceof Error ? e.message : String(e)})`, e);
  }
  return new Backend({ k, arena: new Arena(k.memory, k.heapBase(), max) });
}
