/** Unsigned 32-bit integers ('u32' attributes: ReferenceID, time), biased to the edges. */
import fc from 'fast-check';

const EDGES = [0, 1, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];

export function uint32Arb(): fc.Arbitrary<number> {
  return fc.oneof({ arbitrary: fc.integer({ min: 0, max: 0xffffffff }), weight: 3 }, { arbitrary: fc.constantFrom(...EDGES), weight: 1 });
}
