/** ResizeMix kernel of the js oracle (SPEC §1, §5): the whole partner, resized into the box. */
import type { ResizePasteJob } from '../backend.js';
import { COL_ROUND, COL_SHIFT, ROW_ROUND, ROW_SHIFT } from '../../plan/quantize.js';
import { copySample, readable, storeFor } from './pixels.js';

const f = Math.fround;

/**
 * dst[i] = src[i], then dst[i][c, y0 + oy, x0 + ox] = R(c, oy, ox) for oy < boxH, ox < boxW, where R
 * is the partner src[index[i]] resized H×W → boxH×boxW with the taps ty = taps[tapOf[i]].y and
 * tx = taps[tapOf[i]].x (src/plan/taps.ts; an entry with outSize 0 pastes nothing).
 *
 * float32: direct 2-D sum, row taps outer, column taps inner, every step rounded to float32 (f), in
 * this order (torch's CPU order for bilinear and bicubic, where torch also fuses some steps into
 * FMAs; other backends should keep this order):
 *   t_a = f(… f(f(wx_0·I[iy_a, ix_0]) + f(wx_1·I[iy_a, ix_1])) …)   for b = 0 .. kx−1
 *   R   = f(… f(f(wy_0·t_0) + f(wy_1·t_1)) …)                      for a = 0 .. ky−1
 * (bicubic may overshoot the input range).
 * uint8: the same order in integers with the taps' integer weights q (src/plan/quantize.ts):
 *   h_a = (Σ_b qx_b·I[iy_a, ix_b] + 128) >> 8,  R = clamp((Σ_a qy_a·h_a + 2^19) >> 20, 0, 255).
 * Element (c, y, x) of a sample is at c·sc + y·sy + x·sx: any layout and C. In place reads a snapshot.
 */
export function resizePaste(job: ResizePasteJob): void {
  const { dst, geom: g, index, boxes, taps, tapOf } = job;
  const src = readable(job.src, dst);
  const put = storeFor(dst);
  const u8 = g.dtype === 'uint8';
  for (let i = 0; i < g.n; i++) {
    if (job.src !== dst) copySample(src, dst, g, i, put);
    const { y: ty, x: tx } = taps[tapOf[i]];
    const y0 = boxes[4 * i], x0 = boxes[4 * i + 2];
    const own = i * g.sn;
    const partner = index[i] * g.sn;
    const ky = ty.k, kx = tx.k;
    for (let c = 0; c < g.c; c++) {
      const plane = partner + c * g.sc;
      for (let oy = 0; oy < ty.outSize; oy++) {
        for (let ox = 0; ox < tx.outSize; ox++) {
          const at = own + c * g.sc + (y0 + oy) * g.sy + (x0 + ox) * g.sx;
          let r = 0;
          for (let a = 0; a < ky; a++) {
            const row = plane + ty.idx[oy * ky + a] * g.sy;
            let t = 0;
            if (u8) {
              for (let b = 0; b < kx; b++) t += tx.q[ox * kx + b] * src[row + tx.idx[ox * kx + b] * g.sx];
              r += ty.q[oy * ky + a] * ((t + COL_ROUND) >> COL_SHIFT);
            } else {
              for (let b = 0; b < kx; b++) t = f(t + f(tx.wt[ox * kx + b] * src[row + tx.idx[ox * kx + b] * g.sx]));
              r = f(r + f(ty.wt[oy * ky + a] * t));
            }
          }
          if (u8) dst[at] = Math.min(Math.max((r + ROW_ROUND) >> ROW_SHIFT, 0), 255);
          else put(at, r);
        }
      }
    }
  }
}
