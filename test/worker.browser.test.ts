/**
 * batchmix inside a Web Worker (test/workers/mix.worker.ts), in Chromium: wasm, webgl2 (which can
 * only get its context from an OffscreenCanvas there: a worker has no document) and js compute in
 * the worker what the js oracle computes on the main thread (SPEC §6 tolerances); batches travel
 * transferred, not copied; ImageBitmaps become a batch in the worker exactly as on the main thread;
 * and a bad call in the worker comes back with its BatchMixError code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatchMix, imagesToBatch, paramsToJSON, type BackendName, type BatchMix, type ImageBatch, type MixParams } from '../src/index.js';
import { edgeBoxes, lcg, randomBatch, randomIndex } from './helpers/data.js';
import type { WorkerReply, WorkerRequest } from './workers/mix.worker.js';

type Body<T> = T extends unknown ? Omit<T, 'id'> : never;

let worker: Worker;
let oracle: BatchMix;
let nextId = 0;
const waiting = new Map<number, (r: WorkerReply) => void>();

/** Sends a request (transferring `transfer`) and resolves with the worker's reply. */
function ask(req: Body<WorkerRequest>, transfer: Transferable[] = []): Promise<WorkerReply> {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker.postMessage({ ...req, id }, transfer);
  });
}

async function result<T>(req: Body<WorkerRequest>, transfer: Transferable[] = []): Promise<T> {
  const r = await ask(req, transfer);
  if (!r.ok) expect.fail(`the worker failed: ${r.code}: ${r.message}`);
  return r.result as T;
}

beforeAll(async () => {
  worker = new Worker(new URL('./workers/mix.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (e: MessageEvent<WorkerReply>) => waiting.get(e.data.id)?.(e.data));
  worker.addEventListener('error', (e) => { throw new Error(`worker error: ${e.message}`); });
  oracle = await createBatchMix({ numClasses: 6, augments: { op: 'mixup', alpha: 1 }, backend: 'js' });
});

afterAll(() => {
  worker.terminate();
  oracle.dispose();
});

function paramsFor(op: MixParams['op'], n: number, h: number, w: number, seed: number): MixParams {
  const rnd = lcg(seed);
  const p: MixParams = { op, index: randomIndex(n, seed), lam: Float32Array.from({ length: n }, () => rnd()) };
  if (op !== 'mixup') p.boxes = edgeBoxes(n, h, w, seed);
  if (op === 'resizemix') p.interpolation = 'bicubic';
  return p;
}

/** SPEC §6: CutMix exact; uint8 ≤ 1; float32 Mixup 1e-6·(1 + |ref|), ResizeMix 2e-5·(1 + |ref|). */
function within(op: MixParams['op'], float: boolean, got: number, ref: number): boolean {
  const d = Math.abs(got - ref);
  if (op === 'cutmix') return d === 0;
  if (!float) return d <= 1;
  return d <= (op === 'mixup' ? 1e-6 : 2e-5) * (1 + Math.abs(ref));
}

describe('in a worker', () => {
  it('has no document, and WebGL2 through an OffscreenCanvas', async () => {
    const env = await result<{ document: string; offscreenWebGL2: boolean; imageData: string }>({ kind: 'env' });
    expect(env).toEqual({ document: 'undefined', offscreenWebGL2: true, imageData: 'function' });
  });

  const backends: readonly BackendName[] = ['wasm', 'webgl2', 'js'];
  for (const backend of backends) {
    for (const op of ['mixup', 'cutmix', 'resizemix'] as const) {
      it(`${backend} ${op}: matches the main-thread oracle, float32 NCHW and uint8 NHWC, data transferred`, async () => {
        for (const [layout, dtype] of [['NCHW', 'float32'], ['NHWC', 'uint8']] as const) {
          const input = randomBatch(6, 3, 31, 45, layout, dtype, 5);
          const labels = Int32Array.from({ length: 6 }, (_, i) => (i * 5) % 6);
          const p = paramsFor(op, 6, 31, 45, 9);
          const ref = await oracle.apply(input, labels, p);
          const sent: ImageBatch = { ...input, data: input.data.slice() };
          const got = await result<{ backend: string; images: ImageBatch; labels: Float32Array }>(
            { kind: 'apply', backend, numClasses: 6, batch: sent, labels, params: paramsToJSON(p) }, [sent.data.buffer]);
          expect(sent.data.byteLength, 'the batch was transferred, not copied').toBe(0);
          expect(got.backend).toBe(backend);
          expect(got.images.data.constructor).toBe(ref.images.data.constructor);
          expect(got.images.shape).toEqual(input.shape);
          const bad = Array.from(ref.images.data).findIndex((r, e) => !within(op, dtype === 'float32', got.images.data[e], r));
          expect(bad, bad < 0 ? '' : `${dtype} element ${bad}: worker ${got.images.data[bad]}, oracle ${ref.images.data[bad]}`).toBe(-1);
          ref.labels.forEach((v, k) => expect(Math.abs(got.labels[k] - v)).toBeLessThanOrEqual(1e-6));
        }
      });
    }
  }

  it('reads ImageBitmaps into the same batch as the main thread does, and draws it back', async () => {
    const rnd = lcg(3);
    const images = [0, 1, 2].map(() => new ImageData(Uint8ClampedArray.from({ length: 4 * 13 * 7 }, (_, k) => (k % 4 === 3 ? 255 : Math.floor(rnd() * 256))), 13, 7));
    const options = { layout: 'NCHW', dtype: 'float32', channels: 4 } as const;
    const here = await imagesToBatch(images, options);
    const bitmaps = await Promise.all(images.map((im) => createImageBitmap(im)));
    const got = await result<{ batch: ImageBatch; drawn: ImageData; direct: ImageData }>({ kind: 'images', images: bitmaps, options }, bitmaps);
    expect(got.batch.shape).toEqual([3, 4, 7, 13]);
    expect(Array.from(got.batch.data)).toEqual(Array.from(here.data));
    expect(Array.from(got.drawn.data)).toEqual(Array.from(images[0].data));
    expect(Array.from(got.direct.data)).toEqual(Array.from(images[0].data));
    // Transferred away, the bitmaps are detached here: reading them is refused with its code.
    await expect(imagesToBatch(bitmaps)).rejects.toMatchObject({ code: 'BAD_IMAGE', message: expect.stringMatching(/detached/) });
  });

  it('sends back a bad call as its BatchMixError code and message', async () => {
    const input = randomBatch(2, 1, 4, 4, 'NHWC', 'uint8', 1);
    const p = { op: 'mixup' as const, index: [0, 2], lam: [0.5, 0.5] };
    const r = await ask({ kind: 'apply', backend: 'wasm', numClasses: 6, batch: input, labels: new Int32Array([0, 1]), params: p });
    expect(r).toMatchObject({ ok: false, code: 'BAD_PARAMS', message: expect.stringMatching(/params\.index\[1\] must be in \[0, 2\), got 2/) });
    const s = await ask({ kind: 'images', images: [], options: {} });
    expect(s).toMatchObject({ ok: false, code: 'BAD_SHAPE' });
  });
});
