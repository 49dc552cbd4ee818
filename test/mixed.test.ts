import { defineMixedSuite } from './helpers/mixed-suite.js';

defineMixedSuite();
