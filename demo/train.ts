/**
 * The Train panel: trains the example's small CNN (examples/train/model.ts) on the UCI digits
 * (examples/train/data.ts) with TF.js on its `webgl` backend, mixing each batch on the GPU through
 * `mixTensors` with a batchmix instance on TF.js's own context (createTfjsBatchMix). TF.js and the
 * model load only when the panel starts (a dynamic import), so the rest of the page stays light.
 *
 * One step: gather the batch's images from the training set (a GPU-resident tensor) and make its
 * class ids (a CPU-resident tensor), mixTensors, gl.finish() (so the mixing time is the GPU's time
 * too, not only the time to issue it), then model.trainOnBatch. The time per step is shown split
 * into mixing and training. batchmix's readPixels are counted on TF.js's context during mixing
 * only (TF.js itself reads the loss and the predictions back): the figure must stay 0.
 * `#train[data-state]` ('idle' | 'loading' | 'running' | 'done' | 'error'), `data-steps`,
 * `data-readpixels` and `data-path` let tests follow it.
 */
import { DIGITS_CLASSES, DIGITS_SIZE, parseDigits, splitDigits, toInput } from '../examples/train/data.js';
import { SETTINGS } from '../examples/train/train.js';
import { makeRng, shuffle } from '../examples/train/rng.js';
import digitsUrl from '../examples/train/data/digits.bin?url';
import { drawTrainChart, type EvalPoint, type TrainPoint } from './train-chart.js';

/** The settings the panel offers: those of the Node example (examples/train/train.ts). */
export { SETTINGS };

export interface TrainRequest {
  /** A SETTINGS id. */
  setting: string;
  steps: number;
  batchSize: number;
  /** Evaluate on the test split every this many steps (and at the end). */
  evalEvery: number;
}

export interface StepReport {
  step: number;
  loss: number;
  mixMs: number;
  trainMs: number;
  readPixels: number;
  path: string;
}

export interface TrainCallbacks {
  step(r: StepReport): void;
  evaluated(p: EvalPoint): void;
  stopped(): boolean;
}

/** Runs one training; resolves when done or stopped. Throws what TF.js or batchmix throws. */
export async function runTraining(req: TrainRequest, cb: TrainCallbacks): Promise<void> {
  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-backend-webgl');
  const { buildModel } = await import('../examples/train/model.js');
  const { createTfjsBatchMix, mixTensors } = await import('../src/tfjs/index.js');
  if (!(await tf.setBackend('webgl'))) throw new Error('TF.js could not start its webgl backend here');
  await tf.ready();
  tf.env().set('WEBGL_CPU_FORWARD', false); // the digits are small: keep every op on the GPU

  const bytes = new Uint8Array(await (await fetch(digitsUrl)).arrayBuffer());
  const { train, test } = splitDigits(parseDigits(bytes));
  const shape = (n: number) => [n, DIGITS_SIZE, DIGITS_SIZE, 1] as [number, number, number, number];
  const xTrain = tf.tensor4d(toInput(train), shape(train.count));
  const xTest = tf.tensor4d(toInput(test), shape(test.count));
  const setting = SETTINGS.find((s) => s.id === req.setting);
  if (!setting) throw new Error(`no setting '${req.setting}'`);
  const mix = setting.augments.length > 0 ? await createTfjsBatchMix({ numClasses: DIGITS_CLASSES, augments: setting.augments, seed: 0 }) : undefined;
  const model = buildModel({ seed: 0 });
  const gl = (tf.backend() as unknown as { gpgpu: { gl: WebGL2RenderingContext } }).gpgpu.gl;
  let mixing = false, readPixels = 0;
  const original = gl.readPixels;
  gl.readPixels = function (this: WebGL2RenderingContext, ...args: unknown[]) {
    if (mixing) readPixels++;
    return (original as (...a: unknown[]) => void).apply(this, args);
  } as typeof gl.readPixels;

  const rng = makeRng(1);
  let order = new Int32Array(0), at = 0;
  const nextBatch = (): Int32Array => {
    if (at + req.batchSize > order.length) {
      order = Int32Array.from({ length: train.count }, (_, i) => i);
      shuffle(order, rng);
      at = 0;
    }
    at += req.batchSize;
    return order.subarray(at - req.batchSize, at);
  };
  const evaluate = async (step: number): Promise<void> => {
    const pred = tf.tidy(() => tf.argMax(model.predict(xTest) as import('@tensorflow/tfjs-core').Tensor, 1));
    const got = await pred.data();
    pred.dispose();
    let right = 0;
    for (let i = 0; i < test.count; i++) if (got[i] === test.labels[i]) right++;
    cb.evaluated({ step, accuracy: right / test.count });
  };

  try {
    for (let step = 1; step <= req.steps && !cb.stopped(); step++) {
      const rows = nextBatch();
      const idx = tf.tensor1d(rows, 'int32');
      const x = tf.gather(xTrain, idx) as import('@tensorflow/tfjs-core').Tensor4D;
      const ids = tf.tensor1d(Int32Array.from(rows, (r) => train.labels[r]), 'int32');
      const t0 = performance.now();
      let images = x, labels: import('@tensorflow/tfjs-core').Tensor2D, path = 'none';
      if (mix) {
        mixing = true;
        try {
          const out = await mixTensors(mix, x, ids);
          gl.finish();
          images = out.images;
          labels = out.labels;
          path = out.path;
        } finally {
          mixing = false;
        }
      } else {
        labels = tf.cast(tf.oneHot(ids, DIGITS_CLASSES), 'float32') as import('@tensorflow/tfjs-core').Tensor2D;
      }
      const t1 = performance.now();
      const loss = await model.trainOnBatch(images, labels);
      const t2 = performance.now();
      tf.dispose([idx, x, ids, images, labels]);
      cb.step({ step, loss: Array.isArray(loss) ? loss[0] : loss, mixMs: t1 - t0, trainMs: t2 - t1, readPixels, path });
      if (step % req.evalEvery === 0 || step === req.steps) await evaluate(step);
      await new Promise((r) => setTimeout(r, 0)); // let the page draw
    }
  } finally {
    gl.readPixels = original;
    mix?.dispose();
    model.dispose();
    tf.dispose([xTrain, xTest]);
  }
}

export { drawTrainChart, type EvalPoint, type TrainPoint };
