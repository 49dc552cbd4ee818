/**
 * Whole MMClassification 0.25 calls replayed (test/fixtures/mixes.json, scripts/gen_fixtures.py):
 * BatchMixup / BatchCutMix / BatchResizeMix outputs computed by PyTorch, replayed through the public
 * API on every backend, out of place, in place and in NHWC, within SPEC §6.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { BatchMix } from '../src/index.js';
import type { ImageBatch, Op } from '../src/types.js';
import { forEachBackend, mixer } from './helpers/backends.js';
import { mixFixtures, type MixFixture } from './helpers/fixtures.js';

const FIXTURES = mixFixtures();

/** SPEC §6 for float32: Mixup 1e-6·(1 + |ref|), CutMix exact, ResizeMix 2e-5·(1 + |ref|). */
function tolerance(op: Op, ref: number): number {
  return op === 'mixup' ? 1e-6 * (1 + Math.abs(ref)) : op === 'resizemix' ? 2e-5 * (1 + Math.abs(ref)) : 0;
}

function expectClose(got: ArrayLike<number>, want: Float32Array, tol: (ref: number) => number, what: string): void {
  expect(got.length, `${what}: length`).toBe(want.length);
  let bad = -1;
  for (let e = 0; e < want.length && bad < 0; e++) if (!(Math.abs(got[e] - want[e]) <= tol(want[e]))) bad = e;
  expect(bad, `${what}: element ${bad}: got ${got[bad]}, torch ${want[bad]}`).toBe(-1);
}

/** [N, C, H, W] NCHW data → NHWC data, or back. */
function transpose(d: Float32Array, [n, c, h, w]: readonly number[], back = false): Float32Array {
  const out = new Float32Array(d.length);
  for (let i = 0; i < n; i++) for (let ch = 0; ch < c; ch++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const nchw = ((i * c + ch) * h + y) * w + x, nhwc = ((i * h + y) * w + x) * c + ch;
    if (back) out[nchw] = d[nhwc]; else out[nhwc] = d[nchw];
  }
  return out;
}

describe('mixes.json', () => {
  it('covers every op, both correctLam values and every interpolation', () => {
    const ops = new Set(FIXTURES.map((f) => f.params.op));
    const modes = new Set(FIXTURES.map((f) => f.params.interpolation).filter(Boolean));
    const correct = new Set(FIXTURES.filter((f) => f.params.op !== 'mixup').map((f) => f.reference.correctLam));
    expect([...ops].sort()).toEqual(['cutmix', 'mixup', 'resizemix']);
    expect(modes.size).toBe(5);
    expect([...correct].sort()).toEqual([false, true]);
  });
});

forEachBackend((backend) => {
  const mixers = new Map<number, Promise<BatchMix>>();
  const mixerFor = (k: number): Promise<BatchMix> => {
    if (!mixers.has(k)) mixers.set(k, mixer(backend, { numClasses: k }));
    return mixers.get(k)!;
  };
  afterAll(async () => {
    for (const m of mixers.values()) (await m).dispose();
  });

  for (const fx of FIXTURES) {
    describe(fx.name, () => {
      const tol = (ref: number) => tolerance(fx.params.op as Op, ref);
      const replay = async (fx: MixFixture, batch: ImageBatch, inPlace: boolean) =>
        (await mixerFor(fx.numClasses)).apply(batch, fx.labels, fx.params, { inPlace });

      it('out of place: images and labels as mmcls, input untouched', async () => {
        const before = fx.batch.data.slice();
        const out = await replay(fx, fx.batch, false);
        expect(out.images.data).not.toBe(fx.batch.data);
        expectClose(out.images.data, fx.expected.images, tol, 'images');
        expectClose(out.labels, fx.expected.labels, () => 1e-6, 'labels');
        expect(fx.batch.data).toEqual(before);
      });

      it('in place (as mmcls pastes) gives the same images', async () => {
        const data = fx.batch.data.slice();
        const out = await replay(fx, { ...fx.batch, data }, true);
        expect(out.images.data).toBe(data);
        expectClose(data, fx.expected.images, tol, 'images');
      });

      it('NHWC gives the same images after transposition', async () => {
        const [n, c, h, w] = fx.batch.shape;
        const nhwc: ImageBatch = { data: transpose(fx.batch.data, fx.batch.shape), shape: [n, h, w, c], layout: 'NHWC' };
        const out = await replay(fx, nhwc, false);
        expectClose(transpose(out.images.data as Float32Array, fx.batch.shape, true), fx.expected.images, tol, 'images');
      });
    });
  }
});
