/**
 * A module worker for test/worker.browser.test.ts: batchmix inside a Web Worker. It answers
 * - 'env': what this thread has (no document; OffscreenCanvas, WebGL2 through it, wasm SIMD);
 * - 'apply': params (as JSON) applied on a named backend, images and labels sent back transferred;
 * - 'images': ImageBitmaps read into a batch here (imagesToBatch on an OffscreenCanvas), and that
 *   batch's first sample drawn back to an OffscreenCanvas (drawBatchImage) and returned as ImageData.
 * Errors come back as { code, message } (a BatchMixError's class does not survive postMessage).
 */
import {
  BatchMixError, batchToImageData, createBatchMix, drawBatchImage, imagesToBatch, paramsFromJSON,
  type BackendName, type BatchMix, type ImageBatch, type ImagesToBatchOptions, type MixParamsJSON,
} from '../../src/index.js';

export type WorkerRequest =
  | { id: number; kind: 'env' }
  | { id: number; kind: 'apply'; backend: BackendName; numClasses: number; batch: ImageBatch; labels: Int32Array; params: MixParamsJSON }
  | { id: number; kind: 'images'; images: ImageBitmap[]; options: ImagesToBatchOptions };

export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; code: string; message: string };

const mixers = new Map<string, Promise<BatchMix>>();

function mixerFor(backend: BackendName, numClasses: number): Promise<BatchMix> {
  const key = `${backend}|${numClasses}`;
  if (!mixers.has(key)) mixers.set(key, createBatchMix({ numClasses, augments: { op: 'mixup', alpha: 1 }, backend }));
  return mixers.get(key)!;
}

async function handle(req: WorkerRequest): Promise<{ result: unknown; transfer: Transferable[] }> {
  if (req.kind === 'env') {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    return {
      result: { document: typeof document, offscreenWebGL2: gl !== null, imageData: typeof ImageData },
      transfer: [],
    };
  }
  if (req.kind === 'apply') {
    const mix = await mixerFor(req.backend, req.numClasses);
    const out = await mix.apply(req.batch, req.labels, paramsFromJSON(req.params));
    return { result: { backend: mix.backend, images: out.images, labels: out.labels }, transfer: [out.images.data.buffer, out.labels.buffer] };
  }
  const batch = await imagesToBatch(req.images, req.options);
  const canvas = new OffscreenCanvas(1, 1);
  drawBatchImage(batch, 0, canvas);
  const drawn = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  return { result: { batch, drawn, direct: batchToImageData(batch, 0) }, transfer: [batch.data.buffer] };
}

self.addEventListener('message', (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  handle(req).then(
    ({ result, transfer }) => self.postMessage({ id: req.id, ok: true, result } satisfies WorkerReply, { transfer }),
    (err: unknown) => self.postMessage({
      id: req.id, ok: false,
      code: err instanceof BatchMixError ? err.code : 'NOT_A_BATCHMIX_ERROR',
      message: err instanceof Error ? err.message : String(err),
    } satisfies WorkerReply),
  );
});
