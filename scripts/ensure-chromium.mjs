// Step one of `npm test`: the HTML report tests drive a real Chromium, which a
// fresh machine lacks. Debian's package is installed when this user may run
// apt-get (root, or sudo without a password); otherwise one line says what to do.
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
const mayInstall = ok('sh', ['-c', 'command -v apt-get']) && (process.getuid?.() === 0 || ok('sudo', ['-n', 'true']));
if (!mayInstall) {
  console.error(
    'ensure-chromium: the HTML report tests need Chromium, and this user cannot install it. ' +
      "Install Debian's `chromium` package (or any Chromium) and put it on PATH, or set CHROMIUM_PATH to it.",
  );
  process.exit(1);
}

console.error("ensure-chromium: Chromium not found; installing Debian's chromium package (once per machine).");
const script = fileURLToPath(new URL('./install-chromium.sh', import.meta.url));
const run = spawnSync('bash', [script], { stdio: 'inherit' });
if (run.status !== 0 || !chromiumPath()) {
  console.error('ensure-chromium: installing chromium failed; see the apt-get output above.');
  process.exit(1);
}
