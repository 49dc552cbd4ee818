/**
 * The resize taps on the GPU: the planner's taps (src/plan/taps.ts, computed once in TypeScript for
 * every backend) copied into one small RG32UI TEXTURE_2D_ARRAY, never recomputed in GLSL. Texel t of the flat
 * list lies at (t mod width, ⌊t / width⌋ mod height, layer ⌊t / (width·height)⌋) and holds (source
 * index, float32 bits of the weight).
 * Entry e's row axis starts at texel y[e] (outSize·k texels: output o, tap j at y[e] + o·k + j), its
 * column axis at x[e].
 */
import { fail } from '../../errors.js';
import type { AxisTaps, ResizeTaps } from '../backend.js';
import type { GlResources } from './pool.js';

export interface TapsTable {
  readonly tex: WebGLTexture;
  /** Texels per row and rows per layer of the texture. */
  readonly width: number;
  readonly height: number;
  /** First texel and taps per output of each entry's row (y) and column (x) axis. */
  readonly y: Int32Array;
  readonly ky: Int32Array;
  readonly x: Int32Array;
  readonly kx: Int32Array;
}

function put(data: Uint32Array, bits: Uint32Array, at: number, axis: AxisTaps): number {
  const count = axis.outSize * axis.k;
  const weights = new Float32Array(bits.buffer, 0, 1);
  for (let t = 0; t < count; t++) {
    weights[0] = axis.wt[t];
    data[2 * (at + t)] = axis.idx[t];
    data[2 * (at + t) + 1] = bits[0];
  }
  return at + count;
}

/**
 * Uploads every entry's taps into a width × height × layers RG32UI array no larger than the limits
 * (TOO_LARGE beyond them): texel t at (t mod width, ⌊t / width⌋ mod height, ⌊t / (width·height)⌋).
 */
export function uploadTaps(gl: WebGL2RenderingContext, res: GlResources, taps: readonly ResizeTaps[], maxSize: number, maxLayers: number): TapsTable {
  const e = taps.length;
  const y = new Int32Array(e), ky = new Int32Array(e), x = new Int32Array(e), kx = new Int32Array(e);
  let total = 0;
  for (let i = 0; i < e; i++) {
    y[i] = total; ky[i] = taps[i].y.k; total += taps[i].y.outSize * taps[i].y.k;
    x[i] = total; kx[i] = taps[i].x.k; total += taps[i].x.outSize * taps[i].x.k;
  }
  const width = Math.max(1, Math.min(total, maxSize));
  const height = Math.max(1, Math.min(Math.ceil(total / width), maxSize));
  const layers = Math.max(1, Math.ceil(total / (width * height)));
  if (layers > maxLayers) {
    fail('TOO_LARGE', `resizePaste: the resize taps need ${total} texels, more than ${maxLayers} layers of ${maxSize}×${maxSize} hold`);
  }
  const data = new Uint32Array(2 * width * height * layers);
  const bits = new Uint32Array(1);
  let at = 0;
  for (const t of taps) at = put(data, bits, put(data, bits, at, t.y), t.x);
  const tex = res.tapsTexture(width, height, layers);
  gl.bindTexture(gl.TEXTURE_2D_ARRAY, tex);
  gl.texSubImage3D(gl.TEXTURE_2D_ARRAY, 0, 0, 0, 0, width, height, layers, gl.RG_INTEGER, gl.UNSIGNED_INT, data);
  gl.bindTexture(gl.TEXTURE_2D_ARRAY, null);
  return { tex, width, height, y, ky, x, kx };
}
