/** Rewrites src/codec/generated/message-types.ts: `npx tsx scripts/gen-message-types.ts` (after the registry or schemas change). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MESSAGE_TYPES_FILE, buildMessageTypesModule } from './message-types/build.js';

writeFileSync(MESSAGE_TYPES_FILE, buildMessageTypesModule());
process.stdout.write(`wrote ${fileURLToPath(MESSAGE_TYPES_FILE)}\n`);
