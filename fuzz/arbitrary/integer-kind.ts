/**
 * A value of one of the registry's integer kinds (int, u32, u64, connid), from
 * what VALUE_KINDS says of it: any number of its range, now and then one of
 * its edges; a kind written as hex digits gets the number in that many digits.
 */
import fc from 'fast-check';
import { VALUE_KINDS, type AttributeKind, type ValueKindDef } from '../../src/registry.js';

type Numbered = { [K in AttributeKind]: (typeof VALUE_KINDS)[K] extends { range: unknown } ? K : never }[AttributeKind];
type IntegerValue<K extends Numbered> = (typeof VALUE_KINDS)[K]['js'] extends 'number' ? number : (typeof VALUE_KINDS)[K]['js'] extends 'bigint' ? bigint : string;

export function integerKindArb<K extends Numbered>(kind: K): fc.Arbitrary<IntegerValue<K>> {
  const { range, edges, hexDigits }: ValueKindDef = VALUE_KINDS[kind];
  const [min, max] = range!;
  const any: fc.Arbitrary<number | bigint> = typeof min === 'bigint' ? fc.bigInt({ min, max: max as bigint }) : fc.integer({ min, max: max as number });
  const value = fc.oneof({ arbitrary: any, weight: 3 }, { arbitrary: fc.constantFrom<number | bigint>(...edges!), weight: 1 });
  const shown = hexDigits === undefined ? value : value.map((v) => v.toString(16).padStart(hexDigits, '0'));
  return shown as fc.Arbitrary<IntegerValue<K>>;
}
