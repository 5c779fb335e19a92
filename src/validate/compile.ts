/**
 * One ajv instance for the process, schemas compiled on first use and
 * cached. Unknown keywords stay an error (our annotation keywords are
 * declared), so a typo in a schema file fails loudly here. strictRequired
 * and strictTypes are off: the required groups and at-least-one branches sit
 * in allOf/anyOf, apart from the properties they name, by design.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { SpecialEventName } from '../registry.js';
import { DELIVERED_DEF, MESSAGE_SCHEMA_ID, REFERENCE_KEYWORD, RULE_KEYWORD, eventSchemaId } from './schema-builder.js';
import { DEFS_SCHEMA, EVENT_SCHEMAS, MESSAGE_SCHEMA } from './schemas.js';

let ajv: Ajv2020 | undefined;
const cache = new Map<string, ValidateFunction>();

function instance(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({ allErrors: true, verbose: true, strictSchema: true, strictTuples: true, strictRequired: false, strictTypes: false });
  ajv.addVocabulary([RULE_KEYWORD, REFERENCE_KEYWORD]);
  ajv.addSchema(DEFS_SCHEMA);
  ajv.addSchema(MESSAGE_SCHEMA);
  for (const schema of Object.values(EVENT_SCHEMAS)) ajv.addSchema(schema);
  return ajv;
}

function compiled(ref: string): ValidateFunction {
  let fn = cache.get(ref);
  if (!fn) {
    fn = instance().getSchema(ref);
    if (!fn) throw new Error(`schema ${ref} is not loaded`);
    cache.set(ref, fn);
  }
  return fn;
}

/** The validator of one special event, on the wire or as delivered to the application. */
export function eventValidator(event: SpecialEventName, delivered: boolean): ValidateFunction {
  const id = eventSchemaId(event);
  return compiled(delivered ? `${id}#/$defs/${DELIVERED_DEF}` : id);
}

export function messageValidator(): ValidateFunction {
  return compiled(MESSAGE_SCHEMA_ID);
}
