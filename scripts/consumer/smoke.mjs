// `import` from the installed package (ESM consumer).
import * as batchmix from 'batchmix';
import mixupCheck from './mixup-check.cjs';

await mixupCheck(batchmix, 'import');
