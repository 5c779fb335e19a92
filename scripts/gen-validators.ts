/** Rewrites src/validate/generated/validators.ts: `npx tsx scripts/gen-validators.ts` (after the schemas change). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VALIDATORS_FILE, buildValidatorsModule } from './validators/build.js';

writeFileSync(VALIDATORS_FILE, buildValidatorsModule());
process.stdout.write(`wrote ${fileURLToPath(VALIDATORS_FILE)}\n`);
