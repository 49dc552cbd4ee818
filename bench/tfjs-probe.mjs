// Quick timing probe of batchmix/tfjs in Node (not the project benchmark): time per batch of
// mixTensors against the read-mix-rebuild path a user writes without it (x.data(), mix.apply on the
// arrays, tf.tensor from the result), on TF.js's `wasm` and `cpu` backends, with a batchmix instance
// on 'wasm'. Run after `npm run build`:   node bench/tfjs-probe.mjs [N] [H]
// Prints the median and min ms per batch over the timed calls, for float32 and int32 images (NHWC, C = 3).
import { performance } from 'node:perf_hooks';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';

const dist = new URL('../dist/', import.meta.url).href;
const { createBatchMix } = await import(new URL('src/index.js', dist));
const { mixTensors } = await import(new URL('src/tfjs/index.js', dist));

const N = Number(process.argv[2] ?? 32), H = Number(process.argv[3] ?? 224), C = 3, K = 10;
const REPS = Number(process.env.REPS ?? 15);

/** Times a and b alternately (so that load changes hit both alike): median and min ms of each. */
async function timePair(a, b) {
  for (let i = 0; i < 3; i++) { await a(); await b(); }
  const ta = [], tb = [];
  for (let i = 0; i < REPS; i++) {
    let t0 = performance.now(); await a(); ta.push(performance.now() - t0);
    t0 = performance.now(); await b(); tb.push(performance.now() - t0);
  }
  const stat = (t) => { t.sort((x, y) => x - y); return { med: t[t.length >> 1], min: t[0] }; };
  return [stat(ta), stat(tb)];
}

const mix = await createBatchMix({ numClasses: K, augments: { op: 'mixup', alpha: 1 }, backend: 'wasm' });
const shape = [N, H, H, C];
const len = N * H * H * C;
const ids = Int32Array.from({ length: N }, (_, i) => i % K);
console.log(`batchmix/tfjs probe: N=${N} ${H}×${H}×${C} NHWC, batchmix on ${mix.backend}; ms per batch (median / min of ${REPS}, the two paths alternating)`);
for (const backend of ['wasm', 'cpu']) {
  await tf.setBackend(backend);
  await tf.ready();
  for (const dtype of ['float32', 'int32']) {
    const values = dtype === 'float32' ? Float32Array.from({ length: len }, (_, i) => (i % 251) / 251) : Int32Array.from({ length: len }, (_, i) => i % 256);
    const x = tf.tensor4d(values, shape, dtype);
    const y = tf.tensor1d(ids, 'int32');
    for (const op of ['mixup', 'cutmix']) {
      const params = op === 'mixup'
        ? { op, index: Int32Array.from({ length: N }, (_, i) => N - 1 - i), lam: new Float32Array(N).fill(0.3) }
        : { op, index: Int32Array.from({ length: N }, (_, i) => N - 1 - i), lam: new Float32Array(N).fill(0.75), boxes: Int32Array.from({ length: 4 * N }, (_, k) => [H / 4, (3 * H) / 4, H / 4, (3 * H) / 4][k % 4]) };
      const [viaTensors, manual] = await timePair(async () => {
        const r = await mixTensors(mix, x, y, { params });
        tf.dispose([r.images, r.labels]);
      }, async () => {
        const d = await x.data();
        const data = dtype === 'float32' ? d : Uint8Array.from(d);
        const out = await mix.apply({ data, shape, layout: 'NHWC' }, await y.data(), params);
        const img = tf.tensor4d(dtype === 'float32' ? out.images.data : Int32Array.from(out.images.data), shape, dtype);
        const lab = tf.tensor2d(out.labels, [N, K]);
        tf.dispose([img, lab]);
      });
      const f = (t) => `${t.med.toFixed(1)} / ${t.min.toFixed(1)}`;
      console.log(`  tf ${backend.padEnd(4)} ${dtype.padEnd(7)} ${op.padEnd(6)}  mixTensors ${f(viaTensors)}   read-mix-rebuild ${f(manual)}`);
    }
    tf.dispose([x, y]);
  }
}
mix.dispose();
