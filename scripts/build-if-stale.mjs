// Runs `npm run build` when dist/ is missing or older than any input, so
// `npm ci && npm run conform` works on a fresh clone although the build runs
// in `prepack` (an install script would warn every consumer) and not `prepare`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const stampOf = (root) => join(root, 'dist', '.build-stamp');
const INPUTS = ['src', 'cli', 'conformance', 'fuzz', 'load', 'spec', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

/** True when `root`/dist has no stamp or an input changed after it was written. */
export function isStale(root = ROOT) {
  let built;
  try {
    built = statSync(stampOf(root)).mtimeMs;
  } catch {
    return true;
  }
  return INPUTS.some((input) => newest(join(root, input)) > built);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && isStale()) {
  process.stderr.write('tlib-kit: dist/ is missing or older than the sources; building it first (npm run build).\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  process.exit(build.status ?? 1);
}
