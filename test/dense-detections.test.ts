/**
 * Detection boxes (SPEC §9): hand-computed cases of every rule, properties on random boxes checked
 * against an independent model (the visible part of B \ P as up to four strips), per-sample ('mixed')
 * params sample by sample, and the same lists from every backend through the public API.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mixDetections } from '../src/dense/detections.js';
import type { BatchMix } from '../src/index.js';
import type { Detections, MixedDetections, MixParams, Op } from '../src/types.js';
import { BACKENDS, forEachBackend, mixer } from './helpers/backends.js';

type Box = [number, number, number, number, number]; // x0, y0, x1, y1, class

/** Detections from per-sample lists of [x0, y0, x1, y1, class]. */
function dets(...samples: Box[][]): Detections {
  const all = samples.flat();
  const offsets = new Int32Array(samples.length + 1);
  samples.forEach((s, i) => { offsets[i + 1] = offsets[i] + s.length; });
  return {
    boxes: Float32Array.from(all.flatMap((b) => b.slice(0, 4))),
    classes: Int32Array.from(all.map((b) => b[4])),
    offsets,
  };
}

/** Sample i's output as [x0, y0, x1, y1, class, weight, source] rows. */
function rows(d: MixedDetections, i: number): number[][] {
  const out: number[][] = [];
  for (let b = d.offsets[i]; b < d.offsets[i + 1]; b++) out.push([...d.boxes.subarray(4 * b, 4 * b + 4), d.classes[b], d.weights[b], d.source[b]]);
  return out;
}

/** Params for two samples that swap (index [1, 0]) with paste box [y0, y1, x0, x1] for sample 0. */
function swap(op: Op, box: number[] = [0, 0, 0, 0], lam = 0.5): MixParams {
  const p: MixParams = { op, index: new Int32Array([1, 0]), lam: new Float32Array([lam, lam]) };
  if (op === 'cutmix' || op === 'resizemix') p.boxes = new Int32Array([...box, 0, 0, 0, 0]);
  return p;
}

describe('hand-computed cases (10×10 images)', () => {
  const H = 10, W = 10;
  const own: Box[] = [
    [2, 3, 8, 6, 1], // P (left 4 columns, full height) spans its full height from the left: x0 → 4, visible 2/3
    [5, 5, 9, 9, 2], // not touched
    [1, 1, 3, 9, 3], // wholly covered: dropped
    [4, 0, 6, 2, 4], // shares P's edge x = 4 only: not touched
  ];
  const partner: Box[] = [
    [0, 0, 10, 10, 5], // clipped to P: [0, 0, 4, 10], share 0.4
    [3, 2, 7, 4, 6], // clipped: [3, 2, 4, 4], share 0.25
    [6, 6, 9, 9, 7], // outside P: dropped
  ];
  const d = dets(own, partner);

  it('CutMix: own boxes shrunk, covered or dropped; partner boxes clipped to P; own first, then the partner\'s', () => {
    const r = mixDetections(swap('cutmix', [0, 10, 0, 4]), d, H, W, 0);
    expect(rows(r, 0)).toEqual([
      [4, 3, 8, 6, 1, 1, 0],
      [5, 5, 9, 9, 2, 1, 0],
      [4, 0, 6, 2, 4, 1, 0],
      [0, 0, 4, 10, 5, 1, 1],
      [3, 2, 4, 4, 6, 1, 1],
    ]);
  });

  it('minVisibility drops what shows less than it (own share measured before shrinking)', () => {
    const r = mixDetections(swap('cutmix', [0, 10, 0, 4]), d, H, W, 0.5);
    expect(rows(r, 0).map((x) => x[4])).toEqual([1, 2, 4]); // own 2/3 kept; partner 0.4 and 0.25 dropped
    const r2 = mixDetections(swap('cutmix', [0, 10, 0, 4]), d, H, W, 0.7);
    expect(rows(r2, 0).map((x) => x[4])).toEqual([2, 4]); // own 2/3 < 0.7 dropped
    const r3 = mixDetections(swap('cutmix', [0, 10, 0, 4]), d, H, W, 0.4);
    expect(rows(r3, 0).map((x) => x[4])).toEqual([1, 2, 4, 5]); // a share equal to minVisibility stays
  });

  it('only a paste box spanning the full width or height from one side shrinks a box', () => {
    const box: Box[] = [[2, 2, 8, 8, 0]];
    const one = (paste: number[]) => rows(mixDetections(swap('cutmix', paste), dets(box, []), H, W, 0), 0).map((x) => x.slice(0, 4));
    expect(one([0, 5, 0, 10])).toEqual([[2, 5, 8, 8]]); // from the top: y0 → 5
    expect(one([5, 10, 0, 10])).toEqual([[2, 2, 8, 5]]); // from the bottom: y1 → 5
    expect(one([0, 10, 6, 10])).toEqual([[2, 2, 6, 8]]); // from the right: x1 → 6
    expect(one([0, 10, 0, 3])).toEqual([[3, 2, 8, 8]]); // from the left: x0 → 3
    expect(one([4, 6, 0, 10])).toEqual([[2, 2, 8, 8]]); // a band through the middle
    expect(one([0, 5, 0, 5])).toEqual([[2, 2, 8, 8]]); // a corner
    expect(one([4, 6, 0, 5])).toEqual([[2, 2, 8, 8]]); // a notch
    expect(one([3, 7, 3, 7])).toEqual([[2, 2, 8, 8]]); // a hole
    expect(one([1, 9, 1, 9])).toEqual([]); // covered: nothing visible
    expect(one([0, 0, 0, 0])).toEqual([[2, 2, 8, 8]]); // an empty paste box covers nothing
  });

  it('CutMix with an empty paste box keeps the own boxes and none of the partner\'s', () => {
    const r = mixDetections(swap('cutmix', [3, 3, 0, 10]), d, H, W, 0);
    expect(rows(r, 0).map((x) => x[4])).toEqual([1, 2, 3, 4]);
  });

  it('ResizeMix: partner boxes scaled by the box size over the image size into P', () => {
    // P = x [2, 7] × y [0, 5]: scale 0.5 both ways, offset (2, 0).
    const pd = dets([[0, 6, 4, 10, 1]], [[0, 0, 10, 10, 2], [2, 4, 6, 8, 3], [1.5, 0.25, 2.5, 1.75, 4]]);
    expect(rows(mixDetections(swap('resizemix', [0, 5, 2, 7]), pd, H, W, 0), 0)).toEqual([
      [0, 6, 4, 10, 1, 1, 0],
      [2, 0, 7, 5, 2, 1, 1],
      [3, 2, 5, 4, 3, 1, 1],
      [2.75, 0.125, 3.25, 0.875, 4, 1, 1],
    ]);
    // Non-square scaling: P = x [0, 10] × y [8, 10] (scale 1 × 0.2); the own box loses its bottom.
    expect(rows(mixDetections(swap('resizemix', [8, 10, 0, 10]), pd, H, W, 0), 0)).toEqual([
      [0, 6, 4, 8, 1, 1, 0],
      [0, 8, 10, 10, 2, 1, 1],
      [2, 8.8, 6, 9.6, 3, 1, 1].map(Math.fround),
      [1.5, 8.05, 2.5, 8.35, 4, 1, 1].map(Math.fround),
    ]);
    // An empty paste box keeps no partner box.
    expect(rows(mixDetections(swap('resizemix', [0, 5, 4, 4]), pd, H, W, 0), 0)).toEqual([[0, 6, 4, 10, 1, 1, 0]]);
  });

  it('ResizeMix with itself changes the image, so the rules apply', () => {
    const self: MixParams = { op: 'resizemix', index: new Int32Array([0]), lam: new Float32Array([0.75]), boxes: new Int32Array([0, 5, 0, 10]) };
    const r = mixDetections(self, dets([[0, 0, 10, 10, 1]]), H, W, 0);
    expect(rows(r, 0)).toEqual([[0, 5, 10, 10, 1, 1, 0], [0, 0, 10, 5, 1, 1, 0]]);
  });

  it('Mixup: own boxes with λ, then the partner\'s with 1 − λ; with itself, weight 1', () => {
    const r = mixDetections(swap('mixup', undefined, 0.25), d, H, W, 0.9);
    expect(rows(r, 0).map((x) => [x[4], x[5], x[6]])).toEqual([
      [1, 0.25, 0], [2, 0.25, 0], [3, 0.25, 0], [4, 0.25, 0], [5, 0.75, 1], [6, 0.75, 1], [7, 0.75, 1],
    ]);
    expect(rows(r, 1).map((x) => [x[4], x[5], x[6]])).toEqual([
      [5, 0.25, 1], [6, 0.25, 1], [7, 0.25, 1], [1, 0.75, 0], [2, 0.75, 0], [3, 0.75, 0], [4, 0.75, 0],
    ]);
    const self: MixParams = { op: 'mixup', index: new Int32Array([0, 1]), lam: new Float32Array([0.3, 0.3]) };
    expect(rows(mixDetections(self, d, H, W, 0), 0).map((x) => x[5])).toEqual([1, 1, 1, 1]);
  });

  it('CutMix with itself, and identity, keep the boxes as they are', () => {
    const self: MixParams = { op: 'cutmix', index: new Int32Array([0, 1]), lam: new Float32Array([0.5, 0.5]), boxes: new Int32Array([0, 10, 0, 4, 0, 5, 0, 5]) };
    const ident: MixParams = { op: 'identity', index: new Int32Array([0, 1]), lam: new Float32Array([1, 1]) };
    for (const p of [self, ident]) {
      const r = mixDetections(p, d, H, W, 0.99);
      expect(r.boxes).toEqual(d.boxes);
      expect(r.classes).toEqual(d.classes);
      expect(r.offsets).toEqual(d.offsets);
      expect(Array.from(r.weights)).toEqual([1, 1, 1, 1, 1, 1, 1]);
      expect(Array.from(r.source)).toEqual([0, 0, 0, 0, 1, 1, 1]);
    }
  });
});

// ---- properties against an independent model ----

type R = [number, number, number, number];
const areaOf = (r: R) => Math.max(0, r[2] - r[0]) * Math.max(0, r[3] - r[1]);
const positive = (r: R) => r[2] > r[0] && r[3] > r[1];

/** B \ P as up to four disjoint strips (top, bottom, left, right) of positive area. */
function strips(b: R, p: R): R[] {
  const top: R = [b[0], b[1], b[2], Math.min(b[3], p[1])];
  const bottom: R = [b[0], Math.max(b[1], p[3]), b[2], b[3]];
  const midY0 = Math.max(b[1], p[1]), midY1 = Math.min(b[3], p[3]);
  const left: R = [b[0], midY0, Math.min(b[2], p[0]), midY1];
  const right: R = [Math.max(b[0], p[2]), midY0, b[2], midY1];
  return [top, bottom, left, right].filter(positive);
}

function bounds(rs: R[]): R {
  return [Math.min(...rs.map((r) => r[0])), Math.min(...rs.map((r) => r[1])), Math.max(...rs.map((r) => r[2])), Math.max(...rs.map((r) => r[3]))];
}

interface Case { h: number; w: number; d: Detections; p: MixParams; v: number }

/** Coordinates on a 1/8 grid (exact in float32), boxes of positive size inside h×w. */
function arbBox(h: number, w: number): fc.Arbitrary<Box> {
  const coord = (max: number) => fc.integer({ min: 0, max: 8 * max }).map((k) => k / 8);
  return fc.tuple(coord(w), coord(w), coord(h), coord(h), fc.integer({ min: 0, max: 4 }))
    .filter(([a, b, c, e]) => a !== b && c !== e)
    .map(([a, b, c, e, k]) => [Math.min(a, b), Math.min(c, e), Math.max(a, b), Math.max(c, e), k]);
}

const arbCase: fc.Arbitrary<Case> = fc.record({ h: fc.integer({ min: 1, max: 40 }), w: fc.integer({ min: 1, max: 40 }), n: fc.integer({ min: 1, max: 5 }) })
  .chain(({ h, w, n }) => fc.record({
    h: fc.constant(h), w: fc.constant(w),
    lists: fc.array(fc.array(arbBox(h, w), { maxLength: 6 }), { minLength: n, maxLength: n }),
    ops: fc.array(fc.constantFrom<Op>('identity', 'mixup', 'cutmix', 'resizemix'), { minLength: n, maxLength: n }),
    index: fc.array(fc.integer({ min: 0, max: n - 1 }), { minLength: n, maxLength: n }),
    lam: fc.array(fc.float({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
    paste: fc.array(fc.tuple(fc.integer({ min: 0, max: h }), fc.integer({ min: 0, max: h }), fc.integer({ min: 0, max: w }), fc.integer({ min: 0, max: w })), { minLength: n, maxLength: n }),
    v: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
    batchOp: fc.boolean(),
  }))
  .map(({ h, w, lists, ops, index, lam, paste, v, batchOp }) => {
    const boxes = Int32Array.from(paste.flatMap(([a, b, c, e]) => [Math.min(a, b), Math.max(a, b), Math.min(c, e), Math.max(c, e)]));
    // One op for the batch, or one per sample ('mixed', as perSample params carry them).
    const p = (batchOp
      ? { op: ops[0], index: Int32Array.from(index), lam: Float32Array.from(lam), ...(ops[0] === 'cutmix' || ops[0] === 'resizemix' ? { boxes } : {}) }
      : { op: 'mixed', ops, index: Int32Array.from(index), lam: Float32Array.from(lam), boxes }) as MixParams;
    return { h, w, d: dets(...lists), p, v };
  });

function opAt(p: MixParams, i: number): Op {
  return p.op === 'mixed' ? p.ops![i] : p.op;
}

/** Checks sample i's output against the model; returns nothing, throws on a mismatch. */
function checkSample(c: Case, r: MixedDetections, i: number): void {
  const { d, p, h, w, v } = c;
  const out = rows(r, i);
  for (const [x0, y0, x1, y1] of out) {
    expect(0 <= x0 && x0 < x1 && x1 <= w && 0 <= y0 && y0 < y1 && y1 <= h, `inside the image: ${[x0, y0, x1, y1]}`).toBe(true);
  }
  const op = opAt(p, i), j = p.index[i];
  const list = (s: number) => Array.from({ length: d.offsets[s + 1] - d.offsets[s] }, (_, k) => d.offsets[s] + k);
  const boxOf = (b: number): R => [d.boxes[4 * b], d.boxes[4 * b + 1], d.boxes[4 * b + 2], d.boxes[4 * b + 3]];
  const expected: number[][] = [];
  if (op === 'identity' || (j === i && op !== 'resizemix')) {
    for (const b of list(i)) expected.push([...boxOf(b), d.classes[b], 1, i]);
    expect(out).toEqual(expected);
    return;
  }
  if (op === 'mixup') {
    for (const b of list(i)) expected.push([...boxOf(b), d.classes[b], p.lam[i], i]);
    for (const b of list(j)) expected.push([...boxOf(b), d.classes[b], Math.fround(1 - p.lam[i]), j]);
    expect(out).toEqual(expected);
    return;
  }
  const [py0, py1, px0, px1] = p.boxes!.subarray(4 * i, 4 * i + 4);
  const P: R = [px0, py0, px1, py1];
  const hasP = positive(P);
  // Own boxes: the visible part is the union of the strips; its share decides, its bounds are the box.
  let k = 0;
  for (const b of list(i)) {
    const B = boxOf(b);
    const vis = hasP ? strips(B, P) : [B];
    const share = vis.reduce((s, r) => s + areaOf(r), 0) / areaOf(B);
    const touched = hasP && areaOf([Math.max(B[0], P[0]), Math.max(B[1], P[1]), Math.min(B[2], P[2]), Math.min(B[3], P[3])]) > 0;
    const keep = !touched || (share > 0 && share >= v);
    if (!keep) continue;
    const got = out[k++];
    expect(got, `own box ${b} (share ${share}) is kept`).toBeDefined();
    expect(got.slice(0, 4), `own box ${b}: the bounds of its visible part`).toEqual(touched ? bounds(vis) : B);
    expect(got.slice(4)).toEqual([d.classes[b], 1, i]);
    // The claimed region: inside the original box, and every visible strip inside the output box.
    for (const s of vis) expect(s[0] >= got[0] && s[1] >= got[1] && s[2] <= got[2] && s[3] <= got[3]).toBe(true);
  }
  // At minVisibility 0 nothing visible is lost.
  if (v === 0) expect(k).toBe(list(i).filter((b) => !hasP || strips(boxOf(b), P).length > 0).length);
  const rest = out.slice(k);
  if (!hasP) {
    expect(rest).toEqual([]);
    return;
  }
  for (const got of rest) {
    expect(got[0] >= P[0] && got[1] >= P[1] && got[2] <= P[2] && got[3] <= P[3], `partner box inside P: ${got}`).toBe(true);
    expect(got.slice(5)).toEqual([1, j]);
  }
  if (op === 'cutmix') {
    const kept = list(j).filter((b) => {
      const B = boxOf(b);
      const inside: R = [Math.max(B[0], P[0]), Math.max(B[1], P[1]), Math.min(B[2], P[2]), Math.min(B[3], P[3])];
      return positive(inside) && areaOf(inside) / areaOf(B) >= v;
    });
    expect(rest.map((x) => x.slice(0, 5))).toEqual(kept.map((b) => {
      const B = boxOf(b);
      return [Math.max(B[0], P[0]), Math.max(B[1], P[1]), Math.min(B[2], P[2]), Math.min(B[3], P[3]), d.classes[b]];
    }));
  } else {
    // ResizeMix: every partner box, scaled (within float32 rounding of the exact map), none lost.
    expect(rest.length).toBe(list(j).length);
    list(j).forEach((b, m) => {
      const B = boxOf(b);
      const sx = (P[2] - P[0]) / w, sy = (P[3] - P[1]) / h;
      const exact = [P[0] + B[0] * sx, P[1] + B[1] * sy, P[0] + B[2] * sx, P[1] + B[3] * sy];
      rest[m].slice(0, 4).forEach((x, q) => expect(Math.abs(x - exact[q])).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(exact[q]))));
      expect(rest[m][4]).toBe(d.classes[b]);
    });
  }
}

describe('properties on random boxes', () => {
  it('every output box lies in the image and in the region it claims; nothing visible is lost at minVisibility 0', () => {
    fc.assert(fc.property(arbCase, (c) => {
      const r = mixDetections(c.p, c.d, c.h, c.w, c.v);
      const n = c.d.offsets.length - 1;
      expect(r.offsets[0]).toBe(0);
      expect(r.offsets[n]).toBe(r.classes.length);
      expect(r.boxes.length).toBe(4 * r.classes.length);
      for (let i = 0; i < n; i++) checkSample(c, r, i);
    }), { numRuns: 600, seed: 12 });
  });

  it('per-sample params: each sample comes out as under its own op for the whole batch', () => {
    fc.assert(fc.property(arbCase.filter((c) => (c.p.op as string) === 'mixed'), (c) => {
      const r = mixDetections(c.p, c.d, c.h, c.w, c.v);
      const ops = (c.p as unknown as { ops: Op[] }).ops;
      ops.forEach((op, i) => {
        const whole = { op, index: c.p.index, lam: c.p.lam, ...(op === 'cutmix' || op === 'resizemix' ? { boxes: c.p.boxes } : {}) } as MixParams;
        expect(rows(r, i)).toEqual(rows(mixDetections(whole, c.d, c.h, c.w, c.v), i));
      });
    }), { numRuns: 200, seed: 7 });
  });
});

// ---- through the public API, every backend ----

const apiResults = new Map<string, MixedDetections>();
const apiCases = fc.sample(arbCase.filter((c) => (c.p.op as string) !== 'mixed'), { numRuns: 40, seed: 3 });

forEachBackend((backend) => {
  let mix: BatchMix;
  beforeAll(async () => { mix = await mixer(backend, { numClasses: 5 }); });
  afterAll(() => mix.dispose());

  it('apply returns the mixed detections (40 random cases), the input untouched', async () => {
    for (const [k, c] of apiCases.entries()) {
      const n = c.d.offsets.length - 1;
      const batch = { data: new Uint8Array(n * c.h * c.w * 3), shape: [n, c.h, c.w, 3] as const, layout: 'NHWC' as const };
      const before = c.d.boxes.slice();
      const r = await mix.apply(batch, new Int32Array(n), c.p, { detections: c.d, minVisibility: c.v });
      expect(c.d.boxes).toEqual(before);
      expect(r.detections).toEqual(mixDetections(c.p, c.d, c.h, c.w, c.v));
      apiResults.set(`${backend} ${k}`, r.detections!);
    }
  });
});

describe('detections agree across backends', () => {
  it('the same lists on js, wasm and webgl2', () => {
    for (let k = 0; k < apiCases.length; k++) {
      for (const b of BACKENDS) expect(apiResults.get(`${b} ${k}`), `${b} case ${k}`).toEqual(apiResults.get(`js ${k}`));
    }
  });
});
