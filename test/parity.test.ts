/** The parity suite in Node: js, wasm and webgl2 (headless-gl under Xvfb). */
import { defineParitySuite } from './helpers/parity-suite.js';

defineParitySuite();
