/**
 * Key-value keys. Drawn half the time from a tiny pool so that lists often
 * repeat a key (T-Library's TKVList keeps duplicates, in order), and an
 * empty key is common.
 */
import fc from 'fast-check';
import { wireStringArb } from './wire-string.js';

const POOL = ['', 'key', 'Key', 'dup', 'ReasonCode', 'é', '😀'];

export function kvKeyArb(): fc.Arbitrary<string> {
  return fc.oneof({ arbitrary: fc.constantFrom(...POOL), weight: 1 }, { arbitrary: wireStringArb({ maxLength: 16, longLength: 200 }), weight: 1 });
}
