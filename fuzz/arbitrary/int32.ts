/** Signed 32-bit integers (the wire's INT32 as 'int' attributes and key-value integers), biased to the edges. */
import fc from 'fast-check';

const EDGES = [0, 1, -1, 0x7f, 0x80, 0x7fffffff, -0x80000000, -0x7fffffff];

export function int32Arb(): fc.Arbitrary<number> {
  return fc.oneof({ arbitrary: fc.integer({ min: -0x80000000, max: 0x7fffffff }), weight: 3 }, { arbitrary: fc.constantFrom(...EDGES), weight: 1 });
}
