/**
 * The UCI handwritten digits (scikit-learn's `load_digits`, data/README.md): parsing the committed
 * byte file and a fixed, stratified train/test split. Browser-safe (no Node built-ins): the caller
 * reads `data/digits.bin` (fs in Node, fetch in a browser) and hands the bytes to `parseDigits`.
 *
 * File layout (uint8, no header): N = 1,797 labels 0..9, then N images of 8×8 pixels, row-major,
 * values 0..16. Model input: float32 NHWC [n, 8, 8, 1], pixel / 16, so in [0, 1].
 */
import { makeRng, shuffle } from './rng.js';

export const DIGITS_COUNT = 1797;
export const DIGITS_SIZE = 8;
export const DIGITS_CLASSES = 10;
const PIXELS = DIGITS_SIZE * DIGITS_SIZE;
const MAX_VALUE = 16;

export interface Digits {
  /** n × 64 pixels, row-major 8×8, values 0..16. */
  readonly pixels: Uint8Array;
  /** n class ids, 0..9. */
  readonly labels: Int32Array;
  readonly count: number;
}

/** Parses digits.bin; throws on a wrong length or a value out of range (a damaged or foreign file). */
export function parseDigits(bytes: Uint8Array): Digits {
  const want = DIGITS_COUNT * (1 + PIXELS);
  if (bytes.length !== want) throw new Error(`parseDigits: bytes: expected ${want} bytes (1,797 labels + 1,797 × 64 pixels), got ${bytes.length}`);
  const labels = Int32Array.from(bytes.subarray(0, DIGITS_COUNT));
  const pixels = bytes.slice(DIGITS_COUNT);
  const badLabel = labels.findIndex((l) => l >= DIGITS_CLASSES);
  if (badLabel >= 0) throw new Error(`parseDigits: label ${badLabel}: expected 0..9, got ${labels[badLabel]}`);
  const badPixel = pixels.findIndex((v) => v > MAX_VALUE);
  if (badPixel >= 0) throw new Error(`parseDigits: pixel ${badPixel}: expected 0..16, got ${pixels[badPixel]}`);
  return { pixels, labels, count: DIGITS_COUNT };
}

/** The images `rows` of `d` as a new Digits (in that order). */
export function pick(d: Digits, rows: ArrayLike<number>): Digits {
  const pixels = new Uint8Array(rows.length * PIXELS);
  const labels = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    pixels.set(d.pixels.subarray(rows[i] * PIXELS, (rows[i] + 1) * PIXELS), i * PIXELS);
    labels[i] = d.labels[rows[i]];
  }
  return { pixels, labels, count: rows.length };
}

/**
 * A stratified split: in each class, a seeded shuffle of its images, the first
 * round(testFraction · class size) go to test. Both sets keep the file's order.
 * With the defaults (0.25, seed 0): 1,346 training and 451 test images.
 */
export function splitDigits(d: Digits, testFraction = 0.25, seed = 0): { train: Digits; test: Digits } {
  const rng = makeRng(seed);
  const isTest = new Uint8Array(d.count);
  for (let c = 0; c < DIGITS_CLASSES; c++) {
    const rows: number[] = [];
    for (let i = 0; i < d.count; i++) if (d.labels[i] === c) rows.push(i);
    shuffle(rows, rng);
    for (const r of rows.slice(0, Math.round(testFraction * rows.length))) isTest[r] = 1;
  }
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < d.count; i++) (isTest[i] ? test : train).push(i);
  return { train: pick(d, train), test: pick(d, test) };
}

/** Images `rows` of `d` as model input: float32 NHWC [rows.length, 8, 8, 1], pixel / 16. */
export function toInput(d: Digits, rows?: ArrayLike<number>): Float32Array {
  const n = rows ? rows.length : d.count;
  const out = new Float32Array(n * PIXELS);
  for (let i = 0; i < n; i++) {
    const src = (rows ? rows[i] : i) * PIXELS;
    for (let p = 0; p < PIXELS; p++) out[i * PIXELS + p] = d.pixels[src + p] / MAX_VALUE;
  }
  return out;
}
