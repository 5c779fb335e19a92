/**
 * Builds spec/defs/tlib.schema.json from the registry's VALUE_KINDS: each
 * kind's def is what its JSON form and range say, so the schema of a kind
 * and the codec's reading of it cannot drift apart. The committed file is
 * this output (test/validate/schema-files.test.ts keeps them equal).
 */
import { attributeByTag, TIME_MICROSECONDS_TAG, TIME_SECONDS_TAG, UNKNOWN_VALUE_KIND, VALUE_KINDS, type ValueKindDef } from '../registry.js';
import { DEFS_SCHEMA_ID, type Schema } from './schema-ids.js';

const HEX_PAIRS = '^([0-9a-fA-F]{2})*$';

/** Numbers as long as `bound` that keep its first `prefix` digits and are lower at the next one: one alternative of the pattern. */
function belowPrefix(bound: string, prefix: number): string | undefined {
  const lowest = prefix === 0 ? 1 : 0;
  const top = Number(bound[prefix]) - 1;
  if (top < lowest) return undefined;
  const digit = top === lowest ? String(top) : `[${lowest}-${top}]`;
  const rest = bound.length - prefix - 1;
  return `${bound.slice(0, prefix)}${digit}${rest > 0 ? `[0-9]{${rest}}` : ''}`;
}

/** An anchored pattern of the decimal spellings (no leading zeros) of 0..max. */
export function decimalRangePattern(max: bigint): string {
  const bound = max.toString();
  const shorter = bound.length > 1 ? [`0|[1-9][0-9]{0,${bound.length - 2}}`] : [];
  const sameLength = [...bound].map((_, i) => belowPrefix(bound, i)).filter((p): p is string => p !== undefined);
  return `^(${[...shorter, ...sameLength, bound].join('|')})$`;
}

/** A kind's def, from its JSON form. */
function kindSchema(k: ValueKindDef): Schema {
  const [min, max] = k.range ?? [];
  switch (k.json) {
    case 'number':
      return { description: `${k.noun} (${min} to ${max})`, type: 'integer', minimum: min, maximum: max };
    case 'decimal-string':
      return { description: `${k.noun} as a decimal string (${min} to ${max})`, type: 'string', pattern: decimalRangePattern(BigInt(max!)) };
    case 'string':
      if (k.hexDigits === undefined) return { description: k.noun, type: 'string' };
      return { description: `${k.noun}: ${k.hexDigits} lowercase hex digits`, type: 'string', pattern: `^[0-9a-f]{${k.hexDigits}}$` };
    case 'hex-object':
      return {
        description: `${k.noun} as {"$hex": "<even number of hex digits>"}`,
        type: 'object',
        properties: { $hex: { type: 'string', pattern: HEX_PAIRS } },
        required: ['$hex'],
        additionalProperties: false,
      };
    case 'pair-array':
      return {
        description: `${k.noun}: an array of [key, value] pairs, keys strings (they may repeat)`,
        type: 'array',
        items: { type: 'array', prefixItems: [{ type: 'string' }, { $ref: '#/$defs/kvvalue' }], minItems: 2, maxItems: 2 },
      };
  }
}

const ref = (def: string): Schema => ({ $ref: `#/$defs/${def}` });
const cName = (tag: number): string => attributeByTag(tag)!.cName;

/** What a key-value list's value may be: a string, a signed 32-bit integer, bytes or a nested list (spec/wire-format.md section 7). */
function kvValueSchema(): Schema {
  const members = [VALUE_KINDS.string, VALUE_KINDS.int, VALUE_KINDS.binary, VALUE_KINDS.kvlist];
  return {
    description: 'a key-value list value: a string, a signed 32-bit integer, bytes as {"$hex": ...}, or a nested key-value list',
    oneOf: members.map((k) => ref(k.def)),
  };
}

function timeSchema(): Schema {
  const u32 = VALUE_KINDS.u32.def;
  return {
    description: `the time pair {"seconds": ${u32}, "microseconds": ${u32}} (${cName(TIME_SECONDS_TAG)} + ${cName(TIME_MICROSECONDS_TAG)})`,
    type: 'object',
    properties: { seconds: ref(u32), microseconds: ref(u32) },
    required: ['seconds', 'microseconds'],
    additionalProperties: false,
  };
}

/** `Unknown` entries: each value is read as its wire kind's UNKNOWN_VALUE_KIND. */
function unknownSchema(): Schema {
  const wires = Object.entries(UNKNOWN_VALUE_KIND);
  return {
    description: 'attributes whose tags the registry does not know: [{"tag", "kind", "value"}] in wire order',
    type: 'array',
    items: {
      type: 'object',
      required: ['tag', 'kind', 'value'],
      additionalProperties: false,
      properties: { tag: ref(VALUE_KINDS.u32.def), kind: { enum: wires.map(([wire]) => wire) }, value: true },
      allOf: wires.map(([wire, kind]) => ({
        if: { properties: { kind: { const: wire } } },
        then: { properties: { value: ref(VALUE_KINDS[kind].def) } },
      })),
    },
  };
}

export function buildDefsSchema(): Schema {
  const $defs: Record<string, Schema> = {};
  for (const k of Object.values(VALUE_KINDS)) $defs[k.def] = kindSchema(k);
  $defs.kvvalue = kvValueSchema();
  $defs.time = timeSchema();
  $defs.server = {
    description: 'the name of the server connection that delivered the event (set by the client library, never sent on the wire)',
    type: 'string',
  };
  $defs.unknownAttributes = unknownSchema();
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: DEFS_SCHEMA_ID,
    title: 'T-Library value kinds in the JSON form of messages',
    description:
      'Shared definitions for spec/events/*.schema.json: one per value kind of src/registry.ts, in the JSON form of src/codec/json.ts (u64 as a decimal string, binary as {"$hex": ...}, key-value lists as arrays of [key, value] pairs).',
    $defs,
  };
}
