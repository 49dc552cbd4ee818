/**
 * The memory bound of a case, as research/perf-anchors.md §2 defines it: the time a TypedArray.set
 * copy takes to move the bytes the op must move (bytes.ts), at the bandwidth it reaches on one batch.
 * Each call copies one batch, `dst.set(src)` on two Uint8Arrays of B bytes (2B moved: the working set
 * of an out-of-place op, so it sits in the same cache level as the op's data), and its time t is
 * scaled to the op's bytes: bound ms = t · bytesMoved / 2B. An implementation at 100 % moves its
 * minimum bytes as fast as the engine's memcpy (perf-anchors §3: TypedArray.set runs at C memcpy speed);
 * above 100 % happens when an op reads data twice and the second read hits the cache (Mixup), or
 * when its working set is smaller than a batch (in-place CutMix).
 */
import { inProcessRunner, type CaseInput, type Impl, type Runner } from './types.js';

/** The 'bound' row (see the file comment). */
export function memoryBound(): Impl {
  return {
    name: 'bound',
    group: 'bound',
    description: 'memory bound: Uint8Array.prototype.set copying one batch (B → B bytes), scaled to the bytes the op must move (t · bytesMoved / 2B)',
    init: async () => null,
    unsupported: () => null,
    async prepare(x: CaseInput): Promise<Runner> {
      const B = x.info.batchBytes;
      const src = new Uint8Array(B).fill(1);
      const dst = new Uint8Array(B);
      const scale = x.bytes / (2 * B);
      const runner = await inProcessRunner(() => dst.set(src), () => null);
      return {
        ...runner,
        firstMs: runner.firstMs * scale,
        time: async (k) => (await runner.time(k)).map((t) => t * scale),
      };
    },
    close: () => {},
  };
}
