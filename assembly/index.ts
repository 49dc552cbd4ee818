/**
 * batchmix's WebAssembly kernels (SIMD, stub runtime, no imports). Kernels take pointers into the
 * exported memory, sizes and strides, and never allocate: the TypeScript glue in
 * src/backends/wasm/ owns the memory (an arena that starts at `heapBase()`).
 * The names match the kernel interface: blend (Mixup), paste (CutMix), resizePaste (ResizeMix).
 */
export { blendF32, blendU8 } from './blend';
export { copyBytes, copyRect } from './paste';
export { resizePasteF32 } from './resize-paste';
export { resizePasteU8 } from './resize-paste-u8';
export { halvePasteU8 } from './halve-paste';

/**
 * First byte after the module's static data, 64-aligned (a cache line): where the glue's arena may
 * start. (16 is enough for correctness, but batches that straddle cache lines load slower: 48 bytes
 * more static data moved the arena off a line and slowed uint8 ResizeMix by up to 40 %.)
 */
export function heapBase(): usize {
  return (__heap_base + 63) & ~63;
}
