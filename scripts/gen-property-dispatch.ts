/**
 * Rewrites src/codec/generated/property-dispatch.ts from src/registry.ts:
 * `npx tsx scripts/gen-property-dispatch.ts` (after the registry changes; a test
 * fails when the file is stale). The encoder's property dispatch as code
 * generated at build time: a switch on the name's length, then the names
 * of that length, each returning its slot (slots are in ascending tag
 * order). Nothing is evaluated at run time, so it runs under a CSP.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildPropertyDispatch, PROPERTY_DISPATCH_FILE } from './property-dispatch/build.js';

writeFileSync(PROPERTY_DISPATCH_FILE, buildPropertyDispatch());
process.stdout.write(`wrote ${fileURLToPath(PROPERTY_DISPATCH_FILE)}\n`);
