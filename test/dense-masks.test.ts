/** The masks suite in Node: js, wasm and webgl2 (headless-gl under Xvfb). */
import { defineMasksSuite } from './helpers/dense-masks-suite.js';

defineMasksSuite();
