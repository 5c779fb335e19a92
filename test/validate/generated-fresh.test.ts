/**
 * src/validate/generated/validators.ts is ajv's standalone code of the
 * committed schema files, regenerated here: a schema change without
 * `npx tsx scripts/gen-validators.ts` fails, and so would a hand edit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VALIDATORS_FILE, buildValidatorsModule, validatorRefs } from '../../scripts/validators/build.js';
import { VALIDATORS } from '../../src/validate/generated/validators.js';
import { specifiersOf } from '../codec/import-graph.js';

describe('precompiled validators', () => {
  const committed = readFileSync(VALIDATORS_FILE, 'utf8');

  it('are exactly what scripts/gen-validators.ts writes from the schema files', () => {
    expect(committed === buildValidatorsModule()).toBe(true);
  });

  it('are one per schema ref, each a function', () => {
    expect(Object.keys(VALIDATORS).sort()).toEqual(Object.keys(validatorRefs()).sort());
    expect(Object.values(VALIDATORS).every((v) => typeof v === 'function')).toBe(true);
    expect(VALIDATORS.EventACK({ Event: 'EventACK' })).toBe(false);
    expect(VALIDATORS.EventACK.errors?.map((e) => e.params.missingProperty)).toEqual(['ReferenceID', 'time']);
  });

  it('import no ajv runtime module and compile no code when loaded', () => {
    expect(specifiersOf(committed)).toEqual(['../compiled-validator.js', '../schemas.js']);
    expect(committed).not.toMatch(/\bnew\s+Function\b|\beval\s*\(|\brequire\s*\(/);
  });
});
