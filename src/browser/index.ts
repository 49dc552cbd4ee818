/**
 * Browser image inputs and outputs: images → ImageBatch (`imagesToBatch`) and back
 * (`batchToImageData`, `batchToImages`, `drawBatchImage`). Importing this module touches no DOM,
 * so it is safe in Node and in workers; the functions need a browser or a worker.
 */
export { FITS, type Fit } from './fit.js';
export { UNREADABLE, type ImageSource } from './sources.js';
export type { ImagesToBatchOptions } from './plan.js';
export { imagesToBatch } from './to-batch.js';
export { batchToImageData, batchToImages, drawBatchImage, type DrawTarget, type ToImageOptions } from './to-image.js';
