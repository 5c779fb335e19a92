/**
 * Attributes whose tags the registry does not know, with every wire kind.
 * Tags are unique and in ascending order: the canonical form, which is what
 * decode() returns after encode() sorts them.
 */
import fc from 'fast-check';
import { attributeByTag, PROJECT_TAG_RANGE, type UnknownAttribute } from '../../src/index.js';
import { binaryArb } from './binary.js';
import { int32Arb } from './int32.js';
import { kvListArb } from './kv-list.js';
import { u64Arb } from './u64.js';
import { wireStringArb } from './wire-string.js';

const tagArb = fc
  .oneof(
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: PROJECT_TAG_RANGE.first, max: PROJECT_TAG_RANGE.last }),
    fc.constantFrom(127, 128, 16383, 16384, 0x1fffff, 0x200000, 0xfffffff, 0x10000000, 0xffffffff),
    fc.integer({ min: 0, max: 0xffffffff }),
  )
  .filter((tag) => attributeByTag(tag) === undefined);

const attrArb: fc.Arbitrary<Omit<UnknownAttribute, 'tag'>> = fc.oneof(
  int32Arb().map((value) => ({ kind: 'int32' as const, value })),
  u64Arb().map((value) => ({ kind: 'int64' as const, value })),
  wireStringArb().map((value) => ({ kind: 'string' as const, value })),
  binaryArb().map((value) => ({ kind: 'binary' as const, value })),
  kvListArb({ maxDepth: 2 }).map((value) => ({ kind: 'kvlist' as const, value })),
);

export function unknownAttributesArb(maxLength = 4): fc.Arbitrary<UnknownAttribute[]> {
  return fc
    .uniqueArray(fc.tuple(tagArb, attrArb), { minLength: 1, maxLength, selector: ([tag]) => tag })
    .map((list) => list.map(([tag, a]) => ({ tag, ...a }) as UnknownAttribute).sort((a, b) => a.tag - b.tag));
}
