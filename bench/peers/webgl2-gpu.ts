/**
 * batchmix webgl2 without upload or readback, through the public GPU-resident path `mix.gpu()`
 * (src/gpu.ts: upload / alloc / apply / read / release). The batch is uploaded once per case,
 * outside the timing; each timed call is `gpu.apply(batch, labels, params, { out | inPlace })`
 * (validation, labels and resize taps included, as for apply) followed by `gl.finish()`, so the
 * time includes the GPU's work and not only its submission. The output is read back once, after
 * the first call, for the check.
 */
import { createBatchMix, type BatchMix, type GpuMix } from '../../src/index.js';
import type { Case, CaseInfo } from '../cases.js';
import { inProcessRunner, type CaseInput, type Impl, type Runner } from './types.js';

/** The 'webgl2-gpu' row (see the file comment). */
export function webgl2Gpu(): Impl {
  let mix: BatchMix | undefined;
  let gpu: GpuMix | undefined;
  return {
    name: 'webgl2-gpu',
    group: 'batchmix',
    description: 'batchmix webgl2 backend on GPU-resident batches through mix.gpu() (uploaded once; each call is gpu.apply + gl.finish, no upload or readback)',
    async init(): Promise<string | null> {
      try {
        mix = await createBatchMix({ numClasses: 10, augments: { op: 'mixup', alpha: 1 }, backend: 'webgl2' });
        gpu = mix.gpu();
        return null;
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    },
    unsupported: (_c: Case, _info: CaseInfo) => null,
    prepare(x: CaseInput): Promise<Runner> {
      const g = gpu!;
      const src = g.upload({ data: x.input.slice(), shape: x.info.shape, layout: x.info.layout });
      const out = x.info.inPlace ? undefined : g.alloc(x.info.shape, x.info.layout, x.info.dtype);
      const options = out ? { out } : { inPlace: true };
      return inProcessRunner(
        () => {
          g.apply(src, x.labels, x.params, options);
          g.gl.finish();
        },
        () => g.read(out ?? src).data,
        () => {
          g.release(src);
          if (out) g.release(out);
        },
      );
    },
    close(): void {
      mix?.dispose();
    },
  };
}
