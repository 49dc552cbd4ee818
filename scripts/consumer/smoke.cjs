// `require` from the installed package (CommonJS consumer; Node >= 20.19 loads the ES module).
'use strict';
const mixupCheck = require('./mixup-check.cjs');

mixupCheck(require('batchmix'), 'require').catch((e) => {
  console.error(e);
  process.exit(1);
});
