/**
 * Vite for the demo page (`vite demo`): the root is demo/, the package sources and samples are read
 * from the repository around it. Every source file is scanned for dependencies at start, so the
 * backends' lazily imported modules (twgl.js) do not make Vite reload the page on first use.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  optimizeDeps: { entries: ['index.html', '../src/**/*.ts'] },
});
