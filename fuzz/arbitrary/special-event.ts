/**
 * Valid special events, derived from the committed JSON schemas
 * (spec/events/*.schema.json, as src/validate loads them) and the registry:
 * every property the schema lists may appear, each `required` rule's
 * attribute always does, an `anyOf` rule gets one of its alternatives, a
 * `const` or `enum` is honoured, and values come from the registry kind. A
 * schema change (a new attribute, a rule made Mandatory) changes what is
 * generated; a schema property the registry does not know fails loudly.
 */
import fc from 'fast-check';
import { attributeByName, MESSAGES, type Message, type SpecialEventName } from '../../src/index.js';
import { EVENT_SCHEMAS } from '../../src/validate/index.js';
import { attributeValueArb } from './attribute-value.js';
import { timeArb } from './message.js';
import { unknownAttributesArb } from './unknown-attributes.js';
import { wireStringArb } from './wire-string.js';

type Json = Record<string, unknown>;

/** A Mandatory attribute and the rule id that must fire when it is missing. */
interface MandatoryRule {
  attribute: string;
  rule: string;
}

interface SpecialEventSpec {
  event: SpecialEventName;
  /** Rules of the wire form (`validate(m)`). */
  mandatory: MandatoryRule[];
  /** Extra rules of the delivered form (`validate(m, { delivered: true })`), e.g. Server. */
  deliveredMandatory: MandatoryRule[];
  /** The delivered form is refused outright (EventRestoreConnection): the rule id. */
  neverDelivered?: string;
  /** at-least-one rules: the rule id and its alternatives. */
  atLeastOne: Array<{ rule: string; attributes: string[] }>;
  properties: Record<string, fc.Arbitrary<unknown>>;
}

/** A generated event: plain data (its spec is looked up by name), so it serializes into the corpus. */
export interface SpecialEventCase {
  event: SpecialEventName;
  message: Message;
}

const SPECIAL = MESSAGES.filter((m) => 'special' in m && m.special).map((m) => m.name as SpecialEventName);

function propertyArb(event: string, name: string, schema: Json): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  if (name === 'time') return timeArb();
  if (name === 'Server') return wireStringArb({ maxLength: 16, long: false });
  if (name === 'Unknown') return unknownAttributesArb();
  const def = attributeByName(name);
  if (def === undefined) throw new Error(`spec/events/${event}.schema.json lists ${name}, which src/registry.ts does not know: no generator`);
  return attributeValueArb(def.kind, { maxDepth: 3, maxPairs: 4 });
}

function requiredRules(entries: unknown): MandatoryRule[] {
  if (!Array.isArray(entries)) return [];
  return (entries as Json[]).flatMap((e) => (Array.isArray(e.required) && typeof e['x-rule'] === 'string' ? (e.required as string[]).map((attribute) => ({ attribute, rule: e['x-rule'] as string })) : []));
}

function specialEventSpec(event: SpecialEventName): SpecialEventSpec {
  const schema = EVENT_SCHEMAS[event] as Json;
  const props = (schema.properties ?? {}) as Record<string, Json>;
  const allOf = (schema.allOf ?? []) as Json[];
  const delivered = ((schema.$defs as Json | undefined)?.delivered ?? {}) as Json;
  const properties: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, s] of Object.entries(props)) properties[name] = propertyArb(event, name, s);
  return {
    event,
    mandatory: requiredRules(allOf),
    deliveredMandatory: requiredRules([delivered]),
    ...('not' in delivered ? { neverDelivered: delivered['x-rule'] as string } : {}),
    atLeastOne: allOf
      .filter((e) => Array.isArray(e.anyOf))
      .map((e) => ({ rule: e['x-rule'] as string, attributes: (e.anyOf as Json[]).flatMap((a) => (a.required as string[] | undefined) ?? []) })),
    properties,
  };
}

const SPECIAL_EVENT_SPECS: SpecialEventSpec[] = SPECIAL.map(specialEventSpec);

export function specOf(event: SpecialEventName): SpecialEventSpec {
  const spec = SPECIAL_EVENT_SPECS.find((s) => s.event === event);
  if (spec === undefined) throw new Error(`${event} is not a special event`);
  return spec;
}

/** A special event valid on the wire, or (delivered) as the client library hands it over, Server set. */
export function specialEventArb(options: { delivered?: boolean } = {}): fc.Arbitrary<SpecialEventCase> {
  const specs = options.delivered ? SPECIAL_EVENT_SPECS.filter((s) => s.neverDelivered === undefined) : SPECIAL_EVENT_SPECS;
  return fc.constantFrom(...specs).chain((spec) => {
    const required = new Set([...spec.mandatory, ...(options.delivered ? spec.deliveredMandatory : [])].map((r) => r.attribute));
    const wireOnly = options.delivered ? {} : { Server: undefined };
    const choices = spec.atLeastOne.map((g) => fc.constantFrom(...g.attributes));
    return fc.tuple(fc.record(spec.properties, { requiredKeys: [...required].filter((k) => k in spec.properties), noNullPrototype: true }), fc.tuple(...choices)).chain(([m, picks]) => {
      const missing = picks.filter((a) => !(a in m));
      const fill = missing.length === 0 ? fc.constant({}) : fc.record(Object.fromEntries(missing.map((a) => [a, spec.properties[a]!])), { noNullPrototype: true });
      return fill.map((extra) => {
        const message = { ...m, ...extra, Event: spec.event, ...wireOnly } as Record<string, unknown>;
        if (!options.delivered) delete message.Server;
        return { event: spec.event, message: message as unknown as Message };
      });
    });
  });
}
