/**
 * The resize taps on the GPU: the planner's taps (src/plan/taps.ts, computed once in TypeScript for
 * every backend) copied into one small RG32UI TEXTURE_2D_ARRAY, never recomputed in GLSL. Each texel of the flat
 * list holds (source index, float32 bits of the weight), or for uint8 batches (source index, the
 * 14-bit integer weight q as int32 bits: src/plan/quantize.ts).
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

function put(data: Uint32Array, bits: Uint32Array, at: number, axis: AxisTaps, u8: boolean): number {
  const count = axis.outSize * axis.k;
  const weights = new Float32Array(bits.buffer, 0, 1);
  for (let t = 0; t < count; t++) {
    weights[0] = axis.wt[t];
    data[2 * (at + t)] = axis.idx[t];
    data[2 * (at + t) + 1] = u8 ? axis.q[t] >>> 0 : bits[0];
  }
  return at + count;
}

/**
 * Uploads every entry's taps into a 2^shift × 2^rows × layers RG32UI array, powers of two so that
 * the shader splits a texel number with shifts: texel t at (t mod 2^shift, (t >> shift) mod 2^rows,
 * layer t >> (shift + rows)). TOO_LARGE beyond maxLayers layers of floorPow2(maxSize)².
 */
export function uploadTaps(gl: WebGL2RenderingContext, res: GlResources, taps: readonly ResizeTaps[], maxSize: number, maxLayers: number, u8: boolean): TapsTable {
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
  const data = new Uint32Array(2 * width * height * layers);
  const bits = new Uint32Array(1);
  let at = 0;
  for (const t of taps) at = put(data, bits, put(data, bits, at, t.y, u8), t.x, u8);
  const tex = res.tapsTexture(width, height, layers);
  gl.bindTexture(gl.TEXTURE_2D_ARRAY, tex);
  gl.texSubImage3D(gl.TEXTURE_2D_ARRAY, 0, 0, 0, 0, width, height, layers, gl.RG_INTEGER, gl.UNSIGNED_INT, data);
  gl.bindTexture(gl.TEXTURE_2D_ARRAY, null);
  return { tex, shift: Math.log2(width), rows: Math.log2(height), y, ky, x, kx };
}

/** The smallest power of two ≥ n (1 for n ≤ 1). */
function ceilPow2(n: number): number {
  return n <= 1 ? 1 : 2 ** Math.ceil(Math.log2(n));
}
