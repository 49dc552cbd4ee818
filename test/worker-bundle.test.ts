/**
 * A wasm-only module worker bundled by Vite (issue 11; README "Workers and bundlers"). With
 * `worker: { format: 'es' }` the worker's entry and what it imports statically carry no GL code
 * (no GLSL, no twgl): the webgl2 backend is a chunk fetched only if asked for, and the wasm backend
 * one fetched on createBatchMix. With Vite's default format ('iife') everything is inlined into one
 * file, GL code included: the reason the README says to set 'es'. Sizes are printed for the README.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixture = join(root, 'test/fixtures/wasm-worker');
const out = mkdtempSync(join(tmpdir(), 'batchmix-worker-bundle-'));
const GL_CODE = /#version 300 es|createProgramInfo/;
const WASM = /AGFzbQ/; // base64 of the wasm magic number

/** Builds the fixture with the given worker format; returns the worker files, name → text. */
async function bundle(format: 'iife' | 'es'): Promise<Map<string, string>> {
  const dir = join(out, format);
  await build({
    root: fixture, configFile: false, logLevel: 'silent',
    worker: { format },
    build: { outDir: dir, emptyOutDir: true, minify: true },
  });
  const assets = join(dir, 'assets');
  return new Map(readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => [f, readFileSync(join(assets, f), 'utf8')]));
}

/** The files a module loads before it runs: itself and its static imports, transitively. */
function staticClosure(files: Map<string, string>, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name) || !files.has(name)) return;
    seen.add(name);
    const text = files.get(name)!;
    for (const m of text.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{},\s]+from\s*)?["']\.\/([^"']+)["']/g)) visit(m[1]);
  };
  visit(entry);
  return [...seen];
}

const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;

describe('a wasm-only module worker bundled by Vite', () => {
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("worker.format 'es': the worker loads no GL code; wasm and webgl2 are separate chunks", async () => {
    const files = await bundle('es');
    const entry = [...files.keys()].find((f) => f.startsWith('worker'))!;
    expect(entry).toBeDefined();
    const loaded = staticClosure(files, entry);
    for (const f of loaded) expect(files.get(f), f).not.toMatch(GL_CODE);
    const glChunks = [...files.keys()].filter((f) => GL_CODE.test(files.get(f)!));
    const wasmChunks = [...files.keys()].filter((f) => WASM.test(files.get(f)!));
    expect(glChunks.length).toBeGreaterThan(0);
    expect(wasmChunks.length).toBe(1);
    expect(loaded).not.toContain(wasmChunks[0]); // fetched by createBatchMix, not before
    const size = (names: string[]): number => names.reduce((s, f) => s + files.get(f)!.length, 0);
    console.log(`es: worker entry + static imports ${kib(size(loaded))}, wasm chunk ${kib(size(wasmChunks))}, ` +
      `GL chunks (never fetched by this worker) ${kib(size(glChunks))}`);
  }, 120_000);

  it("Vite's default worker format (iife) inlines every backend, GL code included", async () => {
    const files = await bundle('iife');
    const workers = [...files.keys()].filter((f) => f.startsWith('worker'));
    expect(workers).toHaveLength(1);
    const text = files.get(workers[0])!;
    expect(text).toMatch(GL_CODE);
    expect(text).toMatch(WASM);
    console.log(`iife: one worker file of ${kib(text.length)}`);
  }, 120_000);
});
