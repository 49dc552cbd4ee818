/** 'auto' in Chromium without a GPU (SwiftShader): CPU arrays on wasm within 1.5× of wasm's time, the report naming the renderer. */
import { expect, it } from 'vitest';
import { createBatchMix } from '../src/index.js';
import { expectAutoNearWasm } from './auto-timing.js';

it("'auto' on SwiftShader: CPU arrays on wasm, within 1.5× of wasm's time, report names the renderer", async () => {
  console.log(await expectAutoNearWasm(/SwiftShader/));
  const mix = await createBatchMix({ numClasses: 4, augments: [{ op: 'mixup', alpha: 1 }] });
  expect(mix.backend).toBe('wasm');
  expect(mix.backendReport).toMatchObject({ gpu: 'webgl2', renderer: { software: true, matched: 'SwiftShader', source: 'debug-info' } });
  mix.dispose();
});
