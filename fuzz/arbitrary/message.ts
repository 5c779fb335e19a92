/**
 * Any message the codec can carry, derived from src/registry.ts: every
 * message type (obsolete ones marked as decode() marks them), plus ids the
 * registry does not know, each with any subset of the registry's attributes
 * (values by kind), `time`, and unknown attributes. A new message or
 * attribute in the registry is generated without a change here.
 */
import fc from 'fast-check';
import { ATTRIBUTES, MESSAGES, TIME_MICROSECONDS_TAG, TIME_SECONDS_TAG } from '../../src/registry.js';
import type { Message } from '../../src/index.js';
import { attributeValueArb } from './attribute-value.js';
import { integerKindArb } from './integer-kind.js';
import type { KvListOptions } from './kv-list.js';
import { unknownAttributesArb } from './unknown-attributes.js';
import { unknownMessageTypeArb } from './unknown-message-type.js';

export interface MessageArbOptions {
  /** Also produce ids the registry does not know (default true). */
  unknownTypes?: boolean;
  /** Also produce attributes the registry does not know (default true). */
  unknownAttributes?: boolean;
  /** Shape of generated key-value lists. */
  kv?: KvListOptions;
}

const WIRE_ATTRIBUTES = ATTRIBUTES.filter((a) => a.tag !== TIME_SECONDS_TAG && a.tag !== TIME_MICROSECONDS_TAG);

export function timeArb(): fc.Arbitrary<{ seconds: number; microseconds: number }> {
  return fc.record({ seconds: integerKindArb('u32'), microseconds: integerKindArb('u32') }, { noNullPrototype: true });
}

export function messageArb(options: MessageArbOptions = {}): fc.Arbitrary<Message> {
  const head: fc.Arbitrary<Record<string, unknown>>[] = [
    fc.constantFrom(...MESSAGES).map((def) => ('obsolete' in def && def.obsolete ? { Event: def.name, Obsolete: true } : { Event: def.name })),
  ];
  if (options.unknownTypes ?? true) head.push(unknownMessageTypeArb().map((MessageType) => ({ Event: 'Unknown', MessageType })));
  const fields: Record<string, fc.Arbitrary<unknown>> = { time: timeArb() };
  for (const a of WIRE_ATTRIBUTES) fields[a.name] = attributeValueArb(a.kind, options.kv);
  if (options.unknownAttributes ?? true) fields.Unknown = unknownAttributesArb();
  // Most messages carry a handful of attributes; `fc.record` with no required key keeps each with probability 1/2.
  const body = fc.record(fields, { requiredKeys: [], noNullPrototype: true });
  return fc.tuple(fc.oneof(...head), body).map(([h, b]) => ({ ...h, ...b }) as unknown as Message);
}
