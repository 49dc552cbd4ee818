// Quick timing probe of the wasm backend on the cases of research/perf-anchors.md §2 (not the
// project benchmark). Run after `npm run build` (or set BATCHMIX_DIST to another compiled tree):
//   node bench/wasm-probe.mjs [N...]
// PROBE_ONLY=<regex> keeps the cases whose "<batch> <op>" (e.g. "u8 RGBA mixup") matches.
// Batches live in wasm memory (allocBatch): the zero-copy path. Prints ms per batch (median, min),
// effective GB/s over the §2 byte counts, and the ratio to an in-process memcpy of the same batch;
// then the same from CPU time (steadier when other processes share the cores).
import { performance } from 'node:perf_hooks';

const dist = process.env.BATCHMIX_DIST ?? new URL('../dist/', import.meta.url).href;
const { createWasmBackend } = await import(new URL('src/backends/wasm/index.js', dist));
const { geometry } = await import(new URL('src/geometry.js', dist));
const { resizeTapsFor } = await import(new URL('src/plan/taps.js', dist));

const H = 224, W = 224;
function perm(n) { // Fisher–Yates with s = (s·1103515245 + 12345) mod 2^31, seed 1234 (§2)
  let s = 1234n;
  const p = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    s = (s * 1103515245n + 12345n) % 2147483648n;
    const j = Number(s % BigInt(i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}
// Wall time (median, min) and CPU time per call (user + system over all timed calls): on a shared,
// loaded machine the CPU time is the steadier figure of what the kernel costs.
function time(fn, warm = 3, reps = 11) {
  for (let i = 0; i < warm; i++) fn();
  const t = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < reps; i++) { const t0 = performance.now(); fn(); t.push(performance.now() - t0); }
  const c = process.cpuUsage(c0);
  t.sort((a, b) => a - b);
  return { med: t[reps >> 1], min: t[0], cpu: (c.user + c.system) / 1000 / reps };
}

const OPS = ['mixup', 'cutmix_oop', 'cutmix_ip', 'resizemix_oop 0.5 bilinear', 'resizemix_ip 0.5 bilinear',
  'resizemix_oop 0.63 bilinear', 'resizemix_oop 150² bilinear', 'resizemix_oop 0.5 bicubic', 'resizemix_oop 150² bicubic'];
const only = process.env.PROBE_ONLY ? new RegExp(process.env.PROBE_ONLY) : undefined;
const wasm = await createWasmBackend();
const ns = process.argv.slice(2).map(Number).filter(Boolean);
for (const n of ns.length ? ns : [32, 128]) {
  for (const [name, layout, dtype, c] of [['f32 NCHW', 'NCHW', 'float32', 3], ['u8 RGBA', 'NHWC', 'uint8', 4], ['u8 RGB', 'NHWC', 'uint8', 3]]) {
    if (only && !OPS.some((op) => only.test(`${name} ${op}`))) continue;
    const shape = layout === 'NCHW' ? [n, c, H, W] : [n, H, W, c];
    const geom = geometry(shape, layout, dtype);
    const a = wasm.allocBatch(shape, layout, dtype), b = wasm.allocBatch(shape, layout, dtype);
    a.data.forEach((_, i, d) => { d[i] = dtype === 'float32' ? ((i * 7919) % 1000) / 100 : (i * 31) % 256; });
    const B = a.data.byteLength;
    const memcpy = time(() => b.data.set(a.data));
    const memGBs = (2 * B) / memcpy.med / 1e6;
    const index = perm(n);
    const box = (y0, y1, x0, x1) => Int32Array.from({ length: 4 * n }, (_, i) => [y0, y1, x0, x1][i % 4]);
    const cut = box(33, 191, 33, 191), half = box(56, 168, 56, 168), odd = box(37, 187, 37, 187), r63 = box(41, 182, 41, 182);
    const lam = new Float32Array(n).fill(0.3);
    const rm = (boxes, mode) => ({ boxes, ...resizeTapsFor(boxes, n, H, W, mode) });
    const cases = [
      ['mixup', 3 * B, () => wasm.blend({ src: a.data, dst: b.data, geom, index, lam })],
      ['cutmix_oop', 2 * B, () => wasm.paste({ src: a.data, dst: b.data, geom, index, boxes: cut })],
      ['cutmix_ip', 2 * 0.4975 * B, () => wasm.paste({ src: a.data, dst: a.data, geom, index, boxes: cut })],
      ['resizemix_oop 0.5 bilinear', 2.75 * B, () => wasm.resizePaste({ src: a.data, dst: b.data, geom, index, ...rm(half, 'bilinear') })],
      ['resizemix_ip 0.5 bilinear', 1.25 * B, () => wasm.resizePaste({ src: a.data, dst: a.data, geom, index, ...rm(half, 'bilinear') })],
      ['resizemix_oop 0.63 bilinear', (2 - 141 * 141 / (224 * 224)) * B + B, () => wasm.resizePaste({ src: a.data, dst: b.data, geom, index, ...rm(r63, 'bilinear') })],
      ['resizemix_oop 150² bilinear', 2.75 * B, () => wasm.resizePaste({ src: a.data, dst: b.data, geom, index, ...rm(odd, 'bilinear') })],
      ['resizemix_oop 0.5 bicubic', 2.75 * B, () => wasm.resizePaste({ src: a.data, dst: b.data, geom, index, ...rm(half, 'bicubic') })],
      ['resizemix_oop 150² bicubic', 2.75 * B, () => wasm.resizePaste({ src: a.data, dst: b.data, geom, index, ...rm(odd, 'bicubic') })],
    ];
    const memCpuGBs = (2 * B) / memcpy.cpu / 1e6;
    console.log(`N=${n} ${name}: B = ${(B / 1e6).toFixed(2)} MB, memcpy ${memcpy.med.toFixed(3)} ms = ${memGBs.toFixed(1)} GB/s (cpu ${memcpy.cpu.toFixed(3)} ms = ${memCpuGBs.toFixed(1)} GB/s)`);
    for (const [op, bytes, run] of cases.filter(([op]) => !only || only.test(`${name} ${op}`))) {
      const t = time(run);
      const gbs = bytes / t.med / 1e6;
      const cpuGBs = bytes / t.cpu / 1e6;
      console.log(`  ${op.padEnd(28)} ${t.med.toFixed(3).padStart(7)} ms (min ${t.min.toFixed(3)})  ${gbs.toFixed(1).padStart(6)} GB/s  ${(100 * gbs / memGBs).toFixed(0).padStart(4)} % of memcpy | cpu ${t.cpu.toFixed(3)} ms ${(100 * cpuGBs / memCpuGBs).toFixed(0).padStart(4)} %`);
    }
    wasm.freeBatch(a);
    wasm.freeBatch(b);
  }
}
wasm.dispose();
