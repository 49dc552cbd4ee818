/** The parity suite in Chromium: js, wasm and webgl2 (a real canvas context; SwiftShader here). */
import { defineParitySuite } from './helpers/parity-suite.js';

defineParitySuite();
