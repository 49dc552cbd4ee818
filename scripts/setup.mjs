// Makes a fresh clone ready for `npm start` and `npm test` (run by their pre-scripts):
// installs the npm dependencies when node_modules is missing, and Debian's xvfb (an X display for
// headless-gl) and chromium (the browser tests) when they are missing and we may use apt-get.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });
const has = (cmd) => {
  try {
    execSync(`command -v ${cmd}`, { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
};

const needBrowser = process.argv.includes('--browser');
const missing = ['xvfb-run', 'xauth', ...(needBrowser ? ['chromium'] : [])].filter((c) => !has(c));
if (missing.length > 0) {
  const apt = 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb xauth libgl1-mesa-dri' + (needBrowser ? ' chromium' : '');
  if (process.getuid?.() === 0 && has('apt-get')) {
    console.log(`setup: installing ${missing.join(', ')} with apt-get`);
    run(apt);
  } else {
    console.error(`setup: missing ${missing.join(', ')}. Install them with:\n  sudo sh -c '${apt}'`);
    process.exit(1);
  }
}
if (!existsSync(join(root, 'node_modules/.package-lock.json')) || !existsSync(join(root, 'node_modules/gl/build/Release/webgl.node'))) {
  console.log('setup: installing npm dependencies (npm ci)');
  run('npm ci --no-audit --no-fund');
}
