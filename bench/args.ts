/** The command line of `npm run bench` (see USAGE). */
import { ALL_FORMATS, ALL_OPS, type CaseOp, type Format } from './cases.js';
import type { BenchOptions } from './harness.js';

export const USAGE = `usage: node dist/bench/run.js [options]
  --quick             a subset in under a minute: N=32, float32 NCHW and uint8 RGBA, four ops, no tfjs-cpu
  --all               also what the default run leaves out to stay near 10 minutes (bench/scope.ts)
  --torch             add PyTorch (1 and 2 threads) through --python (default /usr/bin/python3)
  --json FILE         write one JSON record per measurement to FILE
  --out DIR           where RESULTS.md and chart.svg go (default: bench); --no-report writes neither
  --ops LIST          of ${ALL_OPS.join(', ')}
  --formats LIST      of ${ALL_FORMATS.join(', ')}
  --n LIST            batch sizes (default 32,128)
  --size S            image side (default 224)
  --impls LIST        only these implementations (bound always runs)
  --rounds R          interleaved rounds (default 3)
  --min-runs K        timed calls per implementation and case, at least (default 5)
  --max-runs K        at most (default 21)
  --budget-ms T       timed milliseconds to aim for per implementation and case (default 300)
  --no-dense          leave out the dense-target cases (masks and boxes, bench/dense.ts), which run last
  --dense-only        run only the dense-target cases (wasm and webgl2; --quick: wasm only)`;

/** A bad command line (the entry prints the usage with it). */
export class UsageError extends Error {}

export interface CliOptions extends BenchOptions {
  json: string | null;
  outDir: string | null;
  help: boolean;
  /** Which part runs: 'both' (default), 'images' (--no-dense) or 'dense' (--dense-only). */
  dense: 'both' | 'images' | 'dense';
  /** The backends of the dense cases. */
  denseBackends: readonly ('wasm' | 'webgl2' | 'js')[];
}

function list<T extends string>(flag: string, value: string, allowed: readonly T[]): T[] {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const it of items) if (!allowed.includes(it as T)) throw new UsageError(`${flag}: unknown '${it}' (expected ${allowed.join(', ')})`);
  return items as T[];
}

function positiveInt(flag: string, value: string): number {
  const v = Number(value);
  if (!Number.isInteger(v) || v < 1) throw new UsageError(`${flag}: expected a positive integer, got '${value}'`);
  return v;
}

/** Parses argv (without node and the script). Throws an Error naming the bad flag. */
export function parseArgs(argv: readonly string[], log: (line: string) => void): CliOptions {
  const o: CliOptions = {
    ops: ALL_OPS, formats: ALL_FORMATS, ns: [32, 128], size: 224, impls: null, torch: false, all: false, python: '/usr/bin/python3',
    rounds: 3, minRuns: 5, maxRuns: 21, budgetMs: 300, argv, log, json: null, outDir: 'bench', help: false,
    dense: 'both', denseBackends: ['wasm', 'webgl2'],
  };
  const quick = argv.includes('--quick');
  if (quick) {
    Object.assign(o, { ns: [32], formats: ['f32', 'rgba'], ops: ['mixup', 'cutmix_ip', 'cutmix_oop', 'resizemix_bilinear_0.5'], rounds: 2, budgetMs: 100 });
  }
  for (let k = 0; k < argv.length; k++) {
    const flag = argv[k];
    const value = (): string => {
      const v = argv[++k];
      if (v === undefined) throw new UsageError(`${flag}: a value is missing`);
      return v;
    };
    switch (flag) {
      case '--quick': o.denseBackends = ['wasm']; break;
      case '--no-dense': o.dense = 'images'; break;
      case '--dense-only': o.dense = 'dense'; break;
      case '--help': case '-h': o.help = true; break;
      case '--torch': o.torch = true; break;
      case '--all': o.all = true; break;
      case '--python': o.python = value(); break;
      case '--json': o.json = value(); break;
      case '--out': o.outDir = value(); break;
      case '--no-report': o.outDir = null; break;
      case '--ops': o.ops = list<CaseOp>(flag, value(), ALL_OPS); break;
      case '--formats': o.formats = list<Format>(flag, value(), ALL_FORMATS); break;
      case '--n': o.ns = value().split(',').map((v) => positiveInt(flag, v)); break;
      case '--size': o.size = positiveInt(flag, value()); break;
      case '--impls': o.impls = value().split(',').map((s) => s.trim()).filter(Boolean); break;
      case '--rounds': o.rounds = positiveInt(flag, value()); break;
      case '--min-runs': o.minRuns = positiveInt(flag, value()); break;
      case '--max-runs': o.maxRuns = positiveInt(flag, value()); break;
      case '--budget-ms': o.budgetMs = Number(value()); break;
      default: throw new UsageError(`unknown option '${flag}'`);
    }
  }
  if (quick && o.impls === null) o.impls = ['wasm', 'wasm-copy', 'js', 'webgl2', 'webgl2-gpu', 'plain-js', 'tfjs-wasm', 'torch-1t', 'torch-2t'];
  if (o.maxRuns < o.minRuns) throw new UsageError(`--max-runs (${o.maxRuns}) must be ≥ --min-runs (${o.minRuns})`);
  if (!(o.budgetMs >= 0)) throw new UsageError('--budget-ms: expected a number ≥ 0');
  if (o.size < 8) throw new UsageError(`--size: expected ≥ 8 (the boxes need room), got ${o.size}`);
  return o;
}
