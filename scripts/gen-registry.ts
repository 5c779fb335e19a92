/** Rewrites src/registry/generated/tables.ts: `npx tsx scripts/gen-registry.ts` (after spec/registry.json changes). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TABLES_FILE, buildTablesModule } from './registry/build.js';

const text = buildTablesModule();
mkdirSync(new URL('.', TABLES_FILE), { recursive: true });
writeFileSync(TABLES_FILE, text);
process.stdout.write(`wrote ${fileURLToPath(TABLES_FILE)}\n`);
