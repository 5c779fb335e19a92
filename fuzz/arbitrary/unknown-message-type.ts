/** Message type ids the registry does not know: small ones next to real ids, varint steps, up to 2^32-1. */
import fc from 'fast-check';
import { messageById } from '../../src/registry.js';

export function unknownMessageTypeArb(): fc.Arbitrary<number> {
  return fc
    .oneof(fc.integer({ min: 0, max: 300 }), fc.constantFrom(255, 256, 16383, 16384, 0xffffffff), fc.integer({ min: 0, max: 0xffffffff }))
    .filter((id) => messageById(id) === undefined);
}
