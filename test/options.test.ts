import { describe, expect, it } from 'vitest';
import { BatchMixError } from '../src/errors.js';
import { normalizeOptions } from '../src/options.js';

const base = { numClasses: 10, augments: { op: 'mixup', alpha: 0.8 } };

/** Asserts BAD_OPTIONS with a message matching `pattern`. */
function rejects(options: unknown, pattern: RegExp): void {
  try {
    normalizeOptions(options);
  } catch (e) {
    expect(e).toBeInstanceOf(BatchMixError);
    expect((e as BatchMixError).code).toBe('BAD_OPTIONS');
    expect((e as BatchMixError).message).toMatch(pattern);
    return;
  }
  expect.unreachable(`accepted ${JSON.stringify(options)}`);
}

describe('normalizeOptions: defaults', () => {
  it('fills every default for a single augment', () => {
    expect(normalizeOptions(base)).toEqual({
      numClasses: 10,
      augments: [{ op: 'mixup', alpha: 0.8, prob: 1, correctLam: true, minmax: null, lamMin: 0, lamMax: 1, interpolation: 'bilinear', placement: 'clip' }],
      mode: 'batch', partner: 'permutation', perSample: false, labelSmoothing: 0, seed: 0, backend: 'auto',
    });
  });

  it('gives resizemix lamMin 0.1, lamMax 0.8, bilinear; keeps given values and minmax', () => {
    const o = normalizeOptions({
      numClasses: 3, seed: -1, mode: 'pair', partner: 'mirror', labelSmoothing: 0.1, backend: 'js',
      augments: [{ op: 'resizemix', alpha: 1, prob: 0.4 }, { op: 'cutmix', alpha: 2, prob: 0.6, minmax: [0.2, 0.8], correctLam: true }],
    });
    expect(o.augments[0]).toMatchObject({ op: 'resizemix', prob: 0.4, lamMin: 0.1, lamMax: 0.8, interpolation: 'bilinear', minmax: null });
    expect(o.augments[1]).toMatchObject({ op: 'cutmix', minmax: [0.2, 0.8], correctLam: true });
    expect(o).toMatchObject({ seed: 2 ** 32 - 1, mode: 'pair', partner: 'mirror', labelSmoothing: 0.1, backend: 'js' });
    expect(Object.isFrozen(o) && Object.isFrozen(o.augments) && Object.isFrozen(o.augments[0])).toBe(true);
  });

  it('accepts probs that sum to 1 in any order (float residue within 1e-6) and reduces large seeds mod 2^32', () => {
    const three = [0.7, 0.2, 0.1].map((prob, i) => ({ op: (['mixup', 'cutmix', 'resizemix'] as const)[i], alpha: 1, prob }));
    expect(normalizeOptions({ numClasses: 2, augments: three }).augments).toHaveLength(3);
    expect(normalizeOptions({ ...base, seed: 2 ** 32 + 5 }).seed).toBe(5);
    expect(normalizeOptions({ ...base, seed: 0 }).seed).toBe(0);
  });
});

describe('normalizeOptions: errors (BAD_OPTIONS, naming the argument)', () => {
  const cases: [string, unknown, RegExp][] = [
    ['not an object', null, /options must be an object.*got null/],
    ['unknown key', { ...base, labelSmothing: 0.1 }, /unknown option "labelSmothing"/],
    ['numClasses missing', { augments: base.augments }, /numClasses must be a positive integer, got undefined/],
    ['numClasses 0', { ...base, numClasses: 0 }, /numClasses .* got 0/],
    ['numClasses 2.5', { ...base, numClasses: 2.5 }, /numClasses .* got 2\.5/],
    ['augments empty', { ...base, augments: [] }, /augments must be an augment or a non-empty array/],
    ['augments a string', { ...base, augments: 'mixup' }, /augments must be .* got "mixup"/],
    ['augment not an object', { ...base, augments: [3] }, /augments\[0\] must be an object/],
    ['unknown op', { ...base, augments: { op: 'fmix', alpha: 1 } }, /augments\[0\]\.op must be one of 'mixup', 'cutmix', 'resizemix', got "fmix"/],
    ['alpha missing', { ...base, augments: { op: 'cutmix' } }, /augments\[0\] \(cutmix\)\.alpha must be a finite number > 0.*got undefined/],
    ['alpha 0', { ...base, augments: { op: 'mixup', alpha: 0 } }, /alpha .* got 0/],
    ['alpha negative', { ...base, augments: { op: 'mixup', alpha: -1 } }, /alpha .* got -1/],
    ['alpha NaN', { ...base, augments: { op: 'mixup', alpha: NaN } }, /alpha .* got NaN/],
    ['alpha Infinity', { ...base, augments: { op: 'mixup', alpha: Infinity } }, /alpha .* got Infinity/],
    ['alpha a string', { ...base, augments: { op: 'mixup', alpha: '1' } }, /alpha .* got "1"/],
    ['prob > 1', { ...base, augments: { op: 'mixup', alpha: 1, prob: 1.5 } }, /prob must be a number in \[0, 1\], got 1\.5/],
    ['prob < 0', { ...base, augments: { op: 'mixup', alpha: 1, prob: -0.1 } }, /prob .* got -0\.1/],
    ['prob NaN', { ...base, augments: { op: 'mixup', alpha: 1, prob: NaN } }, /prob .* got NaN/],
    ['probs sum over 1', { ...base, augments: [{ op: 'mixup', alpha: 1, prob: 0.6 }, { op: 'cutmix', alpha: 1, prob: 0.5 }] }, /sum to ≤ 1.*0\.6 \+ 0\.5 = 1\.1/],
    ['several without prob', { ...base, augments: [{ op: 'mixup', alpha: 1 }, { op: 'cutmix', alpha: 1, prob: 0.5 }] }, /augments\[0\] \(mixup\)\.prob .*give each a prob/],
    ['minmax lo = 0', { ...base, augments: { op: 'cutmix', alpha: 1, minmax: [0, 0.5] } }, /minmax must be \[lo, hi\] with 0 < lo < hi ≤ 1, got \[0,0\.5\]/],
    ['minmax lo ≥ hi', { ...base, augments: { op: 'cutmix', alpha: 1, minmax: [0.5, 0.5] } }, /minmax/],
    ['minmax hi > 1', { ...base, augments: { op: 'cutmix', alpha: 1, minmax: [0.5, 1.2] } }, /minmax/],
    ['minmax one number', { ...base, augments: { op: 'cutmix', alpha: 1, minmax: [0.5] } }, /minmax/],
    ['minmax NaN', { ...base, augments: { op: 'cutmix', alpha: 1, minmax: [NaN, 0.5] } }, /minmax/],
    ['minmax with correctLam false', { ...base, augments: { op: 'cutmix', alpha: 1, minmax: [0.2, 0.5], correctLam: false } }, /correctLam: false cannot hold with minmax/],
    ['correctLam not boolean', { ...base, augments: { op: 'cutmix', alpha: 1, correctLam: 1 } }, /correctLam must be a boolean/],
    ['minmax on mixup', { ...base, augments: { op: 'mixup', alpha: 1, minmax: [0.2, 0.5] } }, /augments\[0\] \(mixup\) has an unknown option "minmax".*for the paste ops/],
    ['lamMin on cutmix', { ...base, augments: { op: 'cutmix', alpha: 1, lamMin: 0.2 } }, /unknown option "lamMin"/],
    ['lamMin > lamMax', { ...base, augments: { op: 'resizemix', alpha: 1, lamMin: 0.9 } }, /lamMin ≤ lamMax .* lamMin = 0\.9 and lamMax = 0\.8/],
    ['lamMax > 1', { ...base, augments: { op: 'resizemix', alpha: 1, lamMax: 1.1 } }, /lamMax must be a number in \[0, 1\]/],
    ['lamMin NaN', { ...base, augments: { op: 'resizemix', alpha: 1, lamMin: NaN } }, /lamMin .* got NaN/],
    ['unknown interpolation', { ...base, augments: { op: 'resizemix', alpha: 1, interpolation: 'lanczos' } }, /interpolation must be one of .*'bicubic'.* got "lanczos"/],
    ['unknown mode', { ...base, mode: 'half' }, /mode must be one of 'batch', 'elem', 'pair', got "half"/],
    ['unknown partner', { ...base, partner: 'flip' }, /partner must be one of .* got "flip"/],
    ['unknown backend', { ...base, backend: 'webgpu' }, /backend must be one of 'auto', 'webgl2', 'wasm', 'js', got "webgpu"/],
    ['labelSmoothing 1', { ...base, labelSmoothing: 1 }, /labelSmoothing must be a number in \[0, 1\), got 1/],
    ['labelSmoothing negative', { ...base, labelSmoothing: -0.1 }, /labelSmoothing/],
    ['seed fractional', { ...base, seed: 1.5 }, /seed must be an integer .* got 1\.5/],
    ['seed NaN', { ...base, seed: NaN }, /seed .* got NaN/],
    ['seed Infinity', { ...base, seed: Infinity }, /seed .* got Infinity/],
    ['gl not a context', { ...base, gl: {} }, /gl must be a WebGL2RenderingContext/],
  ];
  for (const [name, options, pattern] of cases) {
    it(name, () => rejects(options, pattern));
  }
});
