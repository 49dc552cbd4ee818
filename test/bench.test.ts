/**
 * The benchmark harness on a tiny case (N = 2, 16×16): the JSON record format, and every
 * implementation's output against the js oracle (so the peers compute what batchmix computes).
 * No timing assertions. Runs under xvfb-run (the webgl2 rows need headless-gl).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesMoved } from '../bench/bytes.js';
import { ALL_FORMATS, ALL_OPS, caseInfo, caseParams, fixedPermutation, type Case } from '../bench/cases.js';
import { checksum, compare, makeInput } from '../bench/data.js';
import type { BenchRecord } from '../bench/record.js';
import { main } from '../bench/run.js';
import { createBatchMix } from '../src/index.js';

const PYTHON = '/usr/bin/python3';
const hasTorch = spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;

describe('bench cases and byte counts (perf-anchors §2)', () => {
  const at224 = (op: Case['op'], format: Case['format'] = 'f32'): Case => ({ op, format, n: 32, size: 224 });

  it('uses the boxes of the issue at 224×224', () => {
    expect(caseInfo(at224('cutmix_oop')).box).toEqual([33, 191, 33, 191]);
    expect(caseInfo(at224('resizemix_bilinear_0.5')).box).toEqual([56, 168, 56, 168]);
    expect(caseInfo(at224('resizemix_bilinear_0.63')).box).toEqual([41, 182, 41, 182]);
    expect(caseInfo(at224('resizemix_bicubic_0.5')).interpolation).toBe('bicubic');
  });

  it('counts the bytes an op must move: 3B, 2B, 2·area·B, (1 − area)B + B + B', () => {
    const B = 32 * 3 * 224 * 224 * 4;
    expect(bytesMoved(at224('mixup'))).toBe(3 * B);
    expect(bytesMoved(at224('cutmix_oop'))).toBe(2 * B);
    expect(bytesMoved(at224('cutmix_ip')) / B).toBeCloseTo(2 * (158 * 158) / (224 * 224), 12);
    expect(bytesMoved(at224('resizemix_bilinear_0.5')) / B).toBeCloseTo(2.75, 12);
    expect(bytesMoved(at224('resizemix_bicubic_0.5', 'rgba')) / (32 * 224 * 224 * 4)).toBeCloseTo(2.75, 12);
  });

  it('replays one fixed permutation', () => {
    const p = fixedPermutation(128);
    expect([...p].sort((a, b) => a - b)).toEqual([...Array(128).keys()]);
    expect(p).toEqual(fixedPermutation(128));
    expect(p.some((v, i) => v !== i)).toBe(true);
  });

  it('flags an output that is off by more than SPEC §6 allows', () => {
    const info = caseInfo({ op: 'cutmix_oop', format: 'rgb', n: 2, size: 16 });
    const ref = makeInput({ op: 'cutmix_oop', format: 'rgb', n: 2, size: 16 });
    const bad = ref.slice();
    bad[100] ^= 1;
    expect(compare(info, ref, ref).agrees).toBe(true);
    expect(compare(info, bad, ref)).toMatchObject({ agrees: false, firstBad: 100, maxAbsDiff: 1 });
  });
});

describe('bench harness on N = 2, 16×16', () => {
  let dir: string;
  let records: BenchRecord[];
  const lines: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'batchmix-bench-test-'));
    if (!hasTorch) console.warn(`bench test: ${PYTHON} has no torch: the torch rows are not checked here`);
    const argv = ['--n', '2', '--size', '16', '--budget-ms', '0', '--json', join(dir, 'r.json'), '--out', dir, ...(hasTorch ? ['--torch'] : [])];
    await main(argv, (l) => lines.push(l));
    records = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as BenchRecord[];
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one well-formed record per measurement', () => {
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      expect(ALL_OPS).toContain(r.op);
      expect(['float32', 'uint8']).toContain(r.dtype);
      expect(['NCHW', 'NHWC']).toContain(r.layout);
      expect(r.n).toBe(2);
      expect(typeof r.impl).toBe('string');
      for (const v of [r.msMedian, r.gbps, r.pctOfBound]) expect(Number.isFinite(v) && v! > 0).toBe(true);
      expect(r.msMin).toBeGreaterThanOrEqual(0);
      expect(r.msMin).toBeLessThanOrEqual(r.msMedian);
      expect(r.runs).toBeGreaterThanOrEqual(5);
      expect(r.gbps).toBeCloseTo(r.bytesMoved / (r.msMedian * 1e6), 9);
    }
  });

  it('measures every implementation on every case it supports (none silently missing)', () => {
    const expected = ['bound', 'wasm', 'wasm-copy', 'js', 'webgl2', 'webgl2-gpu', 'plain-js', 'tfjs-wasm', 'tfjs-cpu', ...(hasTorch ? ['torch-1t', 'torch-2t'] : [])];
    expect(lines.filter((l) => l.includes('cannot run here'))).toEqual([]);
    for (const format of ALL_FORMATS) {
      for (const op of ALL_OPS) {
        const impls = records.filter((r) => r.op === op && r.format === format).map((r) => r.impl);
        const tfjsOut = op === 'cutmix_ip' || op === 'resizemix_bicubic_0.5';
        expect(impls, `${op} ${format}`).toEqual(expected.filter((i) => !(tfjsOut && i.startsWith('tfjs'))));
      }
    }
  });

  it('every implementation agrees with the js oracle, element by element and in its checksum', async () => {
    const oracle = await createBatchMix({ numClasses: 10, augments: { op: 'mixup', alpha: 1 }, backend: 'js' });
    for (const format of ALL_FORMATS) {
      for (const op of ALL_OPS) {
        const c: Case = { op, format, n: 2, size: 16 };
        const info = caseInfo(c);
        const input = makeInput(c);
        const out = await oracle.apply({ data: input, shape: info.shape, layout: info.layout }, new Int32Array(2), caseParams(c));
        const ref = checksum(out.images.data);
        // Σ_k (1 + k mod 13) · (the largest difference SPEC §6 allows for any element).
        const weights = checksum(new Float32Array(info.elements).fill(1));
        const slack = info.kind === 'cutmix' ? 0 : info.dtype === 'uint8' ? weights : 2e-5 * (weights + ref);
        for (const r of records.filter((x) => x.op === op && x.format === format && x.impl !== 'bound')) {
          expect(r.oracleChecksum, `${r.impl} ${op} ${format}`).toBe(ref);
          expect(r.agrees, `${r.impl} ${op} ${format}: max diff ${r.maxAbsDiff}`).toBe(true);
          expect(Math.abs(r.checksum! - ref), `${r.impl} ${op} ${format} checksum`).toBeLessThanOrEqual(slack);
        }
      }
    }
    oracle.dispose();
  });

  it('writes RESULTS.md and chart.svg naming every implementation', () => {
    const md = readFileSync(join(dir, 'RESULTS.md'), 'utf8');
    const svg = readFileSync(join(dir, 'chart.svg'), 'utf8');
    expect(svg.startsWith('<svg') && svg.trimEnd().endsWith('</svg>')).toBe(true);
    for (const impl of new Set(records.map((r) => r.impl))) {
      expect(md).toContain(`| ${impl}`);
      if (impl !== 'bound') expect(svg).toContain(`>${impl}</text>`);
    }
  });
});
