/**
 * The JSON form of a message: what golden vectors, schemas and reports use.
 * It differs from the in-memory form only where JSON has no type:
 *   - u64 attributes (EventSequenceNumber) and int64 unknown values: decimal strings;
 *   - binary values (attributes, key-value values, unknown values): { "$hex": "00ff" };
 * ConnID is a 16-hex-digit string in both forms.
 */
import { attributeByName, UNKNOWN_VALUE_KIND, VALUE_KINDS, type WireKindName } from '../registry.js';
import { encodeError, TLibError } from './errors.js';
import { setOwn } from './own-property.js';
import type { KVList, KVValue, Message, UnknownAttribute } from './types.js';

interface JsonHex {
  $hex: string;
}
type JsonKVValue = string | number | JsonHex | JsonKVList;
type JsonKVList = Array<[string, JsonKVValue]>;
type JsonUnknownAttribute = {
  tag: number;
  kind: UnknownAttribute['kind'];
  value: number | string | JsonHex | JsonKVList;
};

/** A message in JSON form. Attribute properties follow the registry's names. */
export interface JsonMessage {
  Event: string;
  MessageType?: number;
  Obsolete?: true;
  Server?: string;
  time?: { seconds: number; microseconds: number };
  Unknown?: JsonUnknownAttribute[];
  [attribute: string]: unknown;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!];
  return out;
}

export function hexToBytes(hex: string, path = 'hex'): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw encodeError('INVALID_MESSAGE', 'expected an even number of hex digits', path);
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function kvToJson(list: KVList): JsonKVList {
  return list.map(([k, v]) => [k, kvValueToJson(v)]);
}

function kvValueToJson(v: KVValue): JsonKVValue {
  if (v instanceof Uint8Array) return { $hex: bytesToHex(v) };
  if (Array.isArray(v)) return kvToJson(v);
  return v;
}

function kvFromJson(list: unknown, path: string): KVList {
  if (!Array.isArray(list)) throw encodeError('INVALID_MESSAGE', 'expected a key-value list (array of [key, value] pairs)', path);
  return list.map((pair: unknown, i) => {
    const p = `${path}[${i}]`;
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') {
      throw encodeError('INVALID_MESSAGE', 'expected a [key, value] pair with a string key', p);
    }
    return [pair[0], kvValueFromJson(pair[1], `${p}[1]`)];
  });
}

function kvValueFromJson(v: unknown, path: string): KVValue {
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (Array.isArray(v)) return kvFromJson(v, path);
  if (isJsonHex(v)) return hexToBytes(v.$hex, `${path}.$hex`);
  throw encodeError('INVALID_MESSAGE', 'expected a string, integer, {"$hex"} or nested list', path);
}

function isJsonHex(v: unknown): v is JsonHex {
  return typeof v === 'object' && v !== null && Object.hasOwn(v, '$hex') && typeof (v as JsonHex).$hex === 'string';
}

type JsonForm = (typeof VALUE_KINDS)[keyof typeof VALUE_KINDS]['json'];

/** A message object's value in each JSON form. */
const TO_JSON_FORM: Record<JsonForm, (v: never) => unknown> = {
  number: (v: number) => v,
  string: (v: string) => v,
  'decimal-string': (v: bigint) => v.toString(),
  'hex-object': (v: Uint8Array) => ({ $hex: bytesToHex(v) }),
  'pair-array': (v: KVList) => kvToJson(v),
};

/**
 * A JSON value back to a message object's, by its form; undefined when the
 * value is not of that form's shape (the caller decides whether that is an
 * error here or one encode() reports).
 */
const FROM_JSON_FORM: Record<JsonForm, (v: unknown, path: string) => unknown> = {
  number: (v) => v,
  string: (v) => v,
  'decimal-string': (v, path) => {
    if (typeof v !== 'string') return undefined;
    // BigInt() would throw a SyntaxError on anything else.
    if (!/^[0-9]+$/.test(v)) throw encodeError('INVALID_MESSAGE', 'expected a decimal string', path);
    return BigInt(v);
  },
  'hex-object': (v, path) => (isJsonHex(v) ? hexToBytes(v.$hex, `${path}.$hex`) : undefined),
  'pair-array': (v, path) => kvFromJson(v, path),
};

const NOT_OF_FORM: Partial<Record<JsonForm, string>> = { 'decimal-string': 'expected a decimal string', 'hex-object': 'expected {"$hex": "..."}' };

/** The JSON form of an unknown attribute's wire kind (its registry kind's); undefined for a kind that is none. */
function unknownForm(kind: unknown): JsonForm | undefined {
  return typeof kind === 'string' && Object.hasOwn(UNKNOWN_VALUE_KIND, kind) ? VALUE_KINDS[UNKNOWN_VALUE_KIND[kind as WireKindName]].json : undefined;
}

function unknownToJson(u: UnknownAttribute): JsonUnknownAttribute {
  const form = unknownForm(u.kind);
  const value = form ? TO_JSON_FORM[form](u.value as never) : u.value;
  return { tag: u.tag, kind: u.kind, value: value as JsonUnknownAttribute['value'] };
}

function unknownFromJson(u: JsonUnknownAttribute, path: string): UnknownAttribute {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) throw encodeError('INVALID_MESSAGE', 'expected { tag, kind, value }', path);
  const { tag, kind, value } = u;
  const form = unknownForm(kind);
  if (!form) throw encodeError('INVALID_MESSAGE', `unknown value kind ${JSON.stringify(kind)}`, `${path}.kind`);
  const read = FROM_JSON_FORM[form](value, `${path}.value`);
  const refusal = NOT_OF_FORM[form];
  if (read === undefined && refusal) throw encodeError('INVALID_MESSAGE', refusal, `${path}.value`);
  return { tag, kind, value: read } as UnknownAttribute;
}

/** How an attribute's value looks in JSON (the registry's VALUE_KINDS); undefined for other properties. */
function jsonFormOf(name: string) {
  const def = attributeByName(name);
  return def && VALUE_KINDS[def.kind].json;
}

/** In-memory message to its JSON form (a new object; the input is not changed). */
export function toJSON(message: Message): JsonMessage {
  const out: JsonMessage = { Event: message.Event };
  for (const [key, value] of Object.entries(message)) {
    if (key === 'Event' || value === undefined) continue;
    if (key === 'Unknown') out.Unknown = (value as UnknownAttribute[]).map(unknownToJson);
    else if (typeof value === 'bigint') out[key] = value.toString();
    else if (value instanceof Uint8Array) out[key] = { $hex: bytesToHex(value) };
    else if (jsonFormOf(key) === 'pair-array') out[key] = kvToJson(value as KVList);
    else setOwn(out, key, value);
  }
  return out;
}

/** JSON form back to an in-memory message. Throws TLibError INVALID_MESSAGE on malformed input. */
export function fromJSON(json: JsonMessage): Message {
  if (typeof json !== 'object' || json === null || !Object.hasOwn(json, 'Event') || typeof json.Event !== 'string') {
    throw new TLibError('INVALID_MESSAGE', 'a JSON message must be an object with a string "Event" property', { path: '' });
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    if (key === 'Unknown') {
      if (!Array.isArray(value)) throw encodeError('INVALID_MESSAGE', 'expected an array', 'Unknown');
      out.Unknown = value.map((u: JsonUnknownAttribute, i) => unknownFromJson(u, `Unknown[${i}]`));
      continue;
    }
    const form = jsonFormOf(key);
    const read = form && FROM_JSON_FORM[form](value, key);
    setOwn(out, key, read === undefined ? value : read);
  }
  return out as unknown as Message;
}
