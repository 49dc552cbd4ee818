/**
 * batchmix itself, through its public API (SPEC §8): `mix.apply(batch, labels, params, { inPlace | out })`
 * with the case's hand-made params, so every call also mixes N labels of K = 10 classes.
 * Out-of-place calls write into a preallocated `out` batch (no allocation per call).
 *
 * - wasm:      batches from `mix.allocBatch` (they live in the wasm memory: no copy in or out), the intended fast path
 * - wasm-copy: plain typed arrays, which the wasm backend copies into its memory and back on every call
 * - js:        the plain TypeScript reference backend (the oracle)
 * - webgl2:    plain typed arrays: upload, draw, readback on every call
 * (webgl2 on GPU-resident batches, without upload and readback: webgl2-gpu.ts)
 */
import { createBatchMix, type BackendName, type BatchMix, type ImageBatch, type PixelData } from '../../src/index.js';
import type { Case, CaseInfo } from '../cases.js';
import { inProcessRunner, type CaseInput, type Impl, type Runner } from './types.js';

function newLike(data: PixelData): PixelData {
  return new (data.constructor as new (n: number) => PixelData)(data.length);
}

/** A plain batch holding a copy of the case's input. */
function plainCopy(x: CaseInput): ImageBatch {
  return { data: x.input.slice(), shape: x.info.shape, layout: x.info.layout };
}

/** A batch from `mix.allocBatch` (wasm-resident) holding a copy of the case's input. */
function residentCopy(mix: BatchMix, x: CaseInput): ImageBatch {
  const b = mix.allocBatch(x.info.shape, x.info.layout, x.info.dtype);
  b.data.set(x.input);
  return b;
}

interface Variant {
  readonly name: string;
  readonly backend: BackendName;
  readonly resident: boolean;
  readonly description: string;
}

const VARIANTS: readonly Variant[] = [
  { name: 'wasm', backend: 'wasm', resident: true, description: 'batchmix wasm backend, batches from mix.allocBatch (resident in wasm memory: no copy)' },
  { name: 'wasm-copy', backend: 'wasm', resident: false, description: 'batchmix wasm backend on plain typed arrays (copied into wasm memory and back on every call)' },
  { name: 'js', backend: 'js', resident: false, description: 'batchmix js backend (plain TypeScript reference, the oracle)' },
  { name: 'webgl2', backend: 'webgl2', resident: false, description: 'batchmix webgl2 backend on plain typed arrays (upload, draw, readback on every call; headless-gl under Xvfb)' },
];

function batchmixImpl(v: Variant): Impl {
  let mix: BatchMix | undefined;
  return {
    name: v.name,
    group: 'batchmix',
    description: v.description,
    async init(): Promise<string | null> {
      try {
        mix = await createBatchMix({ numClasses: 10, augments: { op: 'mixup', alpha: 1 }, backend: v.backend });
        return null;
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    },
    unsupported: (_c: Case, _info: CaseInfo) => null,
    async prepare(x: CaseInput): Promise<Runner> {
      const m = mix!;
      const src = v.resident ? residentCopy(m, x) : plainCopy(x);
      const out = x.info.inPlace ? undefined : v.resident ? m.allocBatch(x.info.shape, x.info.layout, x.info.dtype) : { ...src, data: newLike(src.data) };
      const options = out ? { out } : { inPlace: true };
      const written = out ?? src;
      return inProcessRunner(
        () => m.apply(src, x.labels, x.params, options),
        () => written.data,
        () => {
          m.freeBatch(src);
          if (out) m.freeBatch(out);
        },
      );
    },
    close(): void {
      mix?.dispose();
    },
  };
}

/** The batchmix rows of the benchmark, in table order. */
export function batchmixImpls(): Impl[] {
  return VARIANTS.map(batchmixImpl);
}
