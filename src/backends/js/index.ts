/**
 * The js backend: plain TypeScript loops over the geometry's strides, float32 arithmetic through
 * Math.fround. It is the oracle the wasm and webgl2 backends are compared with (SPEC §5, §6), so it
 * favours the obvious form over speed: in-place calls read a snapshot of the input.
 */
import type { BlendJob, KernelBackend, PasteJob, ResizePasteJob } from '../backend.js';
import { fail } from '../../errors.js';
import { blend } from './blend.js';
import { paste } from './paste.js';
import { resizePaste } from './resize-paste.js';

/** Creates the js reference backend (always available; holds no resources). */
export function createJsBackend(): KernelBackend {
  let disposed = false;
  const alive = (op: string): void => {
    if (disposed) fail('DISPOSED', `js backend: ${op} was called after dispose(); create a new backend`);
  };
  return {
    name: 'js',
    blend(job: BlendJob): void {
      alive('blend');
      blend(job);
    },
    paste(job: PasteJob): void {
      alive('paste');
      paste(job);
    },
    resizePaste(job: ResizePasteJob): void {
      alive('resizePaste');
      resizePaste(job);
    },
    dispose(): void {
      disposed = true;
    },
  };
}
