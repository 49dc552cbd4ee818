/**
 * Batches that live in the wasm memory (zero copy: SPEC §5). `data` is a getter returning a view on
 * the memory, made again whenever the memory has grown (growing detaches the old buffer), so a
 * caller who reads `batch.data` when it needs it always gets a live view. Jobs on these views run
 * where the data is. A freed batch, or any batch after dispose, throws when its data is read.
 * Each allocation also reserves room for one job's temporaries on the batch (an image, the resize
 * rows and taps), so that jobs on it do not grow the memory and views taken before a job stay live.
 */
import type { DType, ImageBatch, Layout, PixelData } from '../../types.js';
import { fail } from '../../errors.js';
import { geometry } from '../../geometry.js';
import type { Arena } from './arena.js';

type Shape = readonly [number, number, number, number];

export class ResidentBatches {
  /** Live batches and their blocks. */
  private readonly live = new Map<ImageBatch, number>();

  constructor(private readonly memory: WebAssembly.Memory, private readonly arena: Arena) {}

  /** A zero-filled batch in wasm memory (Float32Array for 'float32', Uint8Array for 'uint8'). */
  alloc(shape: Shape, layout: Layout, dtype: DType): ImageBatch {
    const g = geometry(shape, layout, dtype);
    const length = g.n * g.sn;
    const Ctor = dtype === 'float32' ? Float32Array : Uint8Array;
    const ptr = this.arena.alloc(length * Ctor.BYTES_PER_ELEMENT, `allocBatch [${shape.join(', ')}] ${dtype}`);
    this.arena.reserve(g.sn * Ctor.BYTES_PER_ELEMENT + 24 * g.w * g.c + 64 * (g.h + g.w) + 65536);
    const { memory, live } = this;
    let view: PixelData = new Ctor(memory.buffer, ptr, length);
    view.fill(0);
    const batch: ImageBatch = {
      get data(): PixelData {
        if (!live.has(batch)) fail('DISPOSED', `wasm: this batch [${shape.join(', ')}] was freed (freeBatch or dispose); allocate a new one`);
        if (view.buffer !== memory.buffer) view = new Ctor(memory.buffer, ptr, length);
        return view;
      },
      shape: [shape[0], shape[1], shape[2], shape[3]],
      layout,
    };
    live.set(batch, ptr);
    return batch;
  }

  /** Releases a batch from alloc; batches from elsewhere, or freed already, are ignored. */
  free(batch: ImageBatch): void {
    const ptr = this.live.get(batch);
    if (ptr === undefined) return;
    this.live.delete(batch);
    this.arena.release(ptr);
  }

  /** Forgets every batch (dispose). */
  clear(): void {
    this.live.clear();
  }
}
