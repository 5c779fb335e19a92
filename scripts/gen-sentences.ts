/** Rewrites src/reference/generated/catalogue.ts: `npx tsx scripts/gen-sentences.ts` (after spec/reference/sentences.json changes). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CATALOGUE_FILE, buildCatalogueModule } from './sentences/build.js';

writeFileSync(CATALOGUE_FILE, buildCatalogueModule());
process.stdout.write(`wrote ${fileURLToPath(CATALOGUE_FILE)}\n`);
