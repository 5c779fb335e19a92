/**
 * Attributes whose tags the registry does not know, with every wire kind.
 * Tags are unique and in ascending order: the canonical form, which is what
 * decode() returns after encode() sorts them.
 */
import fc from 'fast-check';
import { attributeByTag, PROJECT_TAG_RANGE, type UnknownAttribute } from '../../src/index.js';
import { UNKNOWN_VALUE_KIND, type AttributeKind, type WireKindName } from '../../src/registry.js';
import { attributeValueArb } from './attribute-value.js';

const tagArb = fc
  .oneof(
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: PROJECT_TAG_RANGE.first, max: PROJECT_TAG_RANGE.last }),
    fc.constantFrom(127, 128, 16383, 16384, 0x1fffff, 0x200000, 0xfffffff, 0x10000000, 0xffffffff),
    fc.integer({ min: 0, max: 0xffffffff }),
  )
  .filter((tag) => attributeByTag(tag) === undefined);

/** Each wire kind, its value of the registry kind an unknown entry of it is read as. */
const attrArb = fc.oneof(
  ...(Object.entries(UNKNOWN_VALUE_KIND) as [WireKindName, AttributeKind][]).map(([kind, as]) =>
    attributeValueArb(as, { maxDepth: 2 }).map((value) => ({ kind, value }) as Omit<UnknownAttribute, 'tag'>),
  ),
);

export function unknownAttributesArb(maxLength = 4): fc.Arbitrary<UnknownAttribute[]> {
  return fc
    .uniqueArray(fc.tuple(tagArb, attrArb), { minLength: 1, maxLength, selector: ([tag]) => tag })
    .map((list) => list.map(([tag, a]) => ({ tag, ...a }) as UnknownAttribute).sort((a, b) => a.tag - b.tag));
}
