/** Rewrites spec/sentence-audit.json: `npx tsx scripts/gen-sentence-audit.ts` (after a check, scenario, defect or mutant changes what it cites). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AUDIT_FILE, buildAudit } from './sentence-audit/build.js';

writeFileSync(AUDIT_FILE, buildAudit());
process.stdout.write(`wrote ${fileURLToPath(AUDIT_FILE)}\n`);
