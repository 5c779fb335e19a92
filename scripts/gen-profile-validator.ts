/** Rewrites conformance/profile/generated/profile-validator.ts: `npx tsx scripts/gen-profile-validator.ts` (after spec/profile.schema.json changes). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PROFILE_VALIDATOR_FILE, buildProfileValidatorModule } from './profile-validator/build.js';

writeFileSync(PROFILE_VALIDATOR_FILE, buildProfileValidatorModule());
process.stdout.write(`wrote ${fileURLToPath(PROFILE_VALIDATOR_FILE)}\n`);
