/** Canonical frames: encode() of a generated message (attributes in ascending tag order). */
import fc from 'fast-check';
import { encode } from '../../src/codec/encode.js';
import { messageArb, type MessageArbOptions } from './message.js';

export function canonicalFrameArb(options?: MessageArbOptions): fc.Arbitrary<Uint8Array> {
  return messageArb(options).map((m) => encode(m, { allowObsolete: true }));
}
