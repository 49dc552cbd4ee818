/**
 * One pass per batch (SPEC §5, issue 8): on an instrumented headless-gl context, one apply issues
 * the same number of draws, render-target switches (framebufferTexture2D / framebufferTextureLayer)
 * and readbacks (readPixels) at N = 4, 32 and 128, for every kernel and dtype, on CPU arrays and on
 * GPU-resident batches, in place and out of place (in place, CutMix and ResizeMix draw only the box
 * texels: instanced box quads). The counts are printed, and the results are
 * checked against the js oracle so that a pass that does nothing cannot pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHeadlessContext } from '../src/backends/webgl2/headless.js';
import { createWebGL2Backend, type WebGL2Backend } from '../src/backends/webgl2/index.js';
import { resizeTapsFor } from '../src/plan/taps.js';
import type { AcquiredContext } from '../src/backends/webgl2/context.js';
import { expectClose, makeCase, reference, runCase, type Kernel } from './webgl2-helpers.js';

interface Counts { draws: number; switches: number; readbacks: number; uploads: number; boxDraws: number }

let acq: AcquiredContext;
let gpu: WebGL2Backend;
const counts: Counts = { draws: 0, switches: 0, readbacks: 0, uploads: 0, boxDraws: 0 };

/** Wraps the context's calls that a per-sample implementation would repeat. */
function instrument(gl: WebGL2RenderingContext): void {
  const g = gl as unknown as Record<string, (...a: unknown[]) => unknown>;
  const wrap = (name: string, key: keyof Counts): void => {
    const f = g[name].bind(gl);
    g[name] = (...a) => { counts[key]++; return f(...a); };
  };
  for (const n of ['drawArrays', 'drawArraysInstanced', 'drawElements']) wrap(n, 'draws');
  wrap('drawArraysInstanced', 'boxDraws');
  for (const n of ['framebufferTexture2D', 'framebufferTextureLayer']) wrap(n, 'switches');
  wrap('readPixels', 'readbacks');
  for (const n of ['texSubImage2D', 'texSubImage3D']) wrap(n, 'uploads');
}

function reset(): void {
  counts.draws = counts.switches = counts.readbacks = counts.uploads = counts.boxDraws = 0;
}

beforeAll(async () => {
  acq = await createHeadlessContext({});
  instrument(acq.gl);
  gpu = await createWebGL2Backend({ gl: acq.gl });
});
afterAll(() => { gpu?.dispose(); acq?.release(); });

const KERNELS: readonly Kernel[] = ['blend', 'paste', 'resizePaste'];
const NS = [4, 32, 128] as const;

describe('webgl2: per-call GL work does not grow with N', () => {
  for (const kernel of KERNELS) {
    for (const dtype of ['float32', 'uint8'] as const) {
      it(`${kernel} ${dtype} on CPU arrays: same draws, switches and readbacks at N = ${NS.join(', ')}`, async () => {
        const seen: Counts[] = [];
        for (const n of NS) {
          const k = makeCase(kernel, [n, 3, 9, 11], 'NHWC', dtype, n, 'bilinear');
          const ref = await reference(k);
          for (const inPlace of [false, true]) {
            const dst = inPlace ? k.batch.data.slice() : new (k.batch.data.constructor as Uint8ArrayConstructor)(k.batch.data.length);
            const src = inPlace ? dst : k.batch.data;
            reset();
            await runCase(gpu, k, src, dst);
            seen.push({ ...counts });
            expectClose(dst, ref, k, `${kernel} ${dtype} N=${n}`);
          }
        }
        console.log(`${kernel} ${dtype} CPU arrays, per call at N = ${NS.join('/')} (out, in place):`, JSON.stringify(seen));
        for (const c of seen) expect(c).toEqual(seen[0]);
        expect(seen[0]).toMatchObject({ draws: 1, readbacks: 1 });
      });

      it(`${kernel} ${dtype} GPU-resident: same draws and switches at N = ${NS.join(', ')}, no readback; box-only in place`, async () => {
        const seen: Counts[] = [];
        for (const n of NS) {
          const k = makeCase(kernel, [n, 3, 9, 11], 'NHWC', dtype, n, 'bicubic');
          const ref = await reference(k);
          const b = gpu.uploadBatch(k.batch);
          const t = kernel === 'resizePaste' ? resizeTapsFor(k.boxes, n, 9, 11, 'bicubic') : undefined;
          const job = kernel === 'blend' ? { kernel, src: b, index: k.index, lam: k.lam } as const
            : kernel === 'paste' ? { kernel, src: b, index: k.index, boxes: k.boxes } as const
              : { kernel, src: b, index: k.index, boxes: k.boxes, taps: t!.taps, tapOf: t!.tapOf } as const;
          for (const inPlace of [false, true]) {
            reset();
            const out = gpu.run(inPlace ? { ...job, dst: b } : job);
            seen.push({ ...counts });
            if (!inPlace) {
              expectClose(gpu.readBatch(out).data, ref, k, `${kernel} ${dtype} N=${n} resident`);
              gpu.releaseBatch(out);
            }
          }
          expectClose(gpu.readBatch(b).data, ref, k, `${kernel} ${dtype} N=${n} resident in place`);
          gpu.releaseBatch(b);
        }
        console.log(`${kernel} ${dtype} GPU-resident, per run at N = ${NS.join('/')} (out, in place):`, JSON.stringify(seen));
        for (const c of seen.filter((_, i) => i % 2 === 0)) expect(c).toEqual(seen[0]);
        for (const c of seen.filter((_, i) => i % 2 === 1)) expect(c).toEqual(seen[1]);
        expect(seen[0]).toMatchObject({ draws: 1, readbacks: 0, boxDraws: 0 });
        // In place, the paste ops draw only the box texels (instanced box quads, then a copy back).
        expect(seen[1]).toMatchObject(kernel === 'blend' ? { draws: 1, boxDraws: 0 } : { draws: 2, boxDraws: 2 });
      });
    }
  }
});
