/**
 * Gives a binary-parser tree its meaning, from the spec's own tables and
 * rules: names and kinds (sections 12-13), the time pair (6), unknown types
 * and attributes (8), and the JSON form (14). Written against the spec, not
 * against src/codec/json.ts.
 */
import type { ParsedAttribute, ParsedBytes, ParsedFrame, ParsedList } from './grammar.js';
import { SPEC_ATTRIBUTES, SPEC_MESSAGES, type SpecValueKind } from './spec-tables.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const MESSAGES = new Map(SPEC_MESSAGES.map((m) => [m.id, m]));
const ATTRIBUTES = new Map(SPEC_ATTRIBUTES.map((a) => [a.tag, a]));
const TIME_SECONDS = 86;
const TIME_MICROSECONDS = 87;
const KIND_NAMES: Record<number, string> = { 1: 'int32', 2: 'int64', 3: 'string', 4: 'binary', 5: 'kvlist' };
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function text(v: ParsedBytes): string {
  return utf8.decode(v.bytes);
}

function list(v: ParsedList): Json {
  return v.pairs.map((p): Json => {
    const key = text(p.key);
    switch (p.kind) {
      case 1:
        return [key, (p.value as number) | 0];
      case 3:
        return [key, text(p.value as ParsedBytes)];
      case 4:
        return [key, { $hex: hex((p.value as ParsedBytes).bytes) }];
      case 5:
        return [key, list(p.value as ParsedList)];
      default:
        throw new Error(`kind ${p.kind} is not allowed in a key-value list`);
    }
  });
}

/** An attribute's value as the spec's JSON form shows it, by its wire kind and (when known) its value kind. */
function value(a: ParsedAttribute, kind: SpecValueKind | undefined): Json {
  switch (a.kind) {
    case 1:
      return kind === 'u32' ? (a.value as number) : (a.value as number) | 0;
    case 2: {
      const bytes = (a.value as { bytes: Uint8Array }).bytes;
      return kind === 'connid' ? hex(bytes) : BigInt(`0x${hex(bytes)}`).toString();
    }
    case 3:
      return text(a.value as ParsedBytes);
    case 4:
      return { $hex: hex((a.value as ParsedBytes).bytes) };
    case 5:
      return list(a.value as ParsedList);
    default:
      throw new Error(`undefined kind ${a.kind}`);
  }
}

export function frameToJson(frame: ParsedFrame): Record<string, Json> {
  const def = MESSAGES.get(frame.type);
  const out: Record<string, Json> = def ? { Event: def.name } : { Event: 'Unknown', MessageType: frame.type };
  if (def?.obsolete) out.Obsolete = true;
  const time: Record<string, number> = {};
  const unknown: Json[] = [];
  for (const a of frame.attributes) {
    const known = ATTRIBUTES.get(a.tag);
    if (a.tag === TIME_SECONDS) time.seconds = value(a, 'u32') as number;
    else if (a.tag === TIME_MICROSECONDS) time.microseconds = value(a, 'u32') as number;
    else if (known) out[known.name] = value(a, known.kind);
    else unknown.push({ tag: a.tag, kind: KIND_NAMES[a.kind]!, value: value(a, undefined) });
  }
  if (time.seconds !== undefined || time.microseconds !== undefined) out.time = time;
  if (unknown.length > 0) out.Unknown = unknown;
  return out;
}
