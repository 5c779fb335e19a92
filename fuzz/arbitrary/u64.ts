/** Unsigned 64-bit values (EventSequenceNumber, unknown int64 attributes), biased to the edges up to 2^64-1. */
import fc from 'fast-check';

export const U64_MAX = (1n << 64n) - 1n;

const EDGES = [0n, 1n, 0x7fn, 0x80n, 0xffffffffn, 0x100000000n, (1n << 53n) + 1n, (1n << 63n) - 1n, 1n << 63n, U64_MAX - 1n, U64_MAX];

export function u64Arb(): fc.Arbitrary<bigint> {
  return fc.oneof({ arbitrary: fc.bigInt({ min: 0n, max: U64_MAX }), weight: 3 }, { arbitrary: fc.constantFrom(...EDGES), weight: 1 });
}
