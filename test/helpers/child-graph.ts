/**
 * Node 20 runs no TypeScript: for tests that need a fresh child process (environment variables, a
 * capped address space), the src module graph is transpiled into a folder next to node_modules.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Transpiles `entry` and every module it imports (static or dynamic, relative) into `out` (an ES module folder). */
export function transpileGraph(entry: string, out: string): void {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const js = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const dest = join(out, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, js);
    for (const m of js.matchAll(/(?:from |import\()'(\.\.?\/[^']+)\.js'/g)) visit(resolve(dirname(file), `${m[1]}.ts`));
  };
  visit(entry);
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }');
}
