/**
 * A vendor's own ajv, with none of our code: the schema files must load
 * from disk and validate on their own (ajv 2020 build, ajv-formats at most).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { VALID, without } from './examples.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const spec = new URL('../../spec/', import.meta.url);
const load = (path: string) => JSON.parse(readFileSync(new URL(path, spec), 'utf8')) as { $id: string; $schema: string; title: string };
const eventFiles = readdirSync(new URL('events/', spec)).filter((f) => f.endsWith('.schema.json'));

function vendorAjv(options: ConstructorParameters<typeof Ajv2020>[0], declare: boolean): Ajv2020 {
  const ajv = new Ajv2020({ ...options, logger: false });
  if (declare) ajv.addVocabulary(['x-rule', 'x-reference']);
  addFormats(ajv);
  ajv.addSchema(load('defs/tlib.schema.json'));
  return ajv;
}

describe.each([
  ['strict: false', { strict: false }, false],
  ['default options, annotation keywords declared', {}, true],
])('plain ajv (%s)', (_name, options, declare) => {
  it('compiles all ten event schemas and validates messages with them', () => {
    const ajv = vendorAjv(options, declare);
    expect(eventFiles).toHaveLength(10);
    for (const file of eventFiles) {
      const schema = load(`events/${file}`);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      const check = ajv.compile(schema);
      const example = VALID[schema.title as keyof typeof VALID];
      expect(check(example), `${file}: ${JSON.stringify(check.errors)}`).toBe(true);
      expect(check({ ...example, NotAnAttribute: 1 })).toBe(false);
      expect(check(without(example, 'Event'))).toBe(false);
    }
  });

  it('reaches the delivered variant and the annotations through ajv alone', () => {
    const ajv = vendorAjv(options, declare);
    const schema = load('events/EventACK.schema.json');
    ajv.addSchema(schema);
    const delivered = ajv.getSchema(`${schema.$id}#/$defs/delivered`)!;
    expect(delivered(VALID.EventACK)).toBe(false);
    expect(delivered({ ...VALID.EventACK, Server: 'primary' })).toBe(true);
    const wire = ajv.getSchema(schema.$id)!;
    expect(wire(without(VALID.EventACK, 'ReferenceID'))).toBe(false);
    expect(wire.errors?.[0]?.schemaPath).toMatch(/^#\/allOf\/\d+\/required$/);
  });

  it('loads the loose message schema', () => {
    const ajv = vendorAjv(options, declare);
    const check = ajv.compile(load('defs/message.schema.json'));
    expect(check({ Event: 'EventRegistered', ThisDN: '1001' })).toBe(true);
    expect(check({ Event: 'EventRegistered', ThisDN: 1001 })).toBe(false);
  });
});
