/** Byte values for 'binary' attributes and key-value binaries: empty, short, and around the varint length steps. */
import fc from 'fast-check';

export function binaryArb(maxLength = 64): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    { arbitrary: fc.uint8Array({ maxLength }), weight: 4 },
    { arbitrary: fc.constantFrom(127, 128, 16384).map((n) => new Uint8Array(n).fill(0xa5)), weight: 1 },
  );
}
