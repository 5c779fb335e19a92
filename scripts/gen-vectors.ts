/**
 * Writes spec/vectors/*.json: `npx tsx scripts/gen-vectors.ts`.
 * Review the diff before committing: the files are the golden truth that
 * other implementations test against.
 */
import { writeFileSync } from 'node:fs';
import { buildVectorFiles } from './vectors/build.js';
import { VECTORS_DIR, serializeVectors } from './vectors/files.js';

for (const [file, entries] of Object.entries(buildVectorFiles())) {
  writeFileSync(new URL(file, VECTORS_DIR), serializeVectors(entries));
  process.stdout.write(`${file}: ${entries.length} vectors\n`);
}
