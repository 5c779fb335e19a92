/**
 * The validators as ajv standalone code (https://ajv.js.org/standalone.html):
 * compiled here, at build time, so tlib-kit/validate runs no `new Function`
 * and needs no ajv when it is imported. Same ajv options the schemas were
 * always checked with: unknown keywords stay an error (our annotation
 * keywords are declared), so a typo in a schema file fails here; allErrors
 * and verbose (violations are attributed through each error's parentSchema);
 * strictRequired and strictTypes off because the required groups and
 * at-least-one branches sit in allOf/anyOf, apart from the properties they
 * name, by design. inlineRefs off changes only the code's shape (a $ref
 * becomes a call instead of a copy), for size; errors are the same.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { SPECIAL_EVENTS } from '../../src/validate/cardinality.js';
import { DELIVERED_DEF, MESSAGE_SCHEMA_ID, REFERENCE_KEYWORD, RULE_KEYWORD, eventSchemaId, type Schema } from '../../src/validate/schema-ids.js';
import { DEFS_SCHEMA, EVENT_SCHEMAS, MESSAGE_SCHEMA } from '../../src/validate/schemas.js';

export const VALIDATORS_FILE = new URL('../../src/validate/generated/validators.ts', import.meta.url);

type StandaloneCode = (ajv: Ajv2020, refs: Record<string, string>) => string;
// ajv's CommonJS module puts the function on .default when imported as ESM.
const standaloneCode = ((standaloneModule as unknown as { default?: StandaloneCode }).default ?? standaloneModule) as StandaloneCode;

/** Export name -> schema ref: the loose message check, each event on the wire and as delivered. */
export function validatorRefs(): Record<string, string> {
  const refs: Record<string, string> = { message: MESSAGE_SCHEMA_ID };
  for (const event of SPECIAL_EVENTS) {
    refs[event] = eventSchemaId(event);
    refs[`${event}_${DELIVERED_DEF}`] = `${eventSchemaId(event)}#/$defs/${DELIVERED_DEF}`;
  }
  return refs;
}

const DEFS_ID = String(DEFS_SCHEMA.$id);

/** Relative refs of spec/defs/tlib.schema.json made absolute, so a def stands on its own. */
function absolute(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(absolute);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${DEFS_ID}${v}` : absolute(v)]));
}

/**
 * Each def of spec/defs/tlib.schema.json under its own full ref. ajv compiles
 * a fragment of another schema once per schema that refers to it, so eleven
 * roots would carry eleven copies of every def; a def registered under its
 * ref is compiled once and shared. Same subschemas, so the same errors.
 */
function sharedDefs(): Array<[string, Schema]> {
  const defs = DEFS_SCHEMA.$defs as Record<string, Schema>;
  return Object.entries(defs).map(([name, def]) => [`${DEFS_ID}#/$defs/${name}`, absolute(def) as Schema]);
}

function ajvInstance(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strictSchema: true,
    strictTuples: true,
    strictRequired: false,
    strictTypes: false,
    inlineRefs: false,
    code: { source: true, esm: true, lines: true },
  });
  ajv.addVocabulary([RULE_KEYWORD, REFERENCE_KEYWORD]);
  for (const [key, def] of sharedDefs()) ajv.addSchema(def, key);
  ajv.addSchema(MESSAGE_SCHEMA);
  for (const schema of Object.values(EVENT_SCHEMAS)) ajv.addSchema(schema);
  return ajv;
}

const SCHEMA_LINE = /^const (schema\d+) = (\{.*\});$/gm;

/**
 * ajv's verbose errors point into copies of the schemas it writes into the
 * code; the root schemas are the published files schemas.ts already
 * imports, so those copies become references to them (one copy in a bundle).
 */
function shareRootSchemas(code: string): string {
  const byId = new Map<string, string>([[MESSAGE_SCHEMA_ID, 'MESSAGE_SCHEMA']]);
  for (const event of SPECIAL_EVENTS) byId.set(eventSchemaId(event), `EVENT_SCHEMAS.${event}`);
  const found = new Set<string>();
  const out = code.replace(SCHEMA_LINE, (line, name: string, literal: string) => {
    const id = (JSON.parse(literal) as Schema).$id;
    const ref = typeof id === 'string' ? byId.get(id) : undefined;
    if (!ref) return line;
    found.add(ref);
    return `const ${name} = ${ref};`;
  });
  if (found.size !== byId.size) throw new Error(`found ${found.size} of the ${byId.size} root schemas in ajv's code`);
  return out;
}

const EXPORT_LINE = /^export const (\w+) = (validate\d+);$/gm;

/**
 * The module text. ajv's `export const <name> = validateN;` lines become one
 * typed table, so the rest of the code can stay untyped (`@ts-nocheck`) and
 * its declarations say only what callers may rely on.
 */
export function buildValidatorsModule(): string {
  const code = standaloneCode(ajvInstance(), validatorRefs());
  const entries: string[] = [];
  const body = code.replace(EXPORT_LINE, (_line, name: string, fn: string) => {
    entries.push(`  ${name}: ${fn},`);
    return '';
  });
  const shared = shareRootSchemas(body);
  const names = Object.keys(validatorRefs());
  if (entries.length !== names.length) throw new Error(`ajv exported ${entries.length} validators, expected ${names.length}`);
  if (/\brequire\(|\bimport\s*[({'"]/.test(body)) throw new Error('the standalone code needs an ajv runtime module; it must be self-contained');
  return [
    '// @ts-nocheck',
    '// Generated by `npx tsx scripts/gen-validators.ts` from spec/defs and spec/events: do not edit.',
    "import type { CompiledValidator, ValidatorName } from '../compiled-validator.js';",
    "import { EVENT_SCHEMAS, MESSAGE_SCHEMA } from '../schemas.js';",
    shared.replace(/^"use strict";\n?/, '').replace(/\n{2,}/g, '\n').trim(),
    '',
    'export const VALIDATORS: Readonly<Record<ValidatorName, CompiledValidator>> = {',
    ...entries,
    '};',
    '',
  ].join('\n');
}
