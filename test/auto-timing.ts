/**
 * Shared by the Node and Chromium 'auto' checks (issue 8): an 'auto' instance runs CPU arrays within
 * 1.5× of a wasm instance's time (best of 15 calls each, interleaved, float32 Mixup N=32 64×64×3
 * and uint8 ResizeMix N=32 64×64×4), and its report names the renderer.
 */
import { expect } from 'vitest';
import { createBatchMix, type BatchMix } from '../src/index.js';
import { randomBatch } from './helpers/data.js';

async function best(mix: BatchMix, run: () => Promise<unknown>): Promise<number> {
  void mix;
  const t = performance.now();
  await run();
  return performance.now() - t;
}

export async function expectAutoNearWasm(renderer: RegExp): Promise<string> {
  const augments = [{ op: 'mixup' as const, alpha: 1 }];
  const auto = await createBatchMix({ numClasses: 4, augments, backend: 'auto' });
  const wasm = await createBatchMix({ numClasses: 4, augments, backend: 'wasm' });
  try {
    expect(auto.backendReport.renderer?.renderer).toMatch(renderer);
    expect(auto.backendReport.reason).toMatch(renderer);
    const lines: string[] = [];
    for (const [dtype, c, op] of [['float32', 3, 'mixup'], ['uint8', 4, 'resizemix']] as const) {
      const batch = randomBatch(32, c, 64, 64, 'NHWC', dtype, 3);
      const labels = Int32Array.from({ length: 32 }, (_, i) => i % 4);
      const p = { ...auto.sample(batch.shape, 'NHWC'), op, ...(op === 'resizemix' ? { boxes: Int32Array.from({ length: 128 }, (_, k) => [8, 40, 8, 40][k % 4]), interpolation: 'bilinear' as const } : {}) };
      const times = { auto: Infinity, wasm: Infinity };
      for (let r = 0; r < 15; r++) {
        times.auto = Math.min(times.auto, await best(auto, () => auto.apply(batch, labels, p)));
        times.wasm = Math.min(times.wasm, await best(wasm, () => wasm.apply(batch, labels, p)));
      }
      lines.push(`${op} ${dtype} N=32 64x64x${c}: auto (${auto.backend}) ${times.auto.toFixed(2)} ms, wasm ${times.wasm.toFixed(2)} ms`);
      expect(times.auto, lines.at(-1)).toBeLessThanOrEqual(1.5 * times.wasm + 0.05);
    }
    return `${lines.join('; ')}; auto chose ${auto.backend}: ${auto.backendReport.reason}`;
  } finally {
    auto.dispose();
    wasm.dispose();
  }
}
