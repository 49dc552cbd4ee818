/**
 * 'auto' in Node on Linux without DISPLAY passes webgl2 over before loading any GL code (issue 11:
 * the import of the webgl2 module and twgl alone took ~184 ms). The child runs a transpiled copy of
 * src without the webgl2 backend's entry module (src/backends/webgl2/index): had 'auto' imported it, the reason would be "Cannot find module".
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, transpileGraph } from './helpers/child-graph.js';

const out = join(root, 'node_modules', '.cache', `batchmix-nodisplay-child-${process.pid}`);

describe.runIf(process.platform === 'linux')('auto without DISPLAY (Linux)', () => {
  beforeAll(() => {
    transpileGraph(join(root, 'src/index.ts'), out);
    rmSync(join(out, 'src/backends/webgl2/index.js')); // the module the webgl2 factory imports
    writeFileSync(join(out, 'child.js'), [
      "import { createBatchMix } from './src/index.js';",
      "const mix = await createBatchMix({ numClasses: 2, augments: [{ op: 'mixup', alpha: 1 }] });",
      'console.log(JSON.stringify(mix.backendReport));',
    ].join('\n'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('picks wasm, says DISPLAY is unset, and never imports the webgl2 module', () => {
    const env = { ...process.env };
    delete env.DISPLAY;
    const run = spawnSync(process.execPath, [join(out, 'child.js')], { env, encoding: 'utf8', timeout: 30_000 });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    expect(line, run.stderr).toMatch(/^\{/);
    const report = JSON.parse(line) as { backend: string; passedOver: Record<string, string> };
    expect(report.backend).toBe('wasm');
    expect(report.passedOver.webgl2).toMatch(/DISPLAY is unset/);
    expect(report.passedOver.webgl2).toMatch(/xvfb-run -a/);
  });

  it('with DISPLAY set, auto does import it (the deleted module is then the reason)', () => {
    const run = spawnSync(process.execPath, [join(out, 'child.js')], { env: { ...process.env, DISPLAY: ':31999' }, encoding: 'utf8', timeout: 30_000 });
    const report = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { backend: string; passedOver: Record<string, string> };
    expect(report.backend).toBe('wasm');
    expect(report.passedOver.webgl2).toMatch(/Cannot find module/);
  });
});
