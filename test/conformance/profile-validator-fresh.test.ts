/**
 * conformance/profile/generated/profile-validator.ts is ajv's standalone
 * code of spec/profile.schema.json, regenerated here: a schema change without
 * `npx tsx scripts/gen-profile-validator.ts` fails, and so would a hand edit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkProfile } from '../../conformance/profile/load.js';
import { PROFILE_VALIDATOR_FILE, buildProfileValidatorModule } from '../../scripts/profile-validator/build.js';
import { specifiersOf } from '../codec/import-graph.js';

describe('precompiled profile check', () => {
  const committed = readFileSync(PROFILE_VALIDATOR_FILE, 'utf8');

  it('is exactly what scripts/gen-profile-validator.ts writes from the schema', () => {
    expect(committed === buildProfileValidatorModule()).toBe(true);
  });

  it('imports nothing and compiles no code when loaded', () => {
    expect(specifiersOf(committed)).toEqual([]);
    expect(committed).not.toMatch(/\bnew\s+Function\b|\beval\s*\(|\brequire\s*\(/);
  });

  it('still names the path of what is wrong', () => {
    expect(() => checkProfile({ dns: [{ dn: 7 }], supports: { control: ['teleport'] } }, 'p.json')).toThrow(/\/dns\/0\/dn: must be string[\s\S]*\/supports\/control\/0: must be one of/);
  });
});
