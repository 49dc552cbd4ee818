/**
 * webgl2 resources: every GL object the backend makes is counted by `stats()` and by an independent
 * count of the context's create/delete calls; both come back to 0 after dispose() (idempotent), and
 * neither grows over 1,000 calls.
 */
import { describe, expect, it } from 'vitest';
import { createHeadlessContext } from '../src/backends/webgl2/headless.js';
import { createWebGL2Backend, type WebGL2Backend } from '../src/backends/webgl2/index.js';
import { makeCase, runCase, type Case } from './webgl2-helpers.js';

const KINDS = ['Texture', 'Framebuffer', 'Program', 'Shader', 'Buffer', 'VertexArray'] as const;

/** Wraps gl.createX/deleteX to count live objects, whoever creates them. */
function spy(gl: WebGL2RenderingContext): Record<(typeof KINDS)[number], number> {
  const live = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<(typeof KINDS)[number], number>;
  const g = gl as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const kind of KINDS) {
    const create = g[`create${kind}`].bind(gl);
    const remove = g[`delete${kind}`].bind(gl);
    const alive = new Set<unknown>();
    g[`create${kind}`] = (...a) => { const o = create(...a); alive.add(o); live[kind] = alive.size; return o; };
    g[`delete${kind}`] = (o) => { remove(o); alive.delete(o); live[kind] = alive.size; return undefined; };
  }
  return live;
}

function counts(b: WebGL2Backend): Record<string, number> {
  const s = b.stats();
  return { Texture: s.textures, Framebuffer: s.framebuffers, Program: s.programs, Shader: s.shaders, Buffer: s.buffers, VertexArray: s.vertexArrays };
}

describe('webgl2 resources', () => {
  it('stats match the context\'s own create/delete counts, and dispose brings both to 0 (twice is a no-op)', async () => {
    const acq = await createHeadlessContext({});
    const live = spy(acq.gl);
    const b = await createWebGL2Backend({ gl: acq.gl });
    expect(counts(b)).toEqual(live);
    expect(b.stats()).toMatchObject({ programs: 0, shaders: 0, framebuffers: 1, buffers: 1, vertexArrays: 1, textures: 0 });
    const cases: Case[] = [
      makeCase('blend', [5, 3, 7, 9], 'NCHW', 'float32', 1),
      makeCase('paste', [2, 4, 3, 3], 'NHWC', 'uint8', 2),
      makeCase('resizePaste', [3, 1, 8, 6], 'NHWC', 'float32', 3, 'area'),
    ];
    for (const k of cases) await runCase(b, k, k.batch.data, k.batch.data.slice());
    const g1 = b.uploadBatch(cases[0].batch);
    b.uploadBatch(cases[1].batch);
    b.run({ kernel: 'blend', src: g1, index: cases[0].index, lam: cases[0].lam });
    expect(b.stats().gpuBatches).toBe(3);
    expect(counts(b)).toEqual(live);
    expect(b.stats().textures).toBeGreaterThan(0);
    b.dispose();
    expect(Object.values(live).every((v) => v === 0), JSON.stringify(live)).toBe(true);
    expect(b.stats()).toEqual({ textures: 0, framebuffers: 0, programs: 0, shaders: 0, buffers: 0, vertexArrays: 0, pooledTextures: 0, textureBytes: 0, gpuBatches: 0, hostBytes: 0 });
    expect(g1.released).toBe(true);
    b.dispose();
    expect(b.stats().textures).toBe(0);
    await expect(runCase(b, cases[0], cases[0].batch.data, cases[0].batch.data)).rejects.toMatchObject({ code: 'DISPOSED' });
    acq.release();
  });

  it('1,000 calls of every kernel, on CPU arrays and GPU-resident batches: no growth', async () => {
    const acq = await createHeadlessContext({});
    const live = spy(acq.gl);
    const b = await createWebGL2Backend({ gl: acq.gl });
    const cases: Case[] = [
      makeCase('blend', [3, 3, 5, 4], 'NCHW', 'float32', 1),
      makeCase('paste', [2, 1, 3, 7], 'NHWC', 'uint8', 2),
      makeCase('resizePaste', [3, 2, 4, 4], 'NCHW', 'uint8', 3, 'bicubic'),
      makeCase('resizePaste', [2, 3, 6, 5], 'NHWC', 'float32', 4, 'nearest'),
    ];
    const call = async (t: number): Promise<void> => {
      const k = cases[t % cases.length];
      if (t % 5 === 4) {
        const g = b.uploadBatch(k.batch);
        const m = b.run({ kernel: 'blend', src: g, index: k.index, lam: k.lam });
        b.run({ kernel: 'paste', src: m, dst: m, index: k.index, boxes: k.boxes });
        b.readBatch(m);
        b.releaseBatch(g);
        b.releaseBatch(m);
      } else {
        const data = k.batch.data.slice();
        await runCase(b, k, data, t % 2 ? data : k.batch.data.slice()); // in place, out of place
      }
    };
    for (let t = 0; t < 20; t++) await call(t);
    const settled = { ...live };
    const settledStats = b.stats();
    for (let t = 20; t < 1000; t++) await call(t);
    expect(live).toEqual(settled);
    expect(b.stats()).toEqual(settledStats);
    expect(b.stats().pooledTextures).toBeLessThanOrEqual(8);
    expect(b.stats().gpuBatches).toBe(0);
    b.dispose();
    expect(Object.values(live).every((v) => v === 0), JSON.stringify(live)).toBe(true);
    acq.release();
  });
});
