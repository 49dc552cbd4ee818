// The same package from a CommonJS TypeScript file (module nodenext: TypeScript >= 5.8 types
// require() of an ES module as Node >= 20.19 runs it).
import batchmix = require('batchmix');

export async function backendOf(): Promise<batchmix.BackendName> {
  const mix = await batchmix.createBatchMix({ numClasses: 2, augments: [{ op: 'mixup', alpha: 1 }], backend: 'js' });
  const name = mix.backend;
  mix.dispose();
  return name;
}
