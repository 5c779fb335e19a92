/**
 * Rewrites src/codec/generated/encode-slots.ts from src/registry.ts:
 * `npx tsx scripts/gen-encode-slots.ts` (after the registry changes; a test
 * fails when the file is stale). The encoder's property dispatch as code
 * generated at build time: a switch on the name's length, then the names
 * of that length, each returning its slot (slots are in ascending tag
 * order). Nothing is evaluated at run time, so it runs under a CSP.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildEncodeSlots, ENCODE_SLOTS_FILE } from './encode-slots/build.js';

writeFileSync(ENCODE_SLOTS_FILE, buildEncodeSlots());
process.stdout.write(`wrote ${fileURLToPath(ENCODE_SLOTS_FILE)}\n`);
