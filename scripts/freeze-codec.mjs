// `node scripts/freeze-codec.mjs <commit>`: writes test/codec/frozen/codec.js,
// the codec of <commit> (its src/, registry included) bundled by esbuild into
// one self-contained file. The differential test runs it beside the present
// codec; being one generated file that imports nothing, it cannot drift with
// src/. Re-freeze only to move the reference on, deliberately.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const commit = process.argv[2];
if (!commit) {
  process.stderr.write('usage: node scripts/freeze-codec.mjs <commit>\n');
  process.exit(2);
}
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const full = execFileSync('git', ['rev-parse', `${commit}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim();
const dir = mkdtempSync(join(tmpdir(), 'tlib-freeze-'));
try {
  const tar = execFileSync('git', ['archive', full, 'src'], { cwd: ROOT, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  const entry = join(dir, 'frozen-entry.ts');
  writeFileSync(entry, "export { encode, encodeInto, decode, FrameDecoder, TLibError, toJSON, fromJSON } from './src/index.js';\n");
  const out = join(dir, 'codec.js');
  await build({ entryPoints: [entry], outfile: out, bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', logLevel: 'warning', legalComments: 'none' });
  const header = `// GENERATED, DO NOT EDIT: the tlib-kit codec of commit ${full},
// frozen as the differential test's reference. Made by
// \`node scripts/freeze-codec.mjs ${full.slice(0, 12)}\` (git archive of src/, bundled by esbuild
// ${JSON.parse(readFileSync(join(ROOT, 'node_modules/esbuild/package.json'), 'utf8')).version}); it imports nothing.
// @ts-nocheck
`;
  writeFileSync(join(ROOT, 'test/codec/frozen/codec.js'), header + readFileSync(out, 'utf8'));
  process.stdout.write(`test/codec/frozen/codec.js: the codec of ${full}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
