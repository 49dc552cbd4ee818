/**
 * A 5×7 bitmap font for the preview's labels: digits, the letters (lower case is drawn as upper
 * case) and a few symbols. Each glyph is 7 rows of 5 bits, written as 14 hex digits, one byte a row
 * from the top; bit 4 is the leftmost column. A character the font lacks is drawn as '?'.
 */
import type { Canvas, Rgb } from './canvas.js';

const GLYPHS: Readonly<Record<string, string>> = {
  '0': '0e11131519110e', '1': '040c040404040e', '2': '0e11010204081f', '3': '1f02040201110e',
  '4': '02060a121f0202', '5': '1f101e0101110e', '6': '0608101e11110e', '7': '1f010204080808',
  '8': '0e11110e11110e', '9': '0e11110f01020c',
  A: '0e11111f111111', B: '1e11111e11111e', C: '0e11101010110e', D: '1c12111111121c',
  E: '1f10101e10101f', F: '1f10101e101010', G: '0e11101711110f', H: '1111111f111111',
  I: '0e04040404040e', J: '0702020202120c', K: '11121418141211', L: '1010101010101f',
  M: '111b1515111111', N: '11111915131111', O: '0e11111111110e', P: '1e11111e101010',
  Q: '0e11111115120d', R: '1e11111e141211', S: '0f10100e01011e', T: '1f040404040404',
  U: '1111111111110e', V: '11111111110a04', W: '1111111515150a', X: '11110a040a1111',
  Y: '1111110a040404', Z: '1f01020408101f',
  ' ': '00000000000000', '.': '00000000000c0c', ',': '000000000c0408', ':': '000c0c000c0c00',
  '-': '0000001f000000', '+': '0004041f040400', '=': '00001f001f0000', '/': '00010204081000',
  '(': '02040808080402', ')': '08040202020408', '[': '0e08080808080e', ']': '0e02020202020e',
  '#': '0a0a1f0a1f0a0a', '%': '18190204081303', '<': '02040810080402', '>': '08040201020408',
  '_': '0000000000001f', '|': '04040404040404', '*': '00150e1f0e1500', '?': '0e110102040004',
  "'": '04040800000000', '!': '04040404040004',
};

/** Width and height of one glyph cell in font pixels (5×7 glyph, one column and one row of spacing). */
export const CELL_W = 6;
export const CELL_H = 8;

/** The 7 row bitmasks of `ch` (5 bits each, bit 4 leftmost); unknown characters give '?'. */
export function glyphRows(ch: string): number[] {
  const hex = GLYPHS[ch.toUpperCase()] ?? GLYPHS['?'];
  const rows: number[] = [];
  for (let r = 0; r < 7; r++) rows.push(parseInt(hex.slice(2 * r, 2 * r + 2), 16));
  return rows;
}

/** Width in canvas pixels of `text` drawn at `scale` (the trailing spacing column excluded). */
export function textWidth(text: string, scale: number): number {
  return text.length === 0 ? 0 : (text.length * CELL_W - 1) * scale;
}

/**
 * Draws `text` with its top-left corner at (x, y): font pixel (r, c) of character k covers canvas
 * pixels [y + r·s, y + (r+1)·s) × [x + (k·6 + c)·s, x + (k·6 + c + 1)·s), s = scale. Clipped to the canvas.
 */
export function drawText(canvas: Canvas, text: string, x: number, y: number, color: Rgb, scale = 1): void {
  for (let k = 0; k < text.length; k++) {
    const rows = glyphRows(text[k]);
    const gx = x + k * CELL_W * scale;
    for (let r = 0; r < 7; r++) {
      for (let c = 0; c < 5; c++) {
        if ((rows[r] >> (4 - c)) & 1) canvas.fillRect(gx + c * scale, y + r * scale, scale, scale, color);
      }
    }
  }
}
