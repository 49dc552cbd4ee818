/** The masks suite in Chromium: js, wasm and webgl2 (a real canvas context; SwiftShader here). */
import { defineMasksSuite } from './helpers/dense-masks-suite.js';

defineMasksSuite();
