/**
 * batchmix: Mixup, CutMix and ResizeMix for image batches (MMClassification 0.x semantics), on WebGL2
 * fragment shaders or WebAssembly SIMD kernels, with one shared sampler and label mixer. SPEC §8.
 * This entry is browser-safe: Node-only code (headless-gl) is loaded by dynamic import when needed.
 *
 * @module batchmix
 */
export { createBatchMix, type BatchMix, type CreateOptions, type WebGL2Options } from './batchmix.js';
export type { Geometry } from './backends/backend.js';
export type { WebGL2Limits } from './backends/webgl2/limits.js';
export type { Packing } from './backends/webgl2/packing.js';
export type { RendererInfo } from './backends/webgl2/renderer.js';
export { BatchMixError, type ErrorCode } from './errors.js';
export type { GpuBatch, GpuMix, Storage } from './gpu.js';
export { paramsFromJSON, paramsToJSON, type MixParamsJSON } from './params.js';
export type { BackendReport, CpuArraysPolicy } from './select.js';
export type {
  ApplyOptions, AugmentOptions, BackendChoice, BackendName, BatchMixOptions, DType, ImageBatch, Interpolation,
  Labels, Layout, MixParams, MixResult, Mode, Op, Partner, PixelData, Placement, RunResult,
  DenseOptions, DenseResult, Detections, MaskBatch, MaskData, MixedDetections,
} from './types.js';
export * from './browser/index.js'; // browser image inputs/outputs (issue 4)
export type * from './dom.js'; // DOM names as empty interfaces for projects without the DOM lib
