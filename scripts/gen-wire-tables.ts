/** Rewrites the registry tables of spec/wire-format.md: `npx tsx scripts/gen-wire-tables.ts`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { WIRE_FORMAT_DOC, spliceTables } from './wire-tables.js';

writeFileSync(WIRE_FORMAT_DOC, spliceTables(readFileSync(WIRE_FORMAT_DOC, 'utf8')));
