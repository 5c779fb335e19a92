/**
 * A value for one registry attribute kind, by what VALUE_KINDS says the kind
 * is: an integer kind from its range and edges, otherwise by its form in a
 * message object. A new kind needs a registry row, not a generator here.
 */
import fc from 'fast-check';
import { VALUE_KINDS, type AttributeKind, type ValueKindDef } from '../../src/registry.js';
import { binaryArb } from './binary.js';
import { integerKindArb } from './integer-kind.js';
import { kvListArb, type KvListOptions } from './kv-list.js';
import { wireStringArb } from './wire-string.js';

const BY_FORM: Record<ValueKindDef['js'], ((kv?: KvListOptions) => fc.Arbitrary<unknown>) | undefined> = {
  number: undefined,
  bigint: undefined,
  string: () => wireStringArb(),
  Uint8Array: () => binaryArb(),
  KVList: (kv) => kvListArb(kv),
};

export function attributeValueArb(kind: AttributeKind, kv?: KvListOptions): fc.Arbitrary<unknown> {
  const def: ValueKindDef = VALUE_KINDS[kind];
  if (def.range) return integerKindArb(kind as Parameters<typeof integerKindArb>[0]);
  const made = BY_FORM[def.js];
  if (!made) throw new Error(`the registry gives ${kind} no range, and its form ${def.js} has no generator`);
  return made(kv);
}
