/**
 * The resize taps on the GPU: the planner's taps (src/plan/taps.ts, computed once in TypeScript for
 * every backend) copied into one small RGBA32UI TEXTURE_2D_ARRAY, never recomputed in GLSL. Each texel of the flat
 * list holds (source index, float32 bits of the weight, quantised weight + 32768, 0): the quantised
 * weight (uint8's integer path, SPEC §5: AxisTaps.q from src/plan/quantize.ts) is offset so that the
 * shader reads it as a non-negative uint.
 * Entry e's row axis starts at texel y[e] (outSize·k texels: output o, tap j at y[e] + o·k + j), its
 * column axis at x[e].
 */
import { fail } from '../../errors.js';
import type { AxisTaps, ResizeTaps } from '../backend.js';
import { floorPow2 } from './packing.js';
import type { GlResources } from './pool.js';

export interface TapsTable {
  readonly tex: WebGLTexture;
  /** log2 of the texels per row and of the rows per layer of the texture. */
  readonly shift: number;
  readonly rows: number;
  /** First texel and taps per output of each entry's row (y) and column (x) axis. */
  readonly y: Int32Array;
  readonly ky: Int32Array;
  readonly x: Int32Array;
  readonly kx: Int32Array;
}

/** Offset added to the quantised weights so that they travel as non-negative uints. */
const Q_OFFSET = 32768;

function put(data: Uint32Array, bits: Uint32Array, at: number, axis: AxisTaps): number {
  const count = axis.outSize * axis.k;
  const weights = new Float32Array(bits.buffer, 0, 1);
  const q = axis.q;
  for (let t = 0; t < count; t++) {
    weights[0] = axis.wt[t];
    data[4 * (at + t)] = axis.idx[t];
    data[4 * (at + t) + 1] = bits[0];
    data[4 * (at + t) + 2] = q[t] + Q_OFFSET;
  }
  return at + count;
}

/**
 * Uploads every entry's taps into a 2^shift × 2^rows × layers RGBA32UI array, powers of two so that
 * the shader splits a texel number with shifts: texel t at (t mod 2^shift, (t >> shift) mod 2^rows,
 * layer t >> (shift + rows)). TOO_LARGE beyond maxLayers layers of floorPow2(maxSize)².
 */
export function uploadTaps(gl: WebGL2RenderingContext, res: GlResources, taps: readonly ResizeTaps[], maxSize: number, maxLayers: number): TapsTable {
  const e = taps.length;
  const y = new Int32Array(e), ky = new Int32Array(e), x = new Int32Array(e), kx = new Int32Array(e);
  let total = 0;
  for (let i = 0; i < e; i++) {
    y[i] = total; ky[i] = taps[i].y.k; total += taps[i].y.outSize * taps[i].y.k;
    x[i] = total; kx[i] = taps[i].x.k; total += taps[i].x.outSize * taps[i].x.k;
  }
  const maxW = floorPow2(maxSize);
  const width = Math.min(ceilPow2(total), maxW);
  const height = Math.min(ceilPow2(Math.ceil(total / width)), maxW);
  const layers = Math.max(1, Math.ceil(total / (width * height)));
  if (layers > maxLayers) {
    fail('TOO_LARGE', `resizePaste: the resize taps need ${total} texels, more than ${maxLayers} layers of ${maxW}×${maxW} hold`);
  }
  const data = new Uint32Array(4 * width * height * layers);
  const bits = new Uint32Array(1);
  let at = 0;
  for (const t of taps) at = put(data, bits, put(data, bits, at, t.y), t.x);
  const tex = res.tapsTexture(width, height, layers);
  gl.bindTexture(gl.TEXTURE_2D_ARRAY, tex);
  gl.texSubImage3D(gl.TEXTURE_2D_ARRAY, 0, 0, 0, 0, width, height, layers, gl.RGBA_INTEGER, gl.UNSIGNED_INT, data);
  gl.bindTexture(gl.TEXTURE_2D_ARRAY, null);
  return { tex, shift: Math.log2(width), rows: Math.log2(height), y, ky, x, kx };
}

/** The smallest power of two ≥ n (1 for n ≤ 1). */
function ceilPow2(n: number): number {
  return n <= 1 ? 1 : 2 ** Math.ceil(Math.log2(n));
}
