/**
 * batchmix webgl2 without upload or readback: the backend's GPU-resident methods
 * (src/backends/webgl2/index.ts: uploadBatch / allocGpuBatch / run / readBatch / releaseBatch).
 * The batch is uploaded once per case, outside the timing; each timed call is `backend.run(job)`
 * (the resize taps computed by the planner and uploaded per call, as apply does) followed by
 * `gl.finish()`, so the time includes the GPU's work and not only its submission. The output is
 * read back once, after the first call, for the check. Out of place writes into a second GPU batch;
 * in place passes dst = src.
 */
import type { GpuJob, WebGL2Backend } from '../../src/backends/webgl2/index.js';
import { createWebGL2Backend } from '../../src/backends/webgl2/index.js';
import { geometry } from '../../src/geometry.js';
import { resizeTapsFor } from '../../src/plan/taps.js';
import type { Case, CaseInfo } from '../cases.js';
import { inProcessRunner, type CaseInput, type Impl, type Runner } from './types.js';

/** The GPU job of a case, with fresh taps for resizemix (what the API computes per call). */
function jobOf(x: CaseInput, src: GpuJob['src'], dst: GpuJob['src']): GpuJob {
  const p = x.params;
  if (p.op === 'mixup') return { kernel: 'blend', src, dst, index: p.index, lam: p.lam };
  if (p.op === 'cutmix') return { kernel: 'paste', src, dst, index: p.index, boxes: p.boxes! };
  const { n, h, w } = geometry(x.info.shape, x.info.layout, x.info.dtype);
  const { taps, tapOf } = resizeTapsFor(p.boxes!, n, h, w, p.interpolation ?? 'bilinear');
  return { kernel: 'resizePaste', src, dst, index: p.index, boxes: p.boxes!, taps, tapOf };
}

export function webgl2Gpu(): Impl {
  let backend: WebGL2Backend | undefined;
  return {
    name: 'webgl2-gpu',
    group: 'batchmix',
    description: 'batchmix webgl2 backend on GPU-resident batches (uploaded once; each call is run + gl.finish, no upload or readback)',
    async init(): Promise<string | null> {
      try {
        backend = await createWebGL2Backend();
        return null;
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    },
    unsupported: (_c: Case, _info: CaseInfo) => null,
    prepare(x: CaseInput): Promise<Runner> {
      const b = backend!;
      const src = b.uploadBatch({ data: x.input.slice(), shape: x.info.shape, layout: x.info.layout });
      const dst = x.info.inPlace ? src : b.allocGpuBatch(x.info.shape, x.info.layout, x.info.dtype);
      return inProcessRunner(
        () => {
          b.run(jobOf(x, src, dst));
          b.gl.finish();
        },
        () => b.readBatch(dst).data,
        () => {
          b.releaseBatch(src);
          if (dst !== src) b.releaseBatch(dst);
        },
      );
    },
    close(): void {
      backend?.dispose();
    },
  };
}
