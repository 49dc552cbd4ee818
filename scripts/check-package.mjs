// The package as users get it (issue 11): packs it (prepack builds); lints the tarball with
// `publint --strict` and `attw` (every resolution, node10's `types`/`main` included; only "CJS resolves
// to ESM" is ignored, since Node >= 20.19 requires ES modules); installs it into a fresh project;
// imports and requires it there and runs a wasm Mixup and the README's Node quick start; type-checks
// the README's browser quick start (DOM lib) and a TypeScript consumer under node10, node16, nodenext
// (require) and bundler resolution with lib es2022 only (no DOM) and skipLibCheck off.
//
//   node scripts/check-package.mjs [--tarball batchmix-x.tgz] [--report out.json] [--keep]
//
// Each step is one check; a failed step prints its output. The last line is
// "package: N passed, N failed"; --report writes { passed, failed, checks } for .ci/run's total.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const argOf = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const bin = (name) => join(root, 'node_modules/.bin', name);
const work = mkdtempSync(join(tmpdir(), 'batchmix-package-'));
const checks = [];

function sh(cmd, argv, cwd, env = {}) {
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  return { ok: r.status === 0, stdout: r.stdout ?? '', out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** Runs one check; `body` returns a one-line detail or throws / returns { ok: false, out }. */
function check(name, body) {
  const t0 = performance.now();
  let ok = false;
  let detail = '';
  try {
    const r = body();
    ok = r.ok;
    detail = r.ok ? (r.detail ?? '') : r.out;
  } catch (e) {
    detail = e instanceof Error ? e.stack ?? e.message : String(e);
  }
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  checks.push({ name, ok, seconds: Number(s) });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name} (${s} s)${ok && detail ? `: ${detail}` : ''}`);
  if (!ok) console.log(detail.trim().split('\n').slice(-60).map((l) => `     ${l}`).join('\n'));
  return ok;
}

let tarball = argOf('--tarball') && resolve(argOf('--tarball'));
if (!tarball) {
  check('npm pack (prepack builds)', () => {
    const r = sh('npm', ['pack', '--json', '--pack-destination', work], root);
    if (!r.ok) return r;
    const info = JSON.parse(r.stdout.slice(r.stdout.lastIndexOf('\n[\n') + 1))[0]; // after the build's own output
    tarball = join(work, info.filename);
    return { ok: true, detail: `${info.filename}, ${(info.size / 1024).toFixed(0)} KiB packed, ${info.entryCount} files` };
  });
}

if (tarball) {
  check('publint --strict', () => {
    const r = sh(bin('publint'), ['run', tarball, '--strict'], work);
    return { ...r, detail: r.out.trim().split('\n').pop() };
  });
  check('attw (strict, but require of ESM allowed: Node >= 20.19)', () => {
    const r = sh(bin('attw'), [tarball, '--ignore-rules', 'cjs-resolves-to-esm', '--format', 'table-flipped', '--no-color', '--no-emoji'], work);
    return { ...r, detail: r.out.match(/No problems found[^\n]*/)?.[0] ?? '' };
  });

  const app = join(work, 'consumer');
  const installed = check('npm i ./batchmix.tgz in a fresh project (optional peer gl not installed)', () => {
    sh('mkdir', ['-p', app], work);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'batchmix-consumer', private: true, type: 'module' }, null, 2));
    for (const f of readdirSync(join(root, 'scripts/consumer'))) copyFileSync(join(root, 'scripts/consumer', f), join(app, f));
    const r = sh('npm', ['i', '--no-audit', '--no-fund', '--prefer-offline', tarball], app);
    if (!r.ok) return r;
    const gl = sh('node', ['-e', "require.resolve('gl')"], app);
    return gl.ok ? { ok: false, out: 'gl was installed, though it is an optional peer' } : { ok: true, detail: r.out.trim().split('\n').pop() };
  });

  if (installed) {
    for (const [name, file] of [['import', 'smoke.mjs'], ['require', 'smoke.cjs']]) {
      check(`${name} in Node ${process.version}: wasm Mixup`, () => {
        const r = sh('node', [file], app);
        return { ...r, detail: r.out.trim().split('\n').pop() };
      });
    }
    check('no Node built-in in the module graph of the entry (browser-safe)', () => {
      const pkg = join(app, 'node_modules/batchmix');
      const seen = new Set();
      const found = [];
      const visit = (file) => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const m of readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)) {
          const spec = m[1];
          if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
          else if (spec.startsWith('node:') || builtinModules.includes(spec)) found.push(`${relative(pkg, file)} imports ${spec}`);
        }
      };
      visit(join(pkg, 'dist/src/index.js'));
      return found.length ? { ok: false, out: found.join('\n') } : { ok: true, detail: `${seen.size} modules` };
    });
    check('README links: absolute, anchors, or files in the package', () => {
      const pkg = join(app, 'node_modules/batchmix');
      const text = readFileSync(join(pkg, 'README.md'), 'utf8').replace(/```[\s\S]*?```/g, '');
      const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
      const broken = links.filter((l) => !/^(https?:|#)/.test(l) && !existsSync(join(pkg, l.split('#')[0])));
      return broken.length ? { ok: false, out: `not in the package: ${broken.join(', ')}` } : { ok: true, detail: `${links.length} links` };
    });
    // The README's two quick starts, as a user pastes them: the Node one runs, the browser one type-checks.
    const [nodeExample, browserExample] = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
    writeFileSync(join(app, 'readme-node.mjs'), nodeExample ?? '');
    writeFileSync(join(app, 'readme-browser.js'), browserExample ?? '');
    check('README quick start (Node) runs', () => {
      const r = sh('node', ['readme-node.mjs'], app);
      return { ...r, detail: r.out.trim().split('\n').pop() };
    });
    const base = { strict: true, noEmit: true, target: 'es2022', lib: ['es2022'], types: [], skipLibCheck: false };
    const modes = {
      node10: { options: { module: 'commonjs', moduleResolution: 'node10' }, files: ['types.ts'] },
      node16: { options: { module: 'node16', moduleResolution: 'node16' }, files: ['types.ts'] },
      nodenext: { options: { module: 'nodenext', moduleResolution: 'nodenext' }, files: ['types.ts', 'types-require.cts'] },
      bundler: { options: { module: 'preserve', moduleResolution: 'bundler' }, files: ['types.ts'] },
    };
    check('README quick start (browser) type-checks (DOM lib, checkJs)', () => {
      const config = { compilerOptions: { strict: true, noEmit: true, target: 'es2022', lib: ['es2022', 'dom', 'dom.iterable'], types: [],
        module: 'preserve', moduleResolution: 'bundler', allowJs: true, checkJs: true }, files: ['readme-browser.js'] };
      writeFileSync(join(app, 'tsconfig.readme.json'), JSON.stringify(config, null, 2));
      return sh('node', [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.readme.json'], app);
    });
    for (const [mode, { options, files }] of Object.entries(modes)) {
      check(`tsc ${mode} (lib es2022, no DOM, skipLibCheck off)`, () => {
        const config = `tsconfig.${mode}.json`;
        writeFileSync(join(app, config), JSON.stringify({ compilerOptions: { ...base, ...options }, files }, null, 2));
        return sh('node', [join(root, 'node_modules/typescript/bin/tsc'), '-p', config], app);
      });
    }
  }
}

const passed = checks.filter((c) => c.ok).length;
const failed = checks.length - passed;
if (argOf('--report')) writeFileSync(argOf('--report'), JSON.stringify({ passed, failed, checks }, null, 2));
if (!args.includes('--keep')) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
console.log(`package: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
