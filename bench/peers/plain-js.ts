/**
 * The plain-JavaScript peer: what a developer writes by hand with typed arrays and scalar loops
 * (V8 does not vectorise them). Any layout through element strides; the math is JS doubles, stored
 * into the output array (float32 rounding on store; uint8 as (v + 0.5) | 0, i.e. floor(v + 0.5) for v ≥ 0).
 *
 * - mixup:       out[i][k] = λ·x[i][k] + (1 − λ)·x[index[i]][k]
 * - cutmix oop:  out.set(x), then out[i][box] = x[index[i]][box], element by element
 * - cutmix ip:   gather every partner's box into one temp first (reads see the input), then write the boxes
 * - resizemix:   plain-js-resize.ts
 */
import type { PixelData } from '../../src/index.js';
import type { Case, CaseInfo } from '../cases.js';
import { resizeMix } from './plain-js-resize.js';
import { inProcessRunner, type CaseInput, type Impl, type Runner } from './types.js';

/** Element strides of sample, channel, row and column. */
export interface Strides {
  readonly sn: number;
  readonly sc: number;
  readonly sy: number;
  readonly sx: number;
}

/** Element strides of a case's batch: NCHW (c·S², S², S, 1) or NHWC (S²·c, 1, S·c, c) for S×S images. */
export function stridesOf(info: CaseInfo, size: number): Strides {
  const { c } = info;
  return info.layout === 'NCHW'
    ? { sn: c * size * size, sc: size * size, sy: size, sx: 1 }
    : { sn: size * size * c, sc: 1, sy: size * c, sx: c };
}

function mixup(x: PixelData, out: PixelData, index: Int32Array, lam: number, sn: number, isUint8: boolean): void {
  const mu = 1 - lam;
  for (let i = 0; i < index.length; i++) {
    const a = i * sn;
    const b = index[i] * sn;
    if (isUint8) for (let k = 0; k < sn; k++) out[a + k] = (lam * x[a + k] + mu * x[b + k] + 0.5) | 0;
    else for (let k = 0; k < sn; k++) out[a + k] = lam * x[a + k] + mu * x[b + k];
  }
}

/** Copies box `bx` of sample `from` in `x` to sample `to` in `out` (same strides). */
function copyBox(x: PixelData, from: number, out: PixelData, to: number, bx: readonly number[], c: number, s: Strides): void {
  const [y0, y1, x0, x1] = bx;
  for (let ch = 0; ch < c; ch++) {
    for (let y = y0; y < y1; y++) {
      for (let xx = x0; xx < x1; xx++) {
        const e = ch * s.sc + y * s.sy + xx * s.sx;
        out[to * s.sn + e] = x[from * s.sn + e];
      }
    }
  }
}

function cutmixOutOfPlace(x: PixelData, out: PixelData, index: Int32Array, bx: readonly number[], c: number, s: Strides): void {
  out.set(x);
  for (let i = 0; i < index.length; i++) copyBox(x, index[i], out, i, bx, c, s);
}

/** In place: every partner box is read into `temp` (index.length boxes, packed) before any write. */
function cutmixInPlace(x: PixelData, temp: PixelData, index: Int32Array, bx: readonly number[], c: number, s: Strides): void {
  const [y0, y1, x0, x1] = bx;
  let t = 0;
  for (let i = 0; i < index.length; i++) {
    const base = index[i] * s.sn;
    for (let ch = 0; ch < c; ch++) for (let y = y0; y < y1; y++) for (let xx = x0; xx < x1; xx++) temp[t++] = x[base + ch * s.sc + y * s.sy + xx * s.sx];
  }
  t = 0;
  for (let i = 0; i < index.length; i++) {
    const base = i * s.sn;
    for (let ch = 0; ch < c; ch++) for (let y = y0; y < y1; y++) for (let xx = x0; xx < x1; xx++) x[base + ch * s.sc + y * s.sy + xx * s.sx] = temp[t++];
  }
}

function newLike(data: PixelData, length = data.length): PixelData {
  return new (data.constructor as new (n: number) => PixelData)(length);
}

/** The 'plain-js' row (see the file comment). */
export function plainJs(): Impl {
  return {
    name: 'plain-js',
    group: 'peer',
    description: 'straightforward plain JavaScript: scalar typed-array loops over strides (bench/peers/plain-js.ts)',
    init: async () => null,
    unsupported: (_c: Case, _info: CaseInfo) => null,
    prepare(x: CaseInput): Promise<Runner> {
      const { info, params } = x;
      const s = stridesOf(info, x.c.size);
      const isUint8 = info.dtype === 'uint8';
      const data = x.input.slice();
      if (info.kind === 'cutmix' && info.inPlace) {
        const [y0, y1, x0, x1] = info.box!;
        const temp = newLike(data, x.c.n * info.c * (y1 - y0) * (x1 - x0));
        return inProcessRunner(() => cutmixInPlace(data, temp, params.index, info.box!, info.c, s), () => data);
      }
      const out = newLike(data);
      let call: () => void;
      if (info.kind === 'mixup') call = () => mixup(data, out, params.index, params.lam[0], s.sn, isUint8);
      else if (info.kind === 'cutmix') call = () => cutmixOutOfPlace(data, out, params.index, info.box!, info.c, s);
      else call = () => resizeMix(data, out, params.index, info.box!, info.interpolation!, x.c.size, info.c, s, isUint8);
      return inProcessRunner(call, () => out);
    },
    close: () => {},
  };
}
