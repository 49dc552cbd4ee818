/**
 * Loads the PyTorch fixtures written by scripts/gen_fixtures.py (test/fixtures/*.json): float arrays
 * are base64 little-endian float32. JSON imports, so the same loader works in Node and in the browser.
 */
import interpolateJson from '../fixtures/interpolate.json' with { type: 'json' };
import sweepJson from '../fixtures/interpolate-sweep.json' with { type: 'json' };
import indicesJson from '../fixtures/nearest-indices.json' with { type: 'json' };
import weightsJson from '../fixtures/taps-weights.json' with { type: 'json' };
import mixesJson from '../fixtures/mixes.json' with { type: 'json' };
import type { ImageBatch, Interpolation, MixParams, Op } from '../../src/types.js';

export const MODES: readonly Interpolation[] = ['nearest', 'nearest-exact', 'bilinear', 'bicubic', 'area'];

/** base64 of little-endian float32 values → Float32Array. */
export function decodeFloat32(b64: string): Float32Array {
  const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
  if (bytes.length % 4 !== 0) throw new Error(`fixture: ${bytes.length} bytes is not a whole number of float32s`);
  const view = new DataView(bytes.buffer);
  return Float32Array.from({ length: bytes.length / 4 }, (_, i) => view.getFloat32(4 * i, true));
}

function decodeModes(outputs: Record<string, string>): Record<Interpolation, Float32Array> {
  return Object.fromEntries(MODES.map((m) => [m, decodeFloat32(outputs[m])])) as Record<Interpolation, Float32Array>;
}

/** `F.interpolate` of a [1, c, inH, inW] input to [1, c, outH, outW], per mode. */
export interface ResizeFixture {
  name: string;
  c: number; inH: number; inW: number; outH: number; outW: number;
  input: Float32Array;
  outputs: Record<Interpolation, Float32Array>;
}

interface ResizeJson { name: string; c: number; inH: number; inW: number; outH: number; outW: number; input: string; outputs: Record<string, string> }
interface SweepJson { inSize: number; outSize: number; input: string; outputs: Record<string, string> }
interface IndexJson { inSize: number; outSize: number; nearest: number[]; 'nearest-exact': number[] }

export function resizeFixtures(): ResizeFixture[] {
  return (interpolateJson.cases as ResizeJson[]).map((r) => ({ ...r, input: decodeFloat32(r.input), outputs: decodeModes(r.outputs) }));
}

/** One axis: `F.interpolate` of a [1, 1, inSize, 1] input to [1, 1, outSize, 1], per mode; sizes 1..16. */
export interface SweepFixture { inSize: number; outSize: number; input: Float32Array; outputs: Record<Interpolation, Float32Array> }

export function sweepFixtures(): SweepFixture[] {
  return (sweepJson.cases as SweepJson[]).map((r) => ({ ...r, input: decodeFloat32(r.input), outputs: decodeModes(r.outputs) }));
}

/** torch's source index of every output (resizing arange(inSize)), for nearest and nearest-exact. */
export type IndexFixture = IndexJson;

export function nearestIndexFixtures(): IndexFixture[] {
  return indicesJson.cases as IndexJson[];
}

interface WeightsJson { inSize: number; outSize: number; bilinear: SparseJson; bicubic: SparseJson; area: SparseJson }
interface SparseJson { pos: number[]; w: string }

/** torch's weights for one axis, in → out: `dense[o·in + k]` is output o's weight of input k. */
export interface WeightsFixture { inSize: number; outSize: number; dense: Record<'bilinear' | 'bicubic' | 'area', Float32Array> }

/** Every in, out in 1..16 (torch resizing the rows of an identity). */
export function weightsFixtures(): WeightsFixture[] {
  return (weightsJson.cases as WeightsJson[]).map((r) => {
    const dense = (s: SparseJson) => {
      const d = new Float32Array(r.inSize * r.outSize);
      decodeFloat32(s.w).forEach((v, j) => { d[s.pos[j]] = v; });
      return d;
    };
    return { inSize: r.inSize, outSize: r.outSize, dense: { bilinear: dense(r.bilinear), bicubic: dense(r.bicubic), area: dense(r.area) } };
  });
}

interface MixJson {
  name: string; shape: number[]; layout: 'NCHW'; numClasses: number; labels: number[];
  params: { op: Op; index: number[]; lam: number[]; boxes?: number[]; interpolation?: Interpolation };
  reference: { rawLam: number; cy?: number; cx?: number; correctLam?: boolean };
  input: string;
  expected: { images: string; labels: string };
}

/** A whole MMClassification 0.25 call: input batch, class ids, the params to replay, expected output. */
export interface MixFixture {
  name: string;
  numClasses: number;
  batch: ImageBatch<Float32Array>;
  labels: Int32Array;
  params: MixParams;
  /** How the generator drew it (raw λ, box centre, correct_lam), for messages. */
  reference: MixJson['reference'];
  expected: { images: Float32Array; labels: Float32Array };
}

export function mixFixtures(): MixFixture[] {
  return (mixesJson.cases as MixJson[]).map((m) => {
    const p: MixParams = { op: m.params.op, index: Int32Array.from(m.params.index), lam: Float32Array.from(m.params.lam) };
    if (m.params.boxes) p.boxes = Int32Array.from(m.params.boxes);
    if (m.params.interpolation) p.interpolation = m.params.interpolation;
    const [n, c, h, w] = m.shape;
    return {
      name: m.name,
      numClasses: m.numClasses,
      batch: { data: decodeFloat32(m.input), shape: [n, c, h, w], layout: m.layout },
      labels: Int32Array.from(m.labels),
      params: p,
      reference: m.reference,
      expected: { images: decodeFloat32(m.expected.images), labels: decodeFloat32(m.expected.labels) },
    };
  });
}
