/** Connection ids: 16 lowercase hex digits of a 64-bit value, all-zero and all-ones included. */
import fc from 'fast-check';
import { u64Arb } from './u64.js';

export function connIdArb(): fc.Arbitrary<string> {
  return u64Arb().map((v) => v.toString(16).padStart(16, '0'));
}
