/**
 * TensorFlow.js 4.22 peers (@tensorflow/tfjs-core on tfjs-backend-wasm with SIMD, one thread as tfjs
 * runs wasm in Node, and on tfjs-backend-cpu), in idiomatic tensor code (perf-anchors.md §5):
 *
 * - mixup:     add(mul(x, λ), mul(gather(x, perm), 1 − λ))
 * - cutmix:    where(mask, gather(x, perm), x)
 * - resizemix: where(mask, pad(gather(resizeBilinear(x, [bh, bw], alignCorners = false,
 *              halfPixelCenters = true), perm), box margins), x). Resizing before the gather is the
 *              same result and gathers a smaller tensor (the faster of the two orders).
 * - uint8:     tfjs has no uint8 dtype, so the batch is an int32 tensor (as tf.browser.fromPixels gives);
 *              mixup and resize compute in float32 and round with cast(add(v, 0.5), 'int32'), which is
 *              floor(v + 0.5) for the v ≥ 0 these ops produce.
 * - float32 NCHW batches are given to tfjs as NHWC (tfjs image ops are NHWC-only; the same bytes);
 *   the output is transposed back, outside the timing, for the check.
 *
 * Favourable to tfjs: the input tensor, the permutation and the full-size boolean box mask are made
 * once per case, outside the timing (a broadcast [1, H, W, 1] mask is 2–20× slower in where).
 * Each timed call is the op plus dataSync() (the result as a typed array) plus dispose.
 * Not measured: in-place CutMix (tfjs tensors are immutable) and bicubic (tfjs has no bicubic resize).
 */
import type * as TF from '@tensorflow/tfjs-core';
import type { Case, CaseInfo } from '../cases.js';
import { toNCHW, toNHWC } from '../data.js';
import { inProcessRunner, type CaseInput, type Impl, type Runner } from './types.js';

type Tf = typeof TF;
let tfModule: Promise<Tf> | undefined;

/** Loads tfjs-core and registers the cpu and wasm backends (once). */
function loadTf(): Promise<Tf> {
  tfModule ??= (async () => {
    const tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-backend-cpu');
    await import('@tensorflow/tfjs-backend-wasm');
    return tf;
  })();
  return tfModule;
}

/** A boolean NHWC mask, true inside the box, false elsewhere. */
function boxMask(n: number, size: number, c: number, box: readonly number[]): Uint8Array {
  const [y0, y1, x0, x1] = box;
  const mask = new Uint8Array(n * size * size * c);
  for (let i = 0; i < n; i++) {
    for (let y = y0; y < y1; y++) mask.fill(1, ((i * size + y) * size + x0) * c, ((i * size + y) * size + x1) * c);
  }
  return mask;
}

/** The op of case `x` as a function of the (NHWC) input tensor; returns the output tensor. */
function opFor(tf: Tf, x: CaseInput, input: TF.Tensor4D, perm: TF.Tensor1D, mask: TF.Tensor | undefined): () => TF.Tensor {
  const { info } = x;
  const round = (v: TF.Tensor): TF.Tensor => (info.dtype === 'uint8' ? tf.cast(tf.add(v, 0.5), 'int32') : v);
  if (info.kind === 'mixup') {
    const lam = x.params.lam[0];
    return () => {
      const a = info.dtype === 'uint8' ? tf.cast(input, 'float32') : input;
      return round(tf.add(tf.mul(a, lam), tf.mul(tf.gather(a, perm), 1 - lam)));
    };
  }
  if (info.kind === 'cutmix') return () => tf.where(mask!, tf.gather(input, perm), input);
  const [y0, y1, x0, x1] = info.box!;
  const size = x.c.size;
  return () => {
    const small = tf.gather(tf.image.resizeBilinear(input, [y1 - y0, x1 - x0], false, true), perm);
    const placed = tf.pad(round(small), [[0, 0], [y0, size - y1], [x0, size - x1], [0, 0]]);
    return tf.where(mask!, placed, input);
  };
}

function tfjsImpl(backend: 'wasm' | 'cpu'): Impl {
  let tf: Tf | undefined;
  return {
    name: `tfjs-${backend}`,
    group: 'peer',
    description: backend === 'wasm'
      ? 'TensorFlow.js 4.22 on @tensorflow/tfjs-backend-wasm (SIMD binary, 1 thread in Node): gather / where / resizeBilinear / pad'
      : 'TensorFlow.js 4.22 on @tensorflow/tfjs-backend-cpu (plain JS kernels): the same tensor code',
    async init(): Promise<string | null> {
      try {
        tf = await loadTf();
        if (!(await tf.setBackend(backend))) return `tf.setBackend('${backend}') failed`;
        await tf.ready();
        if (backend === 'wasm' && !tf.env().getBool('WASM_HAS_SIMD_SUPPORT')) return 'tfjs wasm: no SIMD support here';
        return null;
      } catch (e) {
        return `tfjs-${backend}: ${e instanceof Error ? e.message : String(e)}`;
      }
    },
    unsupported(_c: Case, info: CaseInfo): string | null {
      if (info.inPlace) return 'tfjs tensors are immutable: no in-place form (see its cutmix_oop row)';
      if (info.interpolation === 'bicubic') return 'tfjs has no bicubic resize (only bilinear and nearest neighbour)';
      return null;
    },
    async prepare(x: CaseInput): Promise<Runner> {
      const t = tf!;
      await t.setBackend(backend);
      const { info } = x;
      const [n, size, c] = [x.c.n, x.c.size, info.c];
      const nchw = info.layout === 'NCHW';
      const values = info.dtype === 'uint8' ? Int32Array.from(x.input) : (x.input as Float32Array);
      const nhwc = nchw ? toNHWC(values, n, c, size, size) : values;
      const input = t.tensor4d(nhwc, [n, size, size, c], info.dtype === 'uint8' ? 'int32' : 'float32');
      const perm = t.tensor1d(x.params.index, 'int32');
      const mask = info.box ? t.tensor4d(boxMask(n, size, c, info.box), [n, size, size, c], 'bool') : undefined;
      const op = opFor(t, x, input, perm, mask);
      let last: TF.TypedArray | undefined;
      const call = (): void => {
        const out = t.tidy(op);
        last = out.dataSync();
        out.dispose();
      };
      const read = (): ArrayLike<number> => (nchw ? toNCHW(last as Float32Array, n, c, size, size) : last!);
      const runner = await inProcessRunner(call, read, () => t.dispose([input, perm, ...(mask ? [mask] : [])]));
      // Interleaved rounds: make sure this backend is the active one before each batch of timed calls.
      return { ...runner, time: async (k) => (await t.setBackend(backend), runner.time(k)) };
    },
    close: () => {},
  };
}

/** The two TensorFlow.js rows. */
export function tfjsImpls(): Impl[] {
  return [tfjsImpl('wasm'), tfjsImpl('cpu')];
}
