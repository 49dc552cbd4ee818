/**
 * GL work per call of the webgl2 backend (issue 8): draws, render-target switches
 * (framebufferTexture2D / framebufferTextureLayer), readbacks (readPixels) and uploads
 * (texSubImage2D/3D) of one call, counted on an instrumented headless-gl context, for each kernel on
 * float32 224×224×3 NHWC batches at each N: CPU arrays (`webgl2`: upload, draw, readback) and
 * GPU-resident batches (`webgl2-gpu`: out of place and in place). The counts do not depend on N.
 */
import { createHeadlessContext } from '../src/backends/webgl2/headless.js';
import { createWebGL2Backend } from '../src/backends/webgl2/index.js';
import { geometry } from '../src/geometry.js';
import { resizeTapsFor } from '../src/plan/taps.js';

export interface GlCalls {
  kernel: 'blend' | 'paste' | 'resizePaste';
  path: 'webgl2' | 'webgl2-gpu' | 'webgl2-gpu in place';
  n: number;
  draws: number;
  switches: number;
  readbacks: number;
  uploads: number;
}

/** Counts the GL calls of one call per kernel, path and N (see the file comment). */
export async function countGlCalls(ns: readonly number[], size = 224): Promise<GlCalls[]> {
  const acq = await createHeadlessContext({});
  const c = { draws: 0, switches: 0, readbacks: 0, uploads: 0 };
  const g = acq.gl as unknown as Record<string, (...a: unknown[]) => unknown>;
  const wrap = (name: string, key: keyof typeof c): void => {
    const f = g[name].bind(acq.gl);
    g[name] = (...a) => { c[key]++; return f(...a); };
  };
  for (const n of ['drawArrays', 'drawArraysInstanced']) wrap(n, 'draws');
  for (const n of ['framebufferTexture2D', 'framebufferTextureLayer']) wrap(n, 'switches');
  wrap('readPixels', 'readbacks');
  for (const n of ['texSubImage2D', 'texSubImage3D']) wrap(n, 'uploads');
  const b = await createWebGL2Backend({ gl: acq.gl });
  const out: GlCalls[] = [];
  try {
    for (const n of ns) {
      const geom = geometry([n, size, size, 3], 'NHWC', 'float32');
      const src = Float32Array.from({ length: n * geom.sn }, (_, e) => (e % 255) / 255);
      const dst = new Float32Array(src.length);
      const index = Int32Array.from({ length: n }, (_, i) => (i * 7 + 3) % n);
      const lam = new Float32Array(n).fill(0.3);
      const s = Math.round(size / 2);
      const boxes = Int32Array.from({ length: 4 * n }, (_, k) => [s / 2, s / 2 + s, s / 2, s / 2 + s][k % 4]);
      const t = resizeTapsFor(boxes, n, size, size, 'bilinear');
      for (const kernel of ['blend', 'paste', 'resizePaste'] as const) {
        const record = async (path: GlCalls['path'], f: () => unknown): Promise<void> => {
          await f(); // programs compiled, pool warm
          c.draws = c.switches = c.readbacks = c.uploads = 0;
          await f();
          out.push({ kernel, path, n, ...c });
        };
        const job = { src, dst, geom, index, lam, boxes, ...t };
        await record('webgl2', () => (kernel === 'blend' ? b.blend(job) : kernel === 'paste' ? b.paste(job) : b.resizePaste(job)));
        const gb = b.uploadBatch({ data: src, shape: [n, size, size, 3], layout: 'NHWC' });
        const gjob = kernel === 'blend' ? { kernel, src: gb, index, lam } as const
          : kernel === 'paste' ? { kernel, src: gb, index, boxes } as const : { kernel, src: gb, index, boxes, ...t } as const;
        await record('webgl2-gpu', () => b.releaseBatch(b.run(gjob)));
        await record('webgl2-gpu in place', () => b.run({ ...gjob, dst: gb }));
        b.releaseBatch(gb);
      }
    }
  } finally {
    b.dispose();
    acq.release();
  }
  return out;
}

/** The RESULTS.md section: one row per kernel and path, the counts at each N side by side. */
export function glCallsSection(rows: readonly GlCalls[]): string[] {
  if (rows.length === 0) return [];
  const ns = [...new Set(rows.map((r) => r.n))];
  const keys = [...new Set(rows.map((r) => `${r.kernel}|${r.path}`))];
  const cell = (r: GlCalls | undefined): string => (r ? `${r.draws} / ${r.switches} / ${r.readbacks} / ${r.uploads}` : '–');
  return [
    '## webgl2: GL work per call',
    '',
    'Draws / render-target switches / readbacks / uploads of ONE call, counted on an instrumented headless-gl context (bench/gl-calls.ts), float32 NHWC. One draw covers the whole batch (docs/gpu-layout.md); in place, CutMix and ResizeMix draw only the box texels (a scratch page, then a copy back: 2 draws).',
    '',
    `| kernel | path | ${ns.map((n) => `N=${n}`).join(' | ')} |`,
    `|---|---|${ns.map(() => '---').join('|')}|`,
    ...keys.map((k) => {
      const [kernel, path] = k.split('|');
      return `| ${kernel} | ${path} | ${ns.map((n) => cell(rows.find((r) => r.kernel === kernel && r.path === path && r.n === n))).join(' | ')} |`;
    }),
    '',
  ];
}
