#!/usr/bin/env node
// The `tlib-kit` command (package.json "bin"). It is tracked with its
// executable bit, so `npx tlib-kit` works in a checkout before any build; there
// (scripts/ is present) dist/ is built first when missing or older than the
// sources. An installed package ships dist/ built and no scripts/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const buildIfStale = fileURLToPath(new URL('../scripts/build-if-stale.mjs', import.meta.url));
if (existsSync(buildIfStale)) {
  const built = spawnSync(process.execPath, [buildIfStale], { stdio: ['ignore', 2, 2] });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
await import('../dist/cli/main.js');
