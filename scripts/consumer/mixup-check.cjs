// The consumer smoke test's one check, shared by the import and the require entry: a wasm Mixup on a
// 2-sample float32 batch with hand-made params, compared with the formula (SPEC §1), and 'auto' in a
// project without the optional `gl` peer (webgl2 passed over with its reason, wasm picked).
'use strict';

module.exports = async function mixupCheck(bm, how) {
  const { createBatchMix, BatchMixError } = bm;
  if (typeof createBatchMix !== 'function') throw new Error(`${how}: createBatchMix is ${typeof createBatchMix}`);
  const mix = await createBatchMix({ numClasses: 2, augments: [{ op: 'mixup', alpha: 1 }], backend: 'wasm', seed: 0 });
  // Sample 0 is all 10, sample 1 all 30 (N = 2, C = 1, H = W = 2); partners swapped, λ = 0.25 and 0.5.
  const batch = { data: Float32Array.of(10, 10, 10, 10, 30, 30, 30, 30), shape: [2, 1, 2, 2], layout: 'NCHW' };
  const params = { op: 'mixup', index: Int32Array.of(1, 0), lam: Float32Array.of(0.25, 0.5) };
  const { images, labels } = await mix.apply(batch, Int32Array.of(0, 1), params);
  const got = Array.from(images.data);
  const want = [25, 25, 25, 25, 20, 20, 20, 20]; // 0.25·10 + 0.75·30, 0.5·30 + 0.5·10
  if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`${how}: mixup gave ${got}, want ${want}`);
  if (JSON.stringify(Array.from(labels)) !== '[0.25,0.75,0.5,0.5]') throw new Error(`${how}: labels ${Array.from(labels)}`);
  if (mix.backend !== 'wasm') throw new Error(`${how}: backend ${mix.backend}`);
  mix.dispose();
  let code;
  try {
    await createBatchMix({ numClasses: 0 });
  } catch (e) {
    code = e instanceof BatchMixError ? e.code : String(e);
  }
  if (code !== 'BAD_OPTIONS') throw new Error(`${how}: numClasses 0 gave ${code}, want BAD_OPTIONS`);
  const auto = await createBatchMix({ numClasses: 2, augments: [{ op: 'mixup', alpha: 1 }] });
  const report = auto.backendReport;
  auto.dispose();
  console.log(`${how}: wasm mixup ok; auto picked ${report.backend} (webgl2: ${report.passedOver.webgl2 ?? 'taken'})`);
};
