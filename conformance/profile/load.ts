/**
 * Reads and validates a target profile against spec/profile.schema.json
 * (ajv standalone code compiled at build time, so no ajv at run time). A profile that breaks the schema is a usage error whose
 * lines name the JSON path, so a vendor can fix the file without guessing.
 */
import { readFile } from 'node:fs/promises';
import builtIn from '../../spec/profiles/default.json' with { type: 'json' };
import { ConformanceUsageError } from '../model/usage-error.js';
import { validate as generated } from './generated/profile-validator.js';
import type { LoadedProfile, Profile } from './model.js';

/** What this file reads of ajv's error objects. */
interface ErrorObject {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

interface ProfileValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const validator = (): ProfileValidator => generated as unknown as ProfileValidator;

/** One line per schema error: "/dns/0/dn: must be string". */
function describeError(e: ErrorObject): string {
  const where = e.instancePath || '/';
  if (e.keyword === 'additionalProperties') return `${where}: unknown property "${String(e.params.additionalProperty)}"`;
  if (e.keyword === 'enum') return `${where}: must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  if (e.keyword === 'const') return `${where}: must be ${JSON.stringify(e.params.allowedValue)}`;
  return `${where}: ${e.message ?? e.keyword}`;
}

export function checkProfile(data: unknown, source: string): LoadedProfile {
  const validate = validator();
  if (!validate(data)) {
    // oneOf reports every branch; the branch errors say more than "must match exactly one schema".
    const errors = (validate.errors ?? []).filter((e, _i, all) => e.keyword !== 'oneOf' || all.length === 1);
    throw new ConformanceUsageError(`profile ${source} does not match spec/profile.schema.json:\n  ${[...new Set(errors.map(describeError))].join('\n  ')}`);
  }
  const profile = data as Profile;
  const seen = new Set<string>();
  for (const [i, d] of profile.dns.entries()) {
    if (seen.has(d.dn)) throw new ConformanceUsageError(`profile ${source}: /dns/${i}/dn: DN "${d.dn}" is listed twice`);
    seen.add(d.dn);
  }
  return { profile, source };
}

export async function loadProfile(file: string): Promise<LoadedProfile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConformanceUsageError(`cannot read profile ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ConformanceUsageError(`profile ${file} is not JSON: ${(e as Error).message}`);
  }
  return checkProfile(data, file);
}

export const BUILT_IN_PROFILE: LoadedProfile = checkProfile(builtIn, 'built-in profile (spec/profiles/default.json)');
