/**
 * The memory bound of a case: `dst.set(src)` on two Uint8Arrays of bytesMoved/2 bytes each, so the
 * copy reads and writes exactly the bytes the op must move (bytes.ts). Its time is the denominator
 * of "% of the memory bound": an implementation at 100 % moves its minimum bytes as fast as the
 * engine's own memcpy (perf-anchors.md §3: TypedArray.set runs at C memcpy speed).
 */
import { inProcessRunner, type CaseInput, type Impl, type Runner } from './types.js';

export function memoryBound(): Impl {
  return {
    name: 'bound',
    group: 'bound',
    description: 'memory bound: Uint8Array.prototype.set copying bytesMoved/2 bytes (reads + writes = the bytes the op must move)',
    init: async () => null,
    unsupported: () => null,
    prepare(x: CaseInput): Promise<Runner> {
      const half = Math.max(1, Math.round(x.bytes / 2));
      const src = new Uint8Array(half).fill(1);
      const dst = new Uint8Array(half);
      return inProcessRunner(() => dst.set(src), () => null);
    },
    close: () => {},
  };
}
