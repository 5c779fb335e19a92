/**
 * Regenerates the committed schema files from spec/cardinality.json and the
 * registry: `npx tsx src/validate/write-schemas.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildAllSchemas, serialize } from './schema-builder.js';

const root = new URL('../../', import.meta.url);
for (const [path, schema] of Object.entries(buildAllSchemas())) {
  writeFileSync(fileURLToPath(new URL(path, root)), serialize(schema));
  process.stdout.write(`wrote ${path}\n`);
}
