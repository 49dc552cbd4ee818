/**
 * Loading the kernels: the module is inlined as base64 (src/generated/kernels-wasm.ts, made by
 * `npm run asbuild`), decoded with atob and compiled once per process (the compiled Module is
 * cached), so the same code runs in Node, browsers and workers without fs, fetch or a bundler.
 * Every backend instance gets its own instance and its own exported memory; the module has no imports.
 */
import { KERNELS_WASM_BASE64 } from '../../generated/kernels-wasm.js';

/** The exports of assembly/index.ts. Pointers and sizes are byte offsets into `memory` unless named. */
export interface KernelExports {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  blendF32(dst: number, a: number, b: number, count: number, lam: number, mlam: number): void;
  blendU8(dst: number, a: number, b: number, count: number, w: number): void;
  copyBytes(dst: number, src: number, bytes: number): void;
  copyRect(dst: number, dstRow: number, dstPlane: number, src: number, srcRow: number, srcPlane: number,
    planes: number, rows: number, span: number): void;
  resizePasteF32(dst: number, src: number, planes: number, planeBytes: number, rowBytes: number,
    p: number, y0: number, x0: number, taps: number, tmp: number): void;
  resizePasteU8(dst: number, src: number, planes: number, planeBytes: number, rowBytes: number,
    p: number, y0: number, x0: number, taps: number, tmp: number): void;
  halvePasteU8(dst: number, src: number, planes: number, planeBytes: number, rowBytes: number,
    p: number, y0: number, x0: number, outH: number, outW: number, tmp: number): void;
}

/**
 * The smallest module that needs SIMD: `(func (result v128) v128.const i32x4 0 0 0 0)`.
 * Sections: type [() → v128], function [type 0], code [no locals, v128.const (0xfd 0x0c) 16 × 0, end].
 */
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b,
  0x03, 0x02, 0x01, 0x00,
  0x0a, 0x16, 0x01, 0x14, 0x00, 0xfd, 0x0c, ...new Array<number>(16).fill(0), 0x0b,
]);

/** Whether this engine has WebAssembly with 128-bit SIMD (validates the probe; compiles nothing). */
export function wasmSimdSupported(): boolean {
  try {
    return typeof WebAssembly === 'object' && typeof WebAssembly.validate === 'function' && WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

/** base64 → bytes with atob (a global in browsers, workers and Node ≥ 16). */
export function decodeBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

let compiled: Promise<WebAssembly.Module> | undefined;

/** The kernels' compiled Module, compiled on the first call only (a failed compile is retried next time). */
export function compileKernels(): Promise<WebAssembly.Module> {
  if (!compiled) {
    compiled = WebAssembly.compile(decodeBase64(KERNELS_WASM_BASE64));
    compiled.catch(() => (compiled = undefined));
  }
  return compiled;
}

/** A fresh instance (own memory) of the cached Module; the module imports nothing. */
export async function instantiateKernels(): Promise<KernelExports> {
  const instance = await WebAssembly.instantiate(await compileKernels(), {});
  return instance.exports as unknown as KernelExports;
}
