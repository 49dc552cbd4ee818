/**
 * OUT_OF_MEMORY on every backend when an allocation really fails (issue 11). A child process builds
 * an instance and a 128 MiB float32 batch, reports its address-space size, and waits; the test then
 * caps that child's address space (prlimit --as) at its size + 48 MiB, so the 128 MiB that the call
 * needs next (the output of an out-of-place apply, the js oracle's in-place snapshot, the webgl2
 * readback array of gpu.read) cannot be had: the engine throws RangeError "Array buffer allocation
 * failed", and the caller must get a BatchMixError OUT_OF_MEMORY with its batch untouched.
 * The src graph runs in the child transpiled (helpers/child-graph.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, transpileGraph } from './helpers/child-graph.js';

const out = join(root, 'node_modules', '.cache', `batchmix-oom-child-${process.pid}`);
const MARGIN_KIB = 48 * 1024;

// The child: make the instance and the batch, say READY with VmSize, wait for "go", make the call.
const CHILD = `
import { readFileSync } from 'node:fs';
import { createBatchMix } from './src/index.js';
const [backend, call] = process.argv.slice(2);
const mix = await createBatchMix({ numClasses: 2, augments: [{ op: 'mixup', alpha: 1 }], backend, seed: 0 });
const shape = [32, 4, 512, 512]; // 32 Mi float32 = 128 MiB
const data = new Float32Array(32 * 4 * 512 * 512);
for (let i = 0; i < data.length; i += 4099) data[i] = i % 251;
const sum = () => { let s = 0; for (let i = 0; i < data.length; i += 4099) s += data[i]; return s; };
const before = sum();
const batch = { data, shape, layout: 'NCHW' };
const labels = new Int32Array(32);
const params = { op: 'mixup', index: Int32Array.from({ length: 32 }, (_, i) => 31 - i), lam: new Float32Array(32).fill(0.5) };
const gpu = call === 'gpu.read' ? mix.gpu() : undefined;
const onGpu = gpu?.upload(batch);
const vm = Number(/VmSize:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]);
console.log('READY ' + vm);
process.stdin.once('data', async () => {
  let result;
  try {
    if (call === 'gpu.read') gpu.read(onGpu);
    else await mix.apply(batch, labels, params, { inPlace: call === 'inPlace' });
    result = { code: 'OK' };
  } catch (e) {
    result = { code: e.code ?? e.constructor.name, message: e.message, cause: e.cause?.message };
  }
  console.log(JSON.stringify({ ...result, intact: sum() === before, backend: mix.backend }));
  process.exit(0);
});
`;

/** Runs the child for (backend, call) under the cap; returns its JSON line. */
async function underCap(backend: string, call: string): Promise<{ code: string; message?: string; cause?: string; intact: boolean; backend: string }> {
  const child = spawn(process.execPath, [join(out, 'child.js'), backend, call], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d; });
  const done = new Promise<number | null>((res) => child.on('exit', res));
  await new Promise<void>((res, rej) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      const ready = /READY (\d+)/.exec(stdout);
      if (!ready || stdout.includes('capped')) return;
      stdout += '\ncapped\n';
      const cap = (Number(ready[1]) + MARGIN_KIB) * 1024;
      const r = spawnSync('prlimit', [`--pid=${child.pid}`, `--as=${cap}:${cap}`], { encoding: 'utf8' });
      if (r.status !== 0) rej(new Error(`prlimit failed: ${r.stderr}`));
      else { child.stdin.write('go\n'); res(); }
    });
    child.on('exit', () => rej(new Error(`child ended before READY: ${stderr}`)));
  });
  const status = await done;
  const line = stdout.trim().split('\n').pop() ?? '';
  expect(line, `exit ${status}: ${stderr}`).toMatch(/^\{/);
  return JSON.parse(line);
}

describe('OUT_OF_MEMORY when an allocation fails (address space capped with prlimit)', () => {
  beforeAll(() => {
    transpileGraph(join(root, 'src/index.ts'), out);
    writeFileSync(join(out, 'child.js'), CHILD);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const cases: [string, string][] = [['js', 'outOfPlace'], ['js', 'inPlace'], ['wasm', 'outOfPlace'], ['webgl2', 'outOfPlace'], ['webgl2', 'gpu.read']];
  for (const [backend, call] of cases) {
    it(`${backend}, ${call}: BatchMixError OUT_OF_MEMORY, the batch untouched`, async () => {
      const r = await underCap(backend, call);
      expect(r.backend).toBe(backend);
      expect(r).toMatchObject({ code: 'OUT_OF_MEMORY', intact: true });
      expect(r.message).toMatch(/out of memory/);
      expect(r.cause).toMatch(/allocation failed/i);
    });
  }
});
