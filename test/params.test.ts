import { describe, expect, it } from 'vitest';
import { BatchMixError } from '../src/errors.js';
import { normalizeOptions } from '../src/options.js';
import { paramsFromJSON, paramsToJSON } from '../src/params.js';
import { Rng } from '../src/plan/rng.js';
import { sampleParams } from '../src/plan/sample.js';
import type { MixParams } from '../src/types.js';

const roundTrip = (p: MixParams): MixParams => paramsFromJSON(JSON.parse(JSON.stringify(paramsToJSON(p))));

function rejects(j: unknown, pattern: RegExp): void {
  try {
    paramsFromJSON(j);
  } catch (e) {
    expect(e).toBeInstanceOf(BatchMixError);
    expect((e as BatchMixError).code).toBe('BAD_PARAMS');
    expect((e as BatchMixError).message).toMatch(pattern);
    return;
  }
  expect.unreachable(`accepted ${JSON.stringify(j)}`);
}

describe('params JSON', () => {
  it('round-trips sampled params of every op without loss (typed arrays, bit-exact λ)', () => {
    const o = normalizeOptions({
      numClasses: 5, mode: 'elem', seed: 3,
      augments: [
        { op: 'mixup', alpha: 0.3, prob: 0.25 }, { op: 'cutmix', alpha: 1, prob: 0.25 },
        { op: 'resizemix', alpha: 1, prob: 0.25, interpolation: 'area' },
      ],
    });
    const r = new Rng(o.seed);
    const seen = new Set<string>();
    for (let t = 0; t < 40; t++) {
      const p = sampleParams(r, o, 7, 33, 21);
      seen.add(p.op);
      const q = roundTrip(p);
      expect(q).toEqual(p);
      expect(q.index).toBeInstanceOf(Int32Array);
      expect(q.lam).toBeInstanceOf(Float32Array);
      if (p.boxes) expect(q.boxes).toBeInstanceOf(Int32Array);
      expect(Buffer.from(q.lam.buffer).equals(Buffer.from(p.lam.buffer))).toBe(true);
    }
    expect(seen).toEqual(new Set(['mixup', 'cutmix', 'resizemix', 'identity']));
  });

  it('writes plain number lists and only the keys that are there', () => {
    const p: MixParams = { op: 'cutmix', index: Int32Array.from([1, 0]), lam: Float32Array.from([0.75, 0.75]), boxes: Int32Array.from([0, 1, 0, 2, 0, 1, 0, 2]) };
    expect(paramsToJSON(p)).toEqual({ op: 'cutmix', index: [1, 0], lam: [0.75, 0.75], boxes: [0, 1, 0, 2, 0, 1, 0, 2] });
    expect(Object.keys(paramsToJSON({ op: 'mixup', index: new Int32Array(1), lam: new Float32Array(1) }))).toEqual(['op', 'index', 'lam']);
  });

  it('reads JSON text too, and hand-written λ becomes the nearest float32', () => {
    const p = paramsFromJSON('{"op":"resizemix","index":[0],"lam":[0.3],"boxes":[0,2,0,2]}');
    expect(p.lam[0]).toBe(Math.fround(0.3));
    expect(p.interpolation).toBeUndefined();
    expect(paramsFromJSON({ op: 'identity', index: [], lam: [] })).toEqual({ op: 'identity', index: new Int32Array(0), lam: new Float32Array(0) });
  });

  const ok = { op: 'cutmix', index: [1, 0], lam: [0.5, 0.5], boxes: [0, 1, 0, 1, 0, 1, 0, 1] };
  const cases: [string, unknown, RegExp][] = [
    ['not JSON text', '{op:', /the text is not JSON/],
    ['an array', [1], /expected an object \{ op, index, lam/],
    ['null', null, /got null/],
    ['unknown key', { ...ok, lambda: [1] }, /unknown key "lambda"/],
    ['unknown op', { ...ok, op: 'fmix' }, /op must be one of mixup, cutmix, resizemix, identity, mixed, got "fmix"/],
    ['index not a list', { ...ok, index: '1,0' }, /index must be a list of integers, got "1,0"/],
    ['index fractional', { ...ok, index: [1, 0.5] }, /index\[1\] must be an int32 integer, got 0\.5/],
    ['index beyond int32', { ...ok, index: [2 ** 31, 0] }, /index\[0\] must be an int32 integer/],
    ['lam with null', { ...ok, lam: [0.5, null] }, /lam\[1\] must be a finite number, got null/],
    ['lam a string number', { ...ok, lam: ['0.5', 0.5] }, /lam\[0\] must be a finite number/],
    ['lam length', { ...ok, lam: [0.5] }, /lam must have one value per sample \(N = 2 from index\), got 1/],
    ['boxes missing', { op: 'cutmix', index: [0], lam: [1] }, /\(cutmix\): boxes are required/],
    ['boxes on mixup', { ...ok, op: 'mixup' }, /\(mixup\): boxes are only for cutmix, resizemix and mixed/],
    ['boxes length', { ...ok, boxes: [0, 1, 0, 1] }, /boxes must hold 4·N = 8 values, got 4/],
    ['boxes fractional', { ...ok, boxes: [0, 1, 0, 1.5, 0, 1, 0, 1] }, /boxes\[3\] must be an int32 integer/],
    ['interpolation on cutmix', { ...ok, interpolation: 'bilinear' }, /interpolation is only for resizemix/],
    ['unknown interpolation', { ...ok, op: 'resizemix', interpolation: 'lanczos' }, /interpolation must be one of .* got "lanczos"/],
  ];
  for (const [name, j, pattern] of cases) {
    it(`rejects ${name} (BAD_PARAMS)`, () => rejects(j, pattern));
  }
});
