/**
 * webgl2 contexts: acquisition (headless-gl, a context passed in, none at all), a lost context
 * before and during a call (CONTEXT_LOST, `lost`, caller's data intact, dst not half-written), shader
 * compile errors with line numbers, and bad options.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createHeadlessContext } from '../src/backends/webgl2/headless.js';
import { createWebGL2Backend } from '../src/backends/webgl2/index.js';
import { compileProgram, fragmentSource } from '../src/backends/webgl2/programs.js';
import { SHADERS } from '../src/generated/shaders.js';
import { makeCase, runCase } from './webgl2-helpers.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A headless-gl context the test owns, and how to destroy it (headless-gl's loss). */
async function ownContext(): Promise<{ gl: WebGL2RenderingContext; destroy: () => void }> {
  const acq = await createHeadlessContext({});
  return { gl: acq.gl, destroy: () => acq.release() };
}

describe('webgl2 context loss', () => {
  it('between calls: CONTEXT_LOST, lost === true, input and dst intact, every later call throws', async () => {
    const b = await createWebGL2Backend();
    const k = makeCase('blend', [4, 3, 6, 5], 'NHWC', 'float32', 5);
    await runCase(b, k, k.batch.data, k.batch.data.slice());
    expect(b.lost).toBe(false);
    b.gl.getExtension('STACKGL_destroy_context').destroy();
    const input = k.batch.data.slice();
    const dst = new Float32Array(input.length).fill(-1);
    await expect(runCase(b, k, k.batch.data, dst)).rejects.toMatchObject({ code: 'CONTEXT_LOST', message: expect.stringMatching(/lost/) });
    expect(b.lost).toBe(true);
    expect(k.batch.data).toEqual(input);
    expect(dst.every((v) => v === -1)).toBe(true);
    await expect(runCase(b, k, k.batch.data, k.batch.data)).rejects.toMatchObject({ code: 'CONTEXT_LOST' });
    expect(() => b.uploadBatch(k.batch)).toThrow(expect.objectContaining({ code: 'CONTEXT_LOST' }));
    expect(b.stats()).toMatchObject({ textures: 0, programs: 0, shaders: 0, framebuffers: 0, buffers: 0, vertexArrays: 0 });
    b.dispose();
    b.dispose();
  });

  for (const inPlace of [false, true]) {
    it(`during a chunked call (${inPlace ? 'in place' : 'out of place'}): after some chunks were read back, nothing is written`, async () => {
      const { gl, destroy } = await ownContext();
      const b = await createWebGL2Backend({ gl, limits: { maxLayers: 2 } });
      const k = makeCase('resizePaste', [6, 2, 9, 7], 'NCHW', 'uint8', 8, 'bilinear');
      const input = k.batch.data.slice();
      const dst = inPlace ? k.batch.data : new Uint8Array(input.length).fill(17);
      const draw = gl.drawArrays.bind(gl);
      const read = gl.readPixels.bind(gl) as (...a: unknown[]) => void;
      let reads = 0;
      let lostAt = -1;
      (gl as unknown as { readPixels: (...a: unknown[]) => void }).readPixels = (...a) => { reads++; read(...a); };
      gl.drawArrays = (mode: number, first: number, count: number) => {
        if (reads === 2 && lostAt < 0) { lostAt = reads; destroy(); } // the third chunk: two were drawn and read back
        draw(mode, first, count);
      };
      await expect(runCase(b, k, k.batch.data, dst)).rejects.toMatchObject({ code: 'CONTEXT_LOST' });
      expect(lostAt).toBe(2);
      expect(b.lost).toBe(true);
      expect(k.batch.data).toEqual(input);
      if (!inPlace) expect(dst.every((v) => v === 17)).toBe(true);
      b.dispose();
      expect(b.stats().textures).toBe(0);
    });
  }

  it('during a GPU-resident run: CONTEXT_LOST, the batches are released', async () => {
    const { gl, destroy } = await ownContext();
    const b = await createWebGL2Backend({ gl });
    const k = makeCase('paste', [3, 1, 4, 4], 'NHWC', 'float32', 2);
    const g = b.uploadBatch(k.batch);
    const draw = gl.drawArrays.bind(gl);
    gl.drawArrays = (mode: number, first: number, count: number) => { destroy(); draw(mode, first, count); };
    expect(() => b.run({ kernel: 'paste', src: g, index: k.index, boxes: k.boxes })).toThrow(expect.objectContaining({ code: 'CONTEXT_LOST' }));
    expect(g.released).toBe(true);
    expect(b.stats()).toMatchObject({ textures: 0, gpuBatches: 0 });
    b.dispose();
  });
});

describe('webgl2 context acquisition', () => {
  it('uses a context passed in and never destroys it', async () => {
    const { gl, destroy } = await ownContext();
    const b = await createWebGL2Backend({ gl });
    expect(b.contextSource).toBe('user');
    expect(b.gl).toBe(gl);
    b.dispose();
    expect(gl.getError()).toBe(gl.NO_ERROR); // still usable: a destroyed headless-gl context throws here
    destroy();
  });

  it('a context that is not WebGL2 is BAD_OPTIONS', async () => {
    await expect(createWebGL2Backend({ gl: {} as WebGL2RenderingContext })).rejects.toMatchObject({ code: 'BAD_OPTIONS', message: expect.stringMatching(/options\.gl/) });
  });

  it('no context without headless-gl: BACKEND_UNAVAILABLE naming why', async () => {
    await expect(createWebGL2Backend({ headless: false })).rejects.toMatchObject({
      code: 'BACKEND_UNAVAILABLE', message: expect.stringMatching(/headless-gl is disabled/),
    });
  });

  it('no context without an X display (child processes, DISPLAY unset or pointing nowhere): BACKEND_UNAVAILABLE naming DISPLAY', () => {
    // Node 20 runs no TypeScript: transpile the backend's module graph next to node_modules, then run it.
    const out = join(root, 'node_modules', '.cache', `batchmix-webgl2-child-${process.pid}`);
    try {
      const seen = new Set<string>();
      const visit = (file: string): void => {
        if (seen.has(file)) return;
        seen.add(file);
        const text = readFileSync(file, 'utf8');
        const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
        const dest = join(out, relative(root, file)).replace(/\.ts$/, '.js');
        mkdirSync(dirname(dest), { recursive: true });
        writeFileSync(dest, js);
        for (const m of js.matchAll(/from '(\.\.?\/[^']+)\.js'/g)) visit(resolve(dirname(file), `${m[1]}.ts`));
      };
      visit(join(root, 'src/backends/webgl2/index.ts'));
      visit(join(root, 'src/backends/webgl2/headless.ts'));
      writeFileSync(join(out, 'package.json'), '{ "type": "module" }');
      writeFileSync(join(out, 'child.js'), [
        "import { createWebGL2Backend } from './src/backends/webgl2/index.js';",
        'try { await createWebGL2Backend(); console.log(JSON.stringify({ code: "OK" })); }',
        'catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })); }',
      ].join('\n'));
      // DISPLAY unset (refused before headless-gl loads) and a display that does not exist (headless-gl gives null).
      for (const [display, says] of [[undefined, /DISPLAY is unset/], [':31999', /DISPLAY is ":31999"/]] as const) {
        const env = { ...process.env };
        delete env.DISPLAY;
        if (display) env.DISPLAY = display;
        const run = spawnSync(process.execPath, [join(out, 'child.js')], { env, encoding: 'utf8', timeout: 30_000 });
        const line = run.stdout.trim().split('\n').pop() ?? '';
        expect(line, run.stderr).toMatch(/^\{/);
        const result = JSON.parse(line) as { code: string; message: string };
        expect(result.code).toBe('BACKEND_UNAVAILABLE');
        expect(result.message).toMatch(says);
        expect(result.message).toMatch(/xvfb-run -a/);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('webgl2 shader programs', () => {
  it('compile on first use, once per kernel and texture format', async () => {
    const b = await createWebGL2Backend();
    expect(b.stats()).toMatchObject({ programs: 0, shaders: 0 });
    const f = makeCase('blend', [2, 3, 4, 5], 'NHWC', 'float32', 1);
    const u = makeCase('blend', [2, 3, 4, 5], 'NHWC', 'uint8', 1);
    await runCase(b, f, f.batch.data, f.batch.data.slice());
    await runCase(b, f, f.batch.data, f.batch.data.slice());
    expect(b.stats()).toMatchObject({ programs: 1, shaders: 2 });
    await runCase(b, u, u.batch.data, u.batch.data.slice());
    expect(b.stats()).toMatchObject({ programs: 2, shaders: 4 });
    b.dispose();
  });

  it('a compile error throws BACKEND_UNAVAILABLE with the line-numbered log', async () => {
    const { gl, destroy } = await ownContext();
    const broken = fragmentSource('blend', 'f32', true).replace('o_texel = store4(mix4(', 'o_texel = encodee(mix4(');
    const line = broken.split('\n').findIndex((l) => l.includes('encodee(')) + 1;
    try {
      compileProgram(gl, 'blend', SHADERS['fullscreen.vert'], broken);
      expect.fail('compiled a broken shader');
    } catch (e) {
      expect(e).toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
      const message = (e as Error).message;
      expect(message).toMatch(/'blend'/);
      expect(message).toMatch(/encodee/);
      expect(message).toContain(`${line}: `); // twgl's addLineNumbersWithError
    }
    destroy();
  });
});
