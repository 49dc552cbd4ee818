/**
 * The dense-target cases of `npm run bench` (bench/dense.ts) on a tiny case (N = 2, 16×16):
 * `--dense-only` measures every op × variant on wasm and webgl2 and writes them with --json;
 * the RESULTS.md section lists every row.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DENSE_OPS, DENSE_VARIANTS, denseMarkdown, type DenseRecord } from '../bench/dense.js';
import { main } from '../bench/run.js';

const dir = mkdtempSync(join(tmpdir(), 'batchmix-bench-dense-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench: dense targets', () => {
  it('--dense-only measures every op and variant on wasm and webgl2, and leaves RESULTS.md alone', async () => {
    const lines: string[] = [];
    const json = join(dir, 'dense.json');
    const r = await main(['--dense-only', '--n', '2', '--size', '16', '--budget-ms', '0', '--rounds', '1', '--json', json, '--out', dir], (l) => lines.push(l));
    expect(r).toBeNull();
    expect(lines.filter((l) => l.includes('cannot run here'))).toEqual([]);
    expect(() => readFileSync(join(dir, 'RESULTS.md'))).toThrow();
    const records = JSON.parse(readFileSync(json, 'utf8')) as DenseRecord[];
    for (const backend of ['wasm', 'webgl2']) {
      for (const op of DENSE_OPS) {
        const got = records.filter((x) => x.backend === backend && x.op === op);
        expect(got.map((x) => x.variant)).toEqual([...DENSE_VARIANTS]);
        for (const x of got) {
          expect(x.n).toBe(2);
          expect(x.runs).toBeGreaterThanOrEqual(3);
          expect(x.msMin).toBeGreaterThan(0);
          expect(x.msMin).toBeLessThanOrEqual(x.msMedian);
        }
      }
    }
    const md = denseMarkdown(records);
    expect(md).toContain('## Dense targets');
    expect(md.split('\n').filter((l) => /^\| (wasm|webgl2) \|/.test(l))).toHaveLength(2 * DENSE_OPS.length);
  }, 120_000);
});
