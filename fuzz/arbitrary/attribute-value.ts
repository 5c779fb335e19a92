/**
 * A value for one registry attribute kind. The switch is exhaustive over
 * AttributeKind: a new kind in src/registry.ts fails to compile here until it
 * has a generator.
 */
import fc from 'fast-check';
import type { AttributeKind } from '../../src/index.js';
import { binaryArb } from './binary.js';
import { connIdArb } from './connid.js';
import { int32Arb } from './int32.js';
import { kvListArb, type KvListOptions } from './kv-list.js';
import { u64Arb } from './u64.js';
import { uint32Arb } from './uint32.js';
import { wireStringArb } from './wire-string.js';

export function attributeValueArb(kind: AttributeKind, kv?: KvListOptions): fc.Arbitrary<unknown> {
  switch (kind) {
    case 'int':
      return int32Arb();
    case 'u32':
      return uint32Arb();
    case 'connid':
      return connIdArb();
    case 'u64':
      return u64Arb();
    case 'string':
      return wireStringArb();
    case 'binary':
      return binaryArb();
    case 'kvlist':
      return kvListArb(kv);
    default: {
      const never: never = kind;
      throw new Error(`no generator for attribute kind ${String(never)}`);
    }
  }
}
