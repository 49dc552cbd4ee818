// A TypeScript consumer of the public types, compiled with lib es2022 only (no DOM) and skipLibCheck
// off under node10, node16 and bundler resolution (scripts/check-package.mjs writes the tsconfigs).
import {
  BatchMixError, createBatchMix, paramsFromJSON, paramsToJSON,
  type BackendReport, type BatchMix, type CreateOptions, type ErrorCode, type GpuMix, type ImageBatch,
  type MixParams, type MixParamsJSON, type RunResult,
} from 'batchmix';

export async function mixOnce(pixels: Uint8Array, n: number): Promise<RunResult> {
  const options: CreateOptions = { numClasses: 10, augments: [{ op: 'cutmix', alpha: 1 }], backend: 'wasm', seed: 1 };
  const mix: BatchMix = await createBatchMix(options);
  const batch: ImageBatch = { data: pixels, shape: [n, 8, 8, 3], layout: 'NHWC' };
  try {
    const result = await mix.run(batch, new Int32Array(n));
    const saved: MixParamsJSON = paramsToJSON(result.params);
    const again: MixParams = paramsFromJSON(JSON.parse(JSON.stringify(saved)));
    await mix.apply(batch, new Int32Array(n), again, { inPlace: true });
    const report: BackendReport = mix.backendReport;
    if (report.backend !== 'wasm') throw new Error(report.backend);
    return result;
  } catch (e) {
    const code: ErrorCode | undefined = e instanceof BatchMixError ? e.code : undefined;
    throw new Error(`batchmix failed: ${code}`);
  } finally {
    mix.dispose();
  }
}

export function gpuContext(mix: BatchMix): GpuMix['gl'] {
  return mix.gpu().gl;
}
