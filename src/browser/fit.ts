/**
 * How a source of w×h pixels is fitted into a target of W×H pixels: the source rectangle that is
 * read and the destination rectangle it is drawn to (the arguments of `drawImage`).
 */
import { fail } from '../errors.js';

/**
 * - 'reject': the source must already be W×H (else BAD_SHAPE); nothing is resampled.
 * - 'stretch': the whole source onto the whole target (the aspect ratio may change).
 * - 'cover': scaled by s = max(W/w, H/h) and centre-cropped, so the target is filled.
 * - 'contain': scaled by s = min(W/w, H/h) and centred; the margins are 0 (transparent black, black in RGB).
 */
export type Fit = 'reject' | 'stretch' | 'cover' | 'contain';
export const FITS: readonly Fit[] = ['reject', 'stretch', 'cover', 'contain'];

export interface FitRect {
  readonly sx: number;
  readonly sy: number;
  readonly sw: number;
  readonly sh: number;
  readonly dx: number;
  readonly dy: number;
  readonly dw: number;
  readonly dh: number;
}

/**
 * The rectangles for fitting w×h into W×H (all sizes ≥ 1, checked by the caller):
 * cover: sw = W/s, sh = H/s, sx = (w − sw)/2, sy = (h − sh)/2, destination the whole target;
 * contain: dw = w·s, dh = h·s, dx = (W − dw)/2, dy = (H − dh)/2, source the whole image.
 * Fractional rectangles are legal `drawImage` arguments. Throws BAD_SHAPE for 'reject' with a size mismatch.
 */
export function fitRect(where: string, fit: Fit, w: number, h: number, W: number, H: number): FitRect {
  const whole = { sx: 0, sy: 0, sw: w, sh: h, dx: 0, dy: 0, dw: W, dh: H };
  if (w === W && h === H) return whole;
  if (fit === 'reject') {
    fail(
      'BAD_SHAPE',
      `${where} is ${w}×${h} but the batch is ${W}×${H} (width×height); images of different sizes need ` +
        `options.fit: 'stretch', 'cover' or 'contain' to resize them, or options.size to set the batch size`,
    );
  }
  if (fit === 'stretch') return whole;
  if (fit === 'cover') {
    const s = Math.max(W / w, H / h);
    const sw = W / s, sh = H / s;
    return { ...whole, sx: (w - sw) / 2, sy: (h - sh) / 2, sw, sh };
  }
  const s = Math.min(W / w, H / h);
  const dw = w * s, dh = h * s;
  return { ...whole, dx: (W - dw) / 2, dy: (H - dh) / 2, dw, dh };
}
