/**
 * Backend choice (SPEC §5), as onnxruntime-web's backend-impl does it: candidates in priority order
 * (webgl2, then wasm, then js), one init each, every failure reason kept; a backend asked for by name
 * that cannot run throws and never falls back.
 */
import type { BackendFactory, KernelBackend } from './backends/backend.js';
import { BatchMixError, fail } from './errors.js';
import type { BackendChoice, BackendName } from './types.js';

export const PRIORITY: readonly BackendName[] = ['webgl2', 'wasm', 'js'];

/** What `auto` picked and why the others were passed over; later switches are appended. */
export interface BackendReport {
  backend: BackendName;
  /** For each backend tried before the one in use: why it could not run. */
  passedOver: Partial<Record<BackendName, string>>;
  /** Switches after creation (auto only), e.g. to wasm after the GL context was lost. */
  switches: { from: BackendName; to: BackendName; reason: string }[];
}

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Creates the backend for `choice`. With 'auto', tries each candidate of PRIORITY not in `skip`
 * and returns the first that initialises; throws BACKEND_UNAVAILABLE listing every reason if none does.
 */
export async function selectBackend(
  choice: BackendChoice,
  factories: Readonly<Record<BackendName, BackendFactory>>,
  skip: ReadonlySet<BackendName> = new Set(),
): Promise<{ backend: KernelBackend; passedOver: Partial<Record<BackendName, string>> }> {
  if (choice !== 'auto') {
    try {
      return { backend: await factories[choice](), passedOver: {} };
    } catch (e) {
      if (e instanceof BatchMixError && e.code !== 'INTERNAL') {
        throw new BatchMixError('BACKEND_UNAVAILABLE', `backend '${choice}' cannot run here: ${reasonOf(e)}`, { cause: e });
      }
      fail('BACKEND_UNAVAILABLE', `backend '${choice}' cannot run here: ${reasonOf(e)}`, e);
    }
  }
  const passedOver: Partial<Record<BackendName, string>> = {};
  for (const name of PRIORITY) {
    if (skip.has(name)) continue;
    try {
      return { backend: await factories[name](), passedOver };
    } catch (e) {
      passedOver[name] = reasonOf(e);
    }
  }
  const why = Object.entries(passedOver).map(([k, v]) => `[${k}] ${v}`).join('; ');
  fail('BACKEND_UNAVAILABLE', `backend 'auto': no backend can run here: ${why}`);
}
