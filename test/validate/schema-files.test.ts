/** The committed schema files are exactly what the builder derives from the tables and the registry. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAllSchemas, serialize } from '../../src/validate/schema-builder.js';

describe('schema files', () => {
  it.each(Object.entries(buildAllSchemas()))('%s is up to date (npx tsx src/validate/write-schemas.ts)', (path, schema) => {
    expect(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')).toBe(serialize(schema));
  });
});
