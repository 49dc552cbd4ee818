/**
 * Browser image inputs and outputs: images → ImageBatch (`imagesToBatch`), images → a webgl2
 * GpuBatch with no CPU detour (`imagesToGpuBatch`), and back (`batchToImageData`, `batchToImages`,
 * `drawBatchImage`). Importing this module touches no DOM,
 * so it is safe in Node and in workers; the functions need a browser or a worker.
 */
export { FITS, type Fit } from './fit.js';
export type { ImageSource } from './sources.js';
export type { ImagesToBatchOptions } from './plan.js';
export { imagesToBatch } from './to-batch.js';
export { imagesToGpuBatch, type GpuImageTarget } from './to-gpu.js';
export { batchToImageData, batchToImages, drawBatchImage, type Context2D, type DrawTarget, type ToImageOptions } from './to-image.js';
