/**
 * The implementation of `mix.gpu()` (types in gpu.ts): validation, labels and resize taps are the
 * same shared code as `apply`'s; the webgl2 backend runs the kernels on GPU-resident batches.
 */
import type { WebGL2Backend } from './backends/webgl2/index.js';
import { fail } from './errors.js';
import type { GpuBatch, GpuMix } from './gpu.js';
import { mixLabels } from './labels.js';
import type { NormalizedOptions } from './options.js';
import { withMemory } from './memory.js';
import { resizeTapsFor } from './plan/taps.js';
import { checkParams } from './validate.js';

export function gpuMix(backend: WebGL2Backend, options: NormalizedOptions): GpuMix {
  return {
    get gl() {
      return backend.gl;
    },
    upload: (batch) => backend.uploadBatch(batch),
    alloc: (shape, layout, dtype) => backend.allocGpuBatch(shape, layout, dtype),
    read: (batch, into) => backend.readBatch(batch, into),
    release: (batch) => backend.releaseBatch(batch),
    plan: (shape, layout, dtype, storage) => backend.planGpuBatch(shape, layout, dtype, storage),
    wrap: (pages, shape, layout, dtype, storage) => backend.wrapGpuBatch(pages, shape, layout, dtype, storage),
    apply: (batch, labels, params, opts = {}) => withMemory('gpu.apply', () => {
      const g = batch?.geom;
      if (!g) fail('BAD_SHAPE', `gpu.apply: batch must be a GpuBatch from gpu.upload or gpu.alloc`);
      const p = checkParams('gpu.apply', params, g.n, g.h, g.w);
      const mixed = mixLabels(p.op, labels, g.n, options.numClasses, options.labelSmoothing, p.index, p.lam);
      if (opts.inPlace && opts.out) fail('BAD_PARAMS', `gpu.apply (${p.op}): give options.inPlace or options.out, not both`);
      const dst = opts.inPlace ? batch : opts.out;
      let images: GpuBatch;
      if (p.op === 'mixed') {
        fail('BAD_PARAMS', `gpu.apply (mixed): per-sample ops (perSample, op 'mixed') are not supported on ` +
          'GPU-resident batches yet; apply on CPU arrays runs them on every backend');
      } else if (p.op === 'identity') {
        images = dst === batch ? batch : backend.run({ kernel: 'paste', src: batch, dst, index: p.index, boxes: new Int32Array(4 * g.n) });
      } else if (p.op === 'mixup') {
        images = backend.run({ kernel: 'blend', src: batch, dst, index: p.index, lam: p.lam });
      } else if (p.op === 'cutmix') {
        images = backend.run({ kernel: 'paste', src: batch, dst, index: p.index, boxes: p.boxes! });
      } else {
        const t = resizeTapsFor(p.boxes!, g.n, g.h, g.w, p.interpolation ?? 'bilinear');
        images = backend.run({ kernel: 'resizePaste', src: batch, dst, index: p.index, boxes: p.boxes!, ...t });
      }
      return { images, labels: mixed };
    }),
  };
}
