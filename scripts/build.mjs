// `npm run build`: dist/ from scratch with tsc; commander bundled into
// dist/cli/commander.js (cli/commander.ts says why); then the stamp that
// scripts/build-if-stale.mjs compares the sources against.
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { stampOf } from './build-if-stale.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const compiled = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

const commanderDir = dirname(require.resolve('commander'));
const license = readFileSync(join(commanderDir, 'LICENSE'), 'utf8').trim();
const { version } = JSON.parse(readFileSync(join(commanderDir, 'package.json'), 'utf8'));
await build({
  entryPoints: [`${ROOT}cli/commander.ts`],
  outfile: `${ROOT}dist/cli/commander.js`,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // commander is CommonJS and requires node: builtins; an ES module has no require of its own.
  banner: {
    js: [`/*! commander ${version}, bundled. ${license.replace(/\*\//g, '* /').split('\n').join('\n * ')} */`, "import { createRequire as __tlibKitRequire } from 'node:module';", 'const require = __tlibKitRequire(import.meta.url);'].join('\n'),
  },
});
rmSync(`${ROOT}dist/cli/commander.js.map`, { force: true });
// Runnable as a file too (node is the interpreter its #! line names).
chmodSync(`${ROOT}dist/cli/main.js`, 0o755);
writeFileSync(stampOf(ROOT), `${new Date().toISOString()}\n`);
