/**
 * Key-value keys. Drawn half the time from a tiny pool so that lists often
 * repeat a key (T-Library's TKVList keeps duplicates, in order), and an
 * empty key is common; and from the names objects inherit (__proto__,
 * constructor, ...), which must stay plain data.
 */
import fc from 'fast-check';
import { prototypeNameArb } from './prototype-name.js';
import { wireStringArb } from './wire-string.js';

const POOL = ['', 'key', 'Key', 'dup', 'ReasonCode', 'é', '😀'];

export function kvKeyArb(): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...POOL), weight: 2 },
    { arbitrary: prototypeNameArb(), weight: 1 },
    { arbitrary: wireStringArb({ maxLength: 16, longLength: 200 }), weight: 2 },
  );
}
