/**
 * PyTorch peers (`--torch`): Debian's python3-torch 1.13 in one child process running
 * bench/torch_peer.py, driven by JSON lines, so its rounds interleave with the others. The case's
 * input goes over as a raw file (the same bytes every implementation gets); the output of the
 * first formulation comes back as a raw file for the check against the oracle. Rows: torch-1t and
 * torch-2t (torch.set_num_threads), each with its fastest formulation (named in the report).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Case, CaseInfo } from '../cases.js';
import type { CaseInput, Impl, Runner } from './types.js';

/** bench/torch_peer.py, found upwards from this module (it runs from bench/ and from dist/bench/). */
function scriptPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'bench', 'torch_peer.py');
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error('bench/torch_peer.py not found above ' + dirname(fileURLToPath(import.meta.url)));
    dir = up;
  }
}

type Answer = Record<string, unknown> & { error?: string };

/** The python process, one JSON request at a time. */
class Bridge {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: ((a: Answer) => void)[] = [];
  private exited: string | undefined;
  loadedFor: CaseInput | undefined;
  output: Uint8Array | undefined;
  users = 0;
  readonly files = { input: join(tmpdir(), `batchmix-bench-${process.pid}-in.bin`), output: join(tmpdir(), `batchmix-bench-${process.pid}-out.bin`) };

  constructor(python: string) {
    this.child = spawn(python, ['-B', scriptPath()], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    this.child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const fail = (why: string): void => {
      this.exited = `${why}${stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' / ')}` : ''}`;
      for (const w of this.waiting.splice(0)) w({ error: this.exited });
    };
    this.child.on('error', (e) => fail(`cannot start ${python}: ${e.message}`));
    this.child.on('exit', (code) => fail(`torch_peer.py exited with code ${code}`));
    createInterface({ input: this.child.stdout }).on('line', (line) => this.waiting.shift()?.(JSON.parse(line) as Answer));
  }

  request(msg: Record<string, unknown>): Promise<Answer> {
    if (this.exited) return Promise.resolve({ error: this.exited });
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.child.stdin.write(JSON.stringify(msg) + '\n');
    });
  }

  async ask(msg: Record<string, unknown>): Promise<Answer> {
    const a = await this.request(msg);
    if (a.error) throw new Error(`torch: ${a.error}`);
    return a;
  }

  /** Sends the case to python once (both rows share it); returns the checked formulation's output. */
  async load(x: CaseInput): Promise<Uint8Array> {
    if (this.loadedFor !== x) {
      const { info, params } = x;
      writeFileSync(this.files.input, new Uint8Array(x.input.buffer, x.input.byteOffset, x.input.byteLength));
      await this.ask({
        cmd: 'load', kind: info.kind, inPlace: info.inPlace, dtype: info.dtype, layout: info.layout, shape: info.shape,
        perm: Array.from(params.index), lam: params.lam[0], box: info.box, mode: info.interpolation,
        input: this.files.input, output: this.files.output,
      });
      this.output = readFileSync(this.files.output);
      this.loadedFor = x;
    }
    return this.output!;
  }

  close(): void {
    if (!this.exited) this.child.stdin.end(JSON.stringify({ cmd: 'quit' }) + '\n');
    for (const f of Object.values(this.files)) rmSync(f, { force: true });
  }
}

function outputOf(bytes: Uint8Array, dtype: 'float32' | 'uint8'): ArrayLike<number> {
  if (dtype === 'uint8') return bytes;
  const copy = bytes.slice();
  return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
}

function torchImpl(threads: number, shared: { bridge?: Bridge; versions?: string }, python: string): Impl {
  return {
    name: `torch-${threads}t`,
    group: 'peer',
    get description(): string {
      return `PyTorch (${shared.versions ?? 'Debian python3-torch'}) with torch.set_num_threads(${threads}), its fastest formulation per case (bench/torch_peer.py)`;
    },
    async init(): Promise<string | null> {
      shared.bridge ??= new Bridge(python);
      try {
        const a = await shared.bridge.ask({ cmd: 'hello' });
        shared.versions = `torch ${String(a.torch)}, numpy ${String(a.numpy)}`;
        return null;
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    },
    unsupported: (_c: Case, _info: CaseInfo) => null,
    async prepare(x: CaseInput): Promise<Runner> {
      const bridge = shared.bridge!;
      const output = outputOf(await bridge.load(x), x.info.dtype);
      bridge.users++;
      const first = await bridge.ask({ cmd: 'time', threads, k: 1 });
      const runner: Runner = {
        output,
        firstMs: (first.times as number[])[0],
        note: String(first.formulation),
        time: async (k) => ((await bridge.ask({ cmd: 'time', threads, k })).times as number[]),
        dispose: () => {
          if (--bridge.users > 0) return;
          bridge.loadedFor = undefined;
          bridge.output = undefined;
        },
      };
      return runner;
    },
    close(): void {
      shared.bridge?.close();
      shared.bridge = undefined;
    },
  };
}

/** The PyTorch rows (1 and 2 threads), sharing one python process. */
export function torchImpls(python = '/usr/bin/python3'): Impl[] {
  const shared: { bridge?: Bridge; versions?: string } = {};
  return [torchImpl(1, shared, python), torchImpl(2, shared, python)];
}
