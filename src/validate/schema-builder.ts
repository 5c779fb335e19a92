/**
 * Builds spec/events/*.schema.json and spec/defs/message.schema.json (and,
 * through defs-builder.ts, spec/defs/tlib.schema.json) from two sources of truth: the reference's tables (spec/cardinality.json) and
 * the registry's attribute kinds. The committed files are this output
 * (test/validate/schema-files.test.ts keeps them equal); vendors load the
 * files, so nothing here runs when validating.
 *
 * Every subschema that enforces a rule carries two annotations: `x-rule`
 * (the stable rule id) and `x-reference` (the sentence it enforces), and its
 * `description` says what a valid message has, so a violation can be
 * reported from the schema's data alone.
 */
import {
  ATTRIBUTES,
  MESSAGES,
  REGISTER_MODE,
  SERVER_ROLE,
  SUBSCRIPTION_OPERATION,
  TIME_MICROSECONDS_TAG,
  TIME_SECONDS_TAG,
  VALUE_KINDS,
  attributeByName,
  type SpecialEventName,
} from '../registry.js';
import { buildDefsSchema } from './defs-builder.js';
import { CARDINALITY, SPECIAL_EVENTS, rowReference, type EventCardinality } from './cardinality.js';
import { DEFS_SCHEMA_ID, DELIVERED_DEF, MESSAGE_SCHEMA_ID, REFERENCE_KEYWORD, RULE_KEYWORD, eventSchemaId, type Schema } from './schema-ids.js';

const SCHEMA_DRAFT = 'https://json-schema.org/draft/2020-12/schema';
const DEFS = buildDefsSchema().$defs as Record<string, { description: string }>;

/** Enumerations that fix an attribute's values (src/registry.ts). */
export const ATTRIBUTE_ENUMS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  ServerRole: SERVER_ROLE,
  RegisterMode: REGISTER_MODE,
  SubscriptionOperation: SUBSCRIPTION_OPERATION,
};

/** Footnotes that state an at-least-one rule over the rows that carry them. */
const AT_LEAST_ONE: Partial<Record<SpecialEventName, { group: string; footnote: string }>> = {
  EventAgentReserved: { group: 'identity', footnote: 'a' },
};

/** Obsolete events list no attributes; these are accepted from old servers (spec/validation.md). */
export const OBSOLETE_ALLOWED: readonly string[] = ['time', 'ThisDN'];

const SERVER_SENTENCE =
  'Server: in T-Library, the handle of the server connection that delivered the event (TEvent.Server), filled in by the client library, not sent by T-Server.';
const EVENT_SENTENCE = 'Event: the message type id itself.';
const NUMBERS = 'spec/reference/tlib-numbers.md';

/** JSON property names of wire attributes: registry names, the time pair as `time`. */
export const WIRE_PROPERTIES: readonly string[] = [
  ...ATTRIBUTES.filter((a) => a.tag !== TIME_SECONDS_TAG && a.tag !== TIME_MICROSECONDS_TAG).map((a) => a.name),
  'time',
];

function defOf(property: string): string {
  if (property === 'time') return 'time';
  if (property === 'Server') return 'server';
  const attr = attributeByName(property);
  if (!attr) throw new Error(`spec/cardinality.json names "${property}", which is not in src/registry.ts`);
  return VALUE_KINDS[attr.kind].def;
}

function valueSchema(property: string, rule: string, reference: string): Schema {
  const def = defOf(property);
  const schema: Schema = {
    [RULE_KEYWORD]: rule,
    [REFERENCE_KEYWORD]: reference,
    description: DEFS[def]!.description,
    $ref: `${DEFS_SCHEMA_ID}#/$defs/${def}`,
  };
  const values = ATTRIBUTE_ENUMS[property];
  if (values) {
    schema.description = `one of ${Object.entries(values).map(([k, v]) => `${v} (${k})`).join(', ')}`;
    schema.enum = Object.values(values);
  }
  return schema;
}

function mandatory(scope: string, property: string, reference: string): Schema {
  return {
    [RULE_KEYWORD]: `${scope}/${property}/mandatory`,
    [REFERENCE_KEYWORD]: reference,
    description: `${property} is present`,
    required: [property],
  };
}

function eventReference(event: SpecialEventName): string {
  const row = CARDINALITY[event].rows.find((r) => r.attribute === 'Event');
  return row ? rowReference(event, row) : `${event} (the reference's table has no Event row; the JSON form names every message's type). ${NUMBERS}: "${EVENT_SENTENCE}"`;
}

function closedReference(event: SpecialEventName, card: EventCardinality): string {
  if (card.otherAttributes) return `${event}: ${card.otherAttributes}`;
  if (card.obsolete) return `${card.obsolete}: the reference lists no attributes.`;
  const listed = card.rows.map((r) => r.attribute).join(', ');
  if (card.noTable) return `${card.noTable} Attributes: ${listed}.`;
  return `${event} Contents (Event Attribute / Type): ${listed}.`;
}

/** The properties of an event: its rows, then what spec/validation.md adds. */
function eventProperties(event: SpecialEventName, card: EventCardinality): Record<string, Schema> {
  const properties: Record<string, Schema> = {
    Event: {
      [RULE_KEYWORD]: `${event}/Event/type`,
      [REFERENCE_KEYWORD]: eventReference(event),
      description: `the string "${event}"`,
      const: event,
    },
  };
  for (const row of card.rows) {
    if (row.attribute !== 'Event') properties[row.attribute] = valueSchema(row.attribute, `${event}/${row.attribute}/type`, rowReference(event, row));
  }
  if (card.noTable) return properties;
  if (!properties.Server) properties.Server = valueSchema('Server', `${event}/Server/type`, `${NUMBERS}: "${SERVER_SENTENCE}"`);
  if (card.obsolete) {
    const why = `${card.obsolete}: the reference lists no attributes; decoders may still meet old servers' time and ThisDN ("${card.description}")`;
    for (const name of OBSOLETE_ALLOWED) properties[name] = valueSchema(name, `${event}/${name}/type`, why);
    properties.Obsolete = {
      [RULE_KEYWORD]: `${event}/Obsolete/type`,
      [REFERENCE_KEYWORD]: card.obsolete,
      description: 'true (decode marks obsolete events)',
      const: true,
    };
  }
  if (card.otherAttributes) {
    const why = `${event}: ${card.otherAttributes}`;
    for (const name of WIRE_PROPERTIES) properties[name] ??= valueSchema(name, `${event}/${name}/type`, why);
    properties.Unknown = {
      [RULE_KEYWORD]: `${event}/Unknown/type`,
      [REFERENCE_KEYWORD]: why,
      description: DEFS.unknownAttributes!.description,
      $ref: `${DEFS_SCHEMA_ID}#/$defs/unknownAttributes`,
    };
  }
  return properties;
}

function requiredGroups(event: SpecialEventName, card: EventCardinality): Schema[] {
  const groups = [mandatory(event, 'Event', eventReference(event))];
  for (const row of card.rows) {
    // Server is set by the client library: required only in $defs/delivered.
    if (row.type === 'Mandatory' && row.attribute !== 'Event' && row.attribute !== 'Server') {
      groups.push(mandatory(event, row.attribute, rowReference(event, row)));
    }
  }
  const atLeastOne = AT_LEAST_ONE[event];
  if (atLeastOne) {
    const members = card.rows.filter((r) => r.footnotes?.includes(atLeastOne.footnote)).map((r) => r.attribute);
    groups.push({
      [RULE_KEYWORD]: `${event}/${atLeastOne.group}/at-least-one`,
      [REFERENCE_KEYWORD]: `${event}: ${atLeastOne.footnote}. ${card.footnotes[atLeastOne.footnote]}`,
      description: `at least one of ${members.join(', ')} is present`,
      anyOf: members.map((m) => ({ required: [m] })),
    });
  }
  return groups;
}

function deliveredSchema(event: SpecialEventName, card: EventCardinality): Schema {
  if (card.noTable) {
    return {
      [RULE_KEYWORD]: `${event}/not-delivered`,
      [REFERENCE_KEYWORD]: card.noTable,
      description: `${event} is never delivered to the application`,
      not: {},
    };
  }
  const server = card.rows.find((r) => r.attribute === 'Server' && r.type === 'Mandatory');
  const base: Schema = { description: `${event} as the client library delivers it to the application`, $ref: '#' };
  if (!server) return base;
  return { ...base, ...mandatory(event, 'Server', rowReference(event, server)) };
}

function buildEventSchema(event: SpecialEventName): Schema {
  const card = CARDINALITY[event];
  return {
    $schema: SCHEMA_DRAFT,
    $id: eventSchemaId(event),
    title: event,
    description: card.description,
    [RULE_KEYWORD]: card.otherAttributes ? `${event}/attribute-names` : `${event}/no-other-attributes`,
    [REFERENCE_KEYWORD]: closedReference(event, card),
    type: 'object',
    properties: eventProperties(event, card),
    additionalProperties: false,
    allOf: requiredGroups(event, card),
    $defs: { [DELIVERED_DEF]: deliveredSchema(event, card) },
  };
}

/** Any message of the registry, loosely: a known type, each attribute of its kind, no cardinality. */
function buildMessageSchema(): Schema {
  const kinds = `${NUMBERS}, "Attribute tags": the value kind of each attribute`;
  const properties: Record<string, Schema> = {
    Event: {
      [RULE_KEYWORD]: 'message/Event/known',
      [REFERENCE_KEYWORD]: `${NUMBERS}: a decoder should accept and preserve every known id and treat an unknown id as unknown, not as garbage.`,
      description: 'a message name of the registry, or "Unknown"',
      enum: [...MESSAGES.map((m) => m.name), 'Unknown'],
    },
    MessageType: valueSchema('ReferenceID', 'message/MessageType/type', `${NUMBERS}: an unknown id is kept as MessageType`),
    Obsolete: { [RULE_KEYWORD]: 'message/Obsolete/type', [REFERENCE_KEYWORD]: 'Obsolete—No Longer Supported', description: 'true', const: true },
    Server: valueSchema('Server', 'message/Server/type', `${NUMBERS}: "${SERVER_SENTENCE}"`),
    Unknown: {
      [RULE_KEYWORD]: 'message/Unknown/type',
      [REFERENCE_KEYWORD]: kinds,
      description: DEFS.unknownAttributes!.description,
      $ref: `${DEFS_SCHEMA_ID}#/$defs/unknownAttributes`,
    },
  };
  for (const name of WIRE_PROPERTIES) properties[name] = valueSchema(name, `message/${name}/type`, kinds);
  return {
    $schema: SCHEMA_DRAFT,
    $id: MESSAGE_SCHEMA_ID,
    title: 'Any T-Library message, loosely',
    description: 'A message of the registry in JSON form: a known type and every attribute of its registry kind. No cardinality: the ten special events have their own schemas in spec/events/.',
    [RULE_KEYWORD]: 'message/attribute-names',
    [REFERENCE_KEYWORD]: kinds,
    type: 'object',
    properties,
    additionalProperties: false,
    allOf: [
      mandatory('message', 'Event', `${NUMBERS}: "${EVENT_SENTENCE}"`),
      {
        if: { properties: { Event: { const: 'Unknown' } }, required: ['Event'] },
        then: mandatory('message', 'MessageType', `${NUMBERS}: an unknown id is kept as MessageType`),
      },
    ],
  };
}

export function buildAllSchemas(): Record<string, Schema> {
  const files: Record<string, Schema> = { 'spec/defs/tlib.schema.json': buildDefsSchema(), 'spec/defs/message.schema.json': buildMessageSchema() };
  for (const event of SPECIAL_EVENTS) files[`spec/events/${event}.schema.json`] = buildEventSchema(event);
  return files;
}

export function serialize(schema: Schema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
