/**
 * Lookup tables derived once from the registry, shaped for the hot paths:
 * an array indexed by tag for the dense public range, a Map for the rest.
 */
import { ATTRIBUTES, MESSAGES, VALUE_KINDS, type AttributeKind, type MessageDef, type ValueKindDef, type WireKindName } from '../registry.js';

export interface AttrCodec {
  readonly tag: number;
  readonly name: string;
  readonly kind: AttributeKind;
  readonly wire: number;
  /** An integer kind whose range goes below zero (read as two's complement). */
  readonly signed: boolean;
  /** A 64-bit number shown as hex digits (VALUE_KINDS' hexDigits). */
  readonly hex: boolean;
}

const DENSE = 256;
const dense: (AttrCodec | undefined)[] = new Array(DENSE).fill(undefined);
const sparse = new Map<number, AttrCodec>();
/** By property name; `time` is handled by the codec itself. */
export const ATTR_BY_NAME: Record<string, AttrCodec> = Object.create(null);

for (const a of ATTRIBUTES) {
  const k: ValueKindDef = VALUE_KINDS[a.kind];
  const codec: AttrCodec = { tag: a.tag, name: a.name, kind: a.kind, wire: k.wire, signed: k.range !== undefined && k.range[0] < 0, hex: k.hexDigits !== undefined };
  if (a.tag < DENSE) dense[a.tag] = codec;
  else sparse.set(a.tag, codec);
  ATTR_BY_NAME[a.name] = codec;
}

export function attrByTag(tag: number): AttrCodec | undefined {
  return tag < DENSE ? dense[tag] : sparse.get(tag);
}

const msgDense: (MessageDef | undefined)[] = new Array(DENSE).fill(undefined);
export const MSG_BY_NAME: Record<string, MessageDef> = Object.create(null);
for (const m of MESSAGES) {
  msgDense[m.id] = m;
  MSG_BY_NAME[m.name] = m;
}

export function msgById(id: number): MessageDef | undefined {
  return id < DENSE ? msgDense[id] : undefined;
}

/** Wire kind byte -> its name, for the kinds that are defined. */
export const WIRE_KIND_NAME: Record<number, WireKindName> = Object.fromEntries(Object.values(VALUE_KINDS).map((k) => [k.wire, k.wireName]));
