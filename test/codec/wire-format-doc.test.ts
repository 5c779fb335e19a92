/**
 * spec/wire-format.md agrees with the code: its registry tables are what
 * scripts/gen-wire-tables.ts renders from src/registry.ts, its worked hex
 * examples are the golden vectors' bytes, and it documents every error code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commentedHex } from '../../scripts/vectors/commented-hex.js';
import { GENERATED_TABLES, WIRE_FORMAT_DOC, generatedSection } from '../../scripts/wire-tables.js';
import { errorCodesInSource } from './error-codes.js';
import { ERROR_VECTORS, VALID_VECTORS } from './vector-files.js';

const DOC = readFileSync(WIRE_FORMAT_DOC, 'utf8');

describe('spec/wire-format.md', () => {
  for (const [name, render] of Object.entries(GENERATED_TABLES)) {
    it(`table "${name}" matches the registry (regenerate: npx tsx scripts/gen-wire-tables.ts)`, () => {
      expect(generatedSection(DOC, name)).toBe(render());
    });
  }

  it('worked hex examples are the bytes of the golden vectors they name', () => {
    const byName = new Map([...VALID_VECTORS, ...ERROR_VECTORS].map((v) => [v.name, v.hex]));
    const blocks = [...DOC.matchAll(/```hex vector=(\S+)\n([\s\S]*?)```/g)];
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    for (const [, name, body] of blocks) {
      expect(byName.has(name!), `vector ${name}`).toBe(true);
      expect(commentedHex(body!), name).toBe(byName.get(name!));
    }
  });

  it('documents every error code of src/wire/errors.ts in its table of codes', () => {
    const codes = errorCodesInSource();
    expect(codes.length).toBeGreaterThanOrEqual(14);
    expect(codes.filter((c) => !DOC.includes(`| \`${c}\` |`))).toEqual([]);
  });
});
