/**
 * What every op of the wasm backend works with: the kernels' exports and the arena, and how a
 * job's arrays get into wasm memory. Arrays that are views on this memory (`data.buffer ===
 * memory.buffer`, e.g. from allocBatch) are used where they are, with no copy; other arrays go
 * through one scratch batch. All blocks a job needs are allocated before anything is written, so a
 * job that fails for memory (OUT_OF_MEMORY) leaves the caller's arrays as they were.
 * A job with `samples` writes only those samples of dst: it never runs in place on a dst that
 * received a copy of src, and a result made in a scratch is copied out for the listed samples only.
 */
import type { BlendJob } from '../backend.js';
import type { Arena } from './arena.js';
import type { KernelExports } from './module.js';
import type { PixelData } from '../../types.js';
import { BatchMixError, fail } from '../../errors.js';

export interface WasmContext {
  readonly k: KernelExports;
  readonly arena: Arena;
}

/** Where a job runs: byte pointers of its input and output batches; in place when they are equal. */
export interface JobIO {
  readonly src: number;
  readonly dst: number;
  readonly inPlace: boolean;
}

type Ctor = new (buffer: ArrayBuffer, byteOffset: number, length: number) => PixelData;

function viewAt(ctx: WasmContext, like: PixelData, ptr: number, length: number): PixelData {
  return new (like.constructor as Ctor)(ctx.k.memory.buffer, ptr, length);
}

/** to ← from, whole or (samples) sample by sample, sn elements each. */
function copyOut(to: PixelData, from: PixelData, sn: number, samples: Int32Array | undefined): void {
  if (!samples) {
    to.set(from);
    return;
  }
  for (const i of samples) to.set(from.subarray(i * sn, (i + 1) * sn), i * sn);
}

/**
 * Runs `body` with the job's batches in wasm memory and `temps` (sizes in bytes, asked for by
 * `tempsFor(inPlace)`) allocated; copies the result out to a dst that is not resident; frees
 * everything. A trap in a kernel becomes BatchMixError('INTERNAL').
 */
export function withJobMemory(
  ctx: WasmContext, job: Pick<BlendJob, 'src' | 'dst' | 'geom' | 'samples'>, op: string,
  tempsFor: (inPlace: boolean) => readonly number[],
  body: (io: JobIO, temps: readonly number[]) => void,
): void {
  const { src, dst, geom: g } = job;
  const length = g.n * g.sn;
  if (src.length !== length || dst.length !== length) {
    fail('INTERNAL', `wasm ${op}: src/dst hold ${src.length}/${dst.length} elements, the geometry needs ${length}`);
  }
  const buffer = ctx.k.memory.buffer;
  const sp = src.buffer === buffer ? src.byteOffset : -1;
  const dp = dst.buffer === buffer ? dst.byteOffset : -1;
  const same = src === dst || (src.buffer === dst.buffer && src.byteOffset === dst.byteOffset);
  const overlap = !same && src.buffer === dst.buffer &&
    src.byteOffset < dst.byteOffset + dst.byteLength && dst.byteOffset < src.byteOffset + src.byteLength;
  // copyIn: the input goes into the block the job runs in place on; copyOut: the result leaves it.
  const direct = !overlap && (sp >= 0 || same) && (dp >= 0 || same) && (sp >= 0 || dp >= 0);
  const intoDst = !overlap && !same && sp < 0 && dp >= 0 && !job.samples;
  const scratchOut = !overlap && !same && sp >= 0 && dp < 0;
  const inPlace = !(direct && !same) && !scratchOut;
  const blocks: number[] = [];
  try {
    const scratch = direct || intoDst ? -1 : ctx.arena.alloc(src.byteLength, `the ${op} scratch batch`);
    if (scratch >= 0) blocks.push(scratch);
    const temps = tempsFor(inPlace).map((bytes) => ctx.arena.alloc(bytes, `${op} temporaries`));
    blocks.push(...temps);
    // Nothing is written before this point. Views are made now: allocating may have grown the memory.
    let io: JobIO;
    if (direct) io = { src: sp, dst: same ? sp : dp, inPlace: same };
    else if (intoDst) {
      viewAt(ctx, dst, dp, length).set(src);
      io = { src: dp, dst: dp, inPlace: true };
    } else if (scratchOut) io = { src: sp, dst: scratch, inPlace: false };
    else {
      viewAt(ctx, src, scratch, length).set(sp >= 0 ? viewAt(ctx, src, sp, length) : src);
      io = { src: scratch, dst: scratch, inPlace: true };
    }
    body(io, temps);
    if (io.dst === scratch) copyOut(dp >= 0 ? viewAt(ctx, dst, dp, length) : dst, viewAt(ctx, dst, scratch, length), g.sn, job.samples);
  } catch (e) {
    if (e instanceof BatchMixError) throw e;
    fail('INTERNAL', `wasm ${op}: a kernel failed (${e instanceof Error ? e.message : String(e)})`, e);
  } finally {
    for (const b of blocks) ctx.arena.release(b);
  }
}
