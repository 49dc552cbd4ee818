/**
 * Backend choice (SPEC §5). A backend asked for by name runs everything or throws; it never falls
 * back. 'auto' routes by where the data lives and by measurement:
 *   - GPU-resident data (mix.gpu() batches, imagesToGpuBatch) runs on webgl2 whenever a WebGL2
 *     context exists: it is on the GPU already;
 *   - CPU arrays run on wasm (js when wasm cannot start) unless the GPU is a hardware GPU measured
 *     faster for a representative call, upload and readback included; a software rasteriser
 *     (webgl2/renderer.ts SOFTWARE_RENDERERS) never takes CPU arrays, and is not measured.
 * As onnxruntime-web's backend-impl: one init per candidate, every failure reason kept, one
 * combined error when none works. `backendReport` says what runs where and why.
 */
import type { BackendFactory, KernelBackend } from './backends/backend.js';
import type { RendererInfo } from './backends/webgl2/renderer.js';
import { BatchMixError, fail } from './errors.js';
import { geometry } from './geometry.js';
import type { BackendChoice, BackendName } from './types.js';

export const PRIORITY: readonly BackendName[] = ['webgl2', 'wasm', 'js'];

/** How 'auto' routes CPU arrays: by measurement (default), always to webgl2 when it exists, or never. */
export type CpuArraysPolicy = 'measure' | 'webgl2' | 'cpu';

/** What 'auto' picked for what, and why; later switches are appended. */
export interface BackendReport {
  /** The backend that runs CPU arrays (`mix.backend`). */
  backend: BackendName;
  /** Why `backend` runs CPU arrays. */
  reason: string;
  /** The backend of GPU-resident batches (`mix.gpu()`): 'webgl2', or null without a WebGL2 context. */
  gpu: 'webgl2' | null;
  /** The WebGL2 renderer (string, source, software or not), when a context exists. */
  renderer: RendererInfo | null;
  /** The measurement behind the choice (hardware GPUs only): the call and each backend's best time in ms. */
  measured: { call: string; ms: Partial<Record<BackendName, number>> } | null;
  /** For each backend that does not run CPU arrays: why. */
  passedOver: Partial<Record<BackendName, string>>;
  /** Switches after creation (auto only), e.g. to wasm after the GL context was lost. */
  switches: { from: BackendName; to: BackendName; reason: string }[];
}

export interface Selection {
  /** Runs CPU arrays. */
  cpu: KernelBackend;
  /** Runs GPU-resident batches (the same object as `cpu` when that is webgl2). */
  gpu: KernelBackend | undefined;
  report: BackendReport;
}

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The representative call 'auto' measures: float32 Mixup of 8 samples 64×64×3 NHWC, CPU arrays in and out. */
export const MEASURED_CALL = 'float32 Mixup 8×64×64×3 NHWC, upload and readback included';

/** Best of 3 timed calls (after one untimed) of MEASURED_CALL on `k`, in ms. */
export async function measureCall(k: KernelBackend): Promise<number> {
  const geom = geometry([8, 64, 64, 3], 'NHWC', 'float32');
  const src = Float32Array.from({ length: geom.n * geom.sn }, (_, e) => (e % 251) / 251);
  const dst = new Float32Array(src.length);
  const job = { src, dst, geom, index: Int32Array.from([7, 6, 5, 4, 3, 2, 1, 0]), lam: new Float32Array(8).fill(0.3) };
  await k.blend(job);
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    await k.blend(job);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/** A backend asked for by name: created, or BACKEND_UNAVAILABLE saying why. */
async function named(choice: BackendName, factories: Readonly<Record<BackendName, BackendFactory>>): Promise<KernelBackend> {
  try {
    return await factories[choice]();
  } catch (e) {
    if (e instanceof BatchMixError && e.code !== 'INTERNAL') {
      throw new BatchMixError('BACKEND_UNAVAILABLE', `backend '${choice}' cannot run here: ${reasonOf(e)}`, { cause: e });
    }
    fail('BACKEND_UNAVAILABLE', `backend '${choice}' cannot run here: ${reasonOf(e)}`, e);
  }
}

function rendererOf(k: KernelBackend | undefined): RendererInfo | null {
  return (k as { renderer?: RendererInfo } | undefined)?.renderer ?? null;
}

/**
 * Creates the backends for `choice`. Named: that backend for everything. 'auto': see the module
 * comment; `skip` leaves candidates out (after a lost context); `policy` overrides the measurement.
 */
export async function selectBackend(
  choice: BackendChoice,
  factories: Readonly<Record<BackendName, BackendFactory>>,
  skip: ReadonlySet<BackendName> = new Set(),
  policy: CpuArraysPolicy = 'measure',
): Promise<Selection> {
  if (choice !== 'auto') {
    const k = await named(choice, factories);
    return {
      cpu: k, gpu: k.name === 'webgl2' ? k : undefined,
      report: { backend: k.name, reason: 'asked for by name', gpu: k.name === 'webgl2' ? 'webgl2' : null, renderer: rendererOf(k),
        measured: null, passedOver: {}, switches: [] },
    };
  }
  const passedOver: Partial<Record<BackendName, string>> = {};
  let gl: KernelBackend | undefined;
  if (!skip.has('webgl2')) {
    try { gl = await factories.webgl2(); } catch (e) { passedOver.webgl2 = reasonOf(e); }
  }
  let cpu: KernelBackend | undefined;
  for (const name of ['wasm', 'js'] as const) {
    if (skip.has(name)) continue;
    try { cpu = await factories[name](); break; } catch (e) { passedOver[name] = reasonOf(e); }
  }
  const renderer = rendererOf(gl);
  const report = (k: KernelBackend, reason: string, measured: BackendReport['measured'] = null): Selection => ({
    cpu: k, gpu: gl, report: { backend: k.name, reason, gpu: gl ? 'webgl2' : null, renderer, measured, passedOver, switches: [] },
  });
  if (!gl && !cpu) {
    const why = Object.entries(passedOver).map(([k, v]) => `[${k}] ${v}`).join('; ');
    fail('BACKEND_UNAVAILABLE', `backend 'auto': no backend can run here: ${why}`);
  }
  if (!gl) return report(cpu!, `no WebGL2 context: CPU arrays run on ${cpu!.name}`);
  if (!cpu) return report(gl, 'no CPU backend could start: CPU arrays run on webgl2');
  const r = renderer!;
  if (policy === 'webgl2') {
    passedOver[cpu.name] = 'for CPU arrays: options.webgl2.cpuArrays = \'webgl2\'';
    cpu.dispose();
    return report(gl, `options.webgl2.cpuArrays = 'webgl2': CPU arrays run on webgl2 (${r.renderer})`);
  }
  if (policy === 'cpu') {
    passedOver.webgl2 = `CPU arrays: options.webgl2.cpuArrays = 'cpu'; GPU-resident batches run on webgl2`;
    return report(cpu, passedOver.webgl2);
  }
  if (r.software) {
    passedOver.webgl2 = `for CPU arrays: ${r.renderer} is a software rasteriser (matched "${r.matched}"); GPU-resident batches (mix.gpu()) still run on webgl2`;
    return report(cpu, `the WebGL2 renderer is a software rasteriser (${r.renderer}): CPU arrays run on ${cpu.name}`);
  }
  let ms: Partial<Record<BackendName, number>>;
  try {
    ms = { webgl2: await measureCall(gl), [cpu.name]: await measureCall(cpu) };
  } catch (e) {
    passedOver.webgl2 = `for CPU arrays: the measurement failed on ${r.renderer}: ${reasonOf(e)}`;
    return report(cpu, `measuring webgl2 failed: CPU arrays run on ${cpu.name}`);
  }
  const measured = { call: MEASURED_CALL, ms };
  const figures = `${MEASURED_CALL}: webgl2 ${ms.webgl2!.toFixed(2)} ms, ${cpu.name} ${ms[cpu.name]!.toFixed(2)} ms`;
  if (ms.webgl2! < ms[cpu.name]!) {
    passedOver[cpu.name] = `for CPU arrays: measured slower than the GPU (${figures})`;
    cpu.dispose();
    return report(gl, `hardware GPU (${r.renderer}) measured faster for CPU arrays (${figures})`, measured);
  }
  passedOver.webgl2 = `for CPU arrays: measured slower than ${cpu.name} on ${r.renderer} (${figures}); GPU-resident batches still run on webgl2`;
  return report(cpu, `${cpu.name} measured faster than the GPU (${r.renderer}) for CPU arrays (${figures})`, measured);
}
