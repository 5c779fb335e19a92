// Step one of `npm test`: the HTML report tests drive a real Chromium (or
// Google Chrome), which a fresh machine may lack. Debian's package is then
// installed when this user may run apt-get (root, or sudo without a password),
// after saying so; TLIB_KIT_INSTALL_CHROMIUM=0 asks to be told instead.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from './chromium-path.mjs';

const found = chromiumPath();
if (found) process.exit(0);

if (process.env.CHROMIUM_PATH) {
  console.error(`ensure-chromium: CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file.`);
  process.exit(1);
}

const ok = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const HOW = "Install Chromium or Google Chrome and put it on PATH, or set CHROMIUM_PATH to it (Debian: apt-get install chromium).";
if (process.env.TLIB_KIT_INSTALL_CHROMIUM === '0') {
  console.error(`ensure-chromium: the HTML report tests need Chromium or Google Chrome, and none was found. ${HOW}`);
  process.exit(1);
}
const root = process.getuid?.() === 0;
const mayInstall = ok('sh', ['-c', 'command -v apt-get']) && (root || ok('sudo', ['-n', 'true']));
if (!mayInstall) {
  console.error(`ensure-chromium: the HTML report tests need Chromium or Google Chrome, none was found, and this user cannot install it. ${HOW}`);
  process.exit(1);
}

console.error(
  'ensure-chromium: no Chromium or Google Chrome found (CHROMIUM_PATH, PATH, /opt/google/chrome). ' +
    `Installing Debian's chromium package now, once per machine: ${root ? '' : 'sudo '}apt-get update && ${root ? '' : 'sudo '}apt-get install chromium ` +
    '(TLIB_KIT_INSTALL_CHROMIUM=0 npm test to be told instead).',
);
const script = fileURLToPath(new URL('./install-chromium.sh', import.meta.url));
const run = spawnSync('bash', [script], { stdio: 'inherit' });
if (run.status !== 0 || !chromiumPath()) {
  console.error('ensure-chromium: installing chromium failed; see the apt-get output above.');
  process.exit(1);
}
