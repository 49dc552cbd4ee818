/**
 * The plain-JavaScript peer's ResizeMix: out = x, then each sample's box gets its partner resized to
 * the box size, as PyTorch `F.interpolate(..., align_corners=False)` (bilinear, or bicubic with
 * A = −0.75), direct 2-D form: v = Σ_a Σ_b wy[a]·wx[b]·x[partner, ch, iy[a], ix[b]], in doubles.
 * The per-axis coordinates follow torch's float32 arithmetic (scale s = fround(in/out)), computed
 * on every call as a hand-written version would. uint8: clamp(floor(v + 0.5), 0, 255).
 */
import type { Interpolation, PixelData } from '../../src/index.js';
import type { Strides } from './plain-js.js';

const f = Math.fround;
const A = -0.75;

interface Axis {
  /** Taps per output: 2 (bilinear) or 4 (bicubic). */
  readonly k: number;
  readonly idx: Int32Array;
  readonly wt: Float64Array;
}

function cubicNear(t: number): number {
  return ((A + 2) * t - (A + 3)) * t * t + 1;
}

function cubicFar(t: number): number {
  return ((A * t - 5 * A) * t + 8 * A) * t - 4 * A;
}

/** Source indices and weights of one axis, in → out, for 'bilinear' or 'bicubic'. */
function axis(inSize: number, outSize: number, mode: Interpolation): Axis {
  const k = mode === 'bicubic' ? 4 : 2;
  const idx = new Int32Array(outSize * k);
  const wt = new Float64Array(outSize * k);
  const s = f(inSize / outSize);
  const last = inSize - 1;
  for (let o = 0; o < outSize; o++) {
    const src = f(f(s * (o + 0.5)) - 0.5);
    if (k === 2) {
      if (outSize === inSize) {
        idx[2 * o] = idx[2 * o + 1] = o;
        wt[2 * o] = 1;
        continue;
      }
      const x = Math.max(src, 0);
      const i0 = Math.min(Math.floor(x), last);
      const w1 = Math.min(Math.max(x - i0, 0), 1);
      idx[2 * o] = i0;
      idx[2 * o + 1] = Math.min(i0 + 1, last);
      wt[2 * o] = 1 - w1;
      wt[2 * o + 1] = w1;
    } else {
      const i0 = Math.min(Math.floor(src), last);
      const t = Math.min(Math.max(src - i0, 0), 1);
      const w = [cubicFar(t + 1), cubicNear(t), cubicNear(1 - t), cubicFar(2 - t)];
      for (let j = 0; j < 4; j++) {
        idx[4 * o + j] = Math.min(Math.max(i0 - 1 + j, 0), last);
        wt[4 * o + j] = w[j];
      }
    }
  }
  return { k, idx, wt };
}

/**
 * ResizeMix out of place on square size×size images with `c` channels: `out` = `x` outside the box
 * [y0, y1) × [x0, x1); inside, the partner index[i] resized to the box (see the file comment).
 */
export function resizeMix(
  x: PixelData, out: PixelData, index: Int32Array, box: readonly number[], mode: Interpolation,
  size: number, c: number, s: Strides, isUint8: boolean,
): void {
  const [y0, y1, x0, x1] = box;
  const ay = axis(size, y1 - y0, mode);
  const ax = axis(size, x1 - x0, mode);
  const k = ay.k;
  out.set(x);
  for (let i = 0; i < index.length; i++) {
    const from = index[i] * s.sn;
    const to = i * s.sn;
    for (let ch = 0; ch < c; ch++) {
      for (let oy = 0; oy < y1 - y0; oy++) {
        for (let ox = 0; ox < x1 - x0; ox++) {
          let v = 0;
          for (let a = 0; a < k; a++) {
            const row = from + ch * s.sc + ay.idx[oy * k + a] * s.sy;
            for (let b = 0; b < k; b++) v += ay.wt[oy * k + a] * ax.wt[ox * k + b] * x[row + ax.idx[ox * k + b] * s.sx];
          }
          const e = to + ch * s.sc + (y0 + oy) * s.sy + (x0 + ox) * s.sx;
          out[e] = isUint8 ? Math.min(Math.max(Math.floor(v + 0.5), 0), 255) : v;
        }
      }
    }
  }
}
