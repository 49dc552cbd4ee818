/**
 * The backend's allocator over the wasm memory (the kernels never allocate). Blocks are 16-byte
 * aligned and at least 16 bytes; freed blocks go to an address-ordered free list, merge with free
 * neighbours, and give memory back to the top when they are the last block. When nothing fits,
 * the memory grows from JavaScript (`memory.grow`, by at least a quarter of its size to grow rarely)
 * up to `maxBytes`, keeping SLACK bytes addressable above the last block; past that, or when the
 * engine refuses, alloc throws BatchMixError('OUT_OF_MEMORY') and allocates nothing. Growing
 * detaches the old `memory.buffer`: views must be made after allocating.
 */
import { fail } from '../../errors.js';
import { align16 } from './layout.js';

const PAGE = 65536;
/** Bytes kept addressable above the last block: kernels may read (never use) a few elements past a row. */
const SLACK = 64;
/** wasm32's largest memory (65536 pages), also the module's declared maximum (asconfig.json). */
export const MAX_WASM_BYTES = 65536 * PAGE;

interface Block {
  ptr: number;
  size: number;
}


export class Arena {
  private top: number;
  private readonly free: Block[] = [];
  private readonly sizes = new Map<number, number>();
  private readonly maxBytes: number;

  constructor(private readonly memory: WebAssembly.Memory, base: number, maxBytes = MAX_WASM_BYTES) {
    this.top = align16(base);
    this.maxBytes = Math.floor(Math.min(maxBytes, MAX_WASM_BYTES) / PAGE) * PAGE;
  }

  /** The current memory size in bytes. */
  get capacity(): number {
    return this.memory.buffer.byteLength;
  }

  /** Bytes held by live blocks. */
  get used(): number {
    let sum = 0;
    for (const size of this.sizes.values()) sum += size;
    return sum;
  }

  /** A 16-aligned block of at least `bytes` bytes (contents undefined); `what` names it in errors. */
  alloc(bytes: number, what: string): number {
    const size = Math.max(16, align16(bytes));
    const fit = this.free.findIndex((b) => b.size >= size);
    let ptr: number;
    if (fit >= 0) {
      const b = this.free[fit];
      ptr = b.ptr;
      if (b.size === size) this.free.splice(fit, 1);
      else this.free[fit] = { ptr: b.ptr + size, size: b.size - size };
    } else {
      this.ensure(this.top + size + SLACK, bytes, what);
      ptr = this.top;
      this.top += size;
    }
    this.sizes.set(ptr, size);
    return ptr;
  }

  /**
   * Grows the memory now, if needed and allowed, so that `bytes` more can be allocated above the
   * last block without growing later (growing detaches views). Best effort: returns false when the
   * limit or the engine refuses, and nothing changes.
   */
  reserve(bytes: number): boolean {
    try {
      this.ensure(this.top + Math.max(16, align16(bytes)) + SLACK, bytes, 'a reserve');
      return true;
    } catch {
      return false;
    }
  }

  /** Returns a block to the arena; unknown pointers (already released) are ignored. */
  release(ptr: number): void {
    const size = this.sizes.get(ptr);
    if (size === undefined) return;
    this.sizes.delete(ptr);
    let at = this.free.findIndex((b) => b.ptr > ptr);
    if (at < 0) at = this.free.length;
    const block = { ptr, size };
    const next = this.free[at];
    if (next && ptr + size === next.ptr) {
      block.size += next.size;
      this.free.splice(at, 1);
    }
    const prev = this.free[at - 1];
    if (prev && prev.ptr + prev.size === ptr) {
      prev.size += block.size;
      this.free.splice(at - 1, 1);
      at -= 1;
      block.ptr = prev.ptr;
      block.size = prev.size;
    }
    if (block.ptr + block.size === this.top) this.top = block.ptr;
    else this.free.splice(at, 0, block);
  }

  /** Grows the memory so that `end` bytes are addressable, or throws OUT_OF_MEMORY. */
  private ensure(end: number, bytes: number, what: string): void {
    const have = this.memory.buffer.byteLength;
    if (end <= have) return;
    const need = Math.ceil(end / PAGE) * PAGE;
    if (need > this.maxBytes) {
      fail('OUT_OF_MEMORY', `wasm: cannot allocate ${bytes} bytes for ${what}: the memory would grow to ${need} bytes, over its limit of ${this.maxBytes} bytes (maxMemoryBytes); use smaller batches or free batches from allocBatch`);
    }
    const want = Math.min(this.maxBytes, Math.max(need, Math.ceil((have * 1.25) / PAGE) * PAGE));
    for (const target of want > need ? [want, need] : [need]) {
      try {
        this.memory.grow((target - have) / PAGE);
        return;
      } catch {
        // the engine refused this size: try the exact need, then give up
      }
    }
    fail('OUT_OF_MEMORY', `wasm: cannot allocate ${bytes} bytes for ${what}: the engine refused to grow the memory from ${have} to ${need} bytes`);
  }
}
