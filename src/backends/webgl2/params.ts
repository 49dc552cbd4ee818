/**
 * The per-sample parameters of one draw target, as the shaders read them (glsl/batch.glsl): four
 * RGBA32F texels per output slot j, at texels 4j .. 4j+3 of a TEXTURE_2D with rows of 2^shift texels.
 *   P0 = (self slot, partner slot, partner's page, copy): copy = 1 for a sample the job does not
 *        write (KernelArgs.samples): the shader copies its own element
 *   P1 = blend: (λ, 1 − λ, w = mixWeight(λ) = clamp(floor(λ·2^14 + 0.5), 0, 2^14), 0), λ and 1 − λ in float32;
 *        paste, resizePaste: the box (y0, y1, x0, x1)
 *   P2 = resizePaste: (first y tap, taps per y output, first x tap, taps per x output)
 * Integers are below 2^24, so they are exact as floats. Computed here once, on the CPU (STYLE 2).
 */
import { mixWeight } from '../../plan/quantize.js';
import type { KernelArgs } from './draw.js';
import { floorPow2 } from './packing.js';
import type { GlResources } from './pool.js';

export interface ParamsTable {
  readonly tex: WebGLTexture;
  readonly shift: number;
}

/** Where the slot's inputs are: its own sample's slot, and its partner's page and slot. */
export interface SlotSources {
  self(i: number): number;
  partner(j: number): { page: number; slot: number };
}

/** The params of output samples [first, first + count) (slot j = sample first + j). */
export function paramsData(a: KernelArgs, first: number, count: number, src: SlotSources): Float32Array {
  const d = new Float32Array(16 * count);
  const listed = a.samples ? new Set(a.samples) : undefined;
  for (let j = 0; j < count; j++) {
    const i = first + j;
    const p = src.partner(a.index[i]);
    const o = 16 * j;
    d[o] = src.self(i); d[o + 1] = p.slot; d[o + 2] = p.page;
    if (listed && !listed.has(i)) {
      d[o + 3] = 1; // not written by this job: an identity copy (paste/resizePaste: an empty box, below)
      continue;
    }
    if (a.kernel === 'blend') {
      const wa = Math.fround(a.lam![i]);
      d[o + 4] = wa; d[o + 5] = Math.fround(1 - wa); d[o + 6] = mixWeight(wa);
    } else {
      d.set(a.boxes!.subarray(4 * i, 4 * i + 4), o + 4);
      if (a.kernel === 'resizePaste') {
        const e = a.tapOf![i];
        const t = a.taps!;
        d[o + 8] = t.y[e]; d[o + 9] = t.ky[e]; d[o + 10] = t.x[e]; d[o + 11] = t.kx[e];
      }
    }
  }
  return d;
}

/** Uploads params for `count` slots into a pooled RGBA32F texture (rows of ≤ floorPow2(maxSize) texels). */
export function uploadParams(gl: WebGL2RenderingContext, res: GlResources, data: Float32Array, count: number, maxSize: number): ParamsTable {
  const texels = 4 * Math.max(1, count);
  const width = Math.min(floorPow2(maxSize), 2 ** Math.ceil(Math.log2(texels)));
  const rows = Math.ceil(texels / width);
  const padded = new Float32Array(4 * width * rows);
  padded.set(data);
  const tex = res.paramsTexture(width, rows);
  gl.bindTexture(gl.TEXTURE_2D, tex);
  gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, width, rows, gl.RGBA, gl.FLOAT, padded);
  gl.bindTexture(gl.TEXTURE_2D, null);
  return { tex, shift: Math.log2(width) };
}
