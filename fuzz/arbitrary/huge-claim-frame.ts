/**
 * Small frames whose string length, binary length or key-value pair count
 * claims far more than the frame holds (up to 2^32-1), at top level or
 * nested. A decoder that trusts the claim allocates gigabytes; the codec
 * must refuse each in microseconds.
 */
import fc from 'fast-check';
import { ATTRIBUTES } from '../../src/registry.js';
import { varint } from '../wire-bytes.js';

export interface HugeClaimFrame {
  claim: number;
  where: string;
  frame: Uint8Array;
}

const KIND = { string: 3, binary: 4, kvlist: 5 } as const;
const carriers = ATTRIBUTES.filter((a) => a.kind === 'string' || a.kind === 'binary' || a.kind === 'kvlist');

export function hugeClaimFrameArb(): fc.Arbitrary<HugeClaimFrame> {
  const claim = fc.oneof(fc.constantFrom(0xffffffff, 0x7fffffff, 1 << 20, (1 << 20) + 1, 1 << 24), fc.integer({ min: 1 << 16, max: 0xffffffff }));
  const where = fc.oneof(
    fc.constantFrom(...carriers).map((a) => ({ name: `${a.name} length/count`, prefix: [...varint(a.tag), KIND[a.kind as keyof typeof KIND]] })),
    fc.constant({ name: 'unknown attribute string length', prefix: [...varint(9999), 3] }),
    fc.constant({ name: 'nested list count', prefix: [...varint(51), 5, 1, 1, 0x6b, 5] }),
    fc.constant({ name: 'key length', prefix: [...varint(51), 5, 1] }),
    fc.constant({ name: 'key-value string length', prefix: [...varint(51), 5, 1, 0, 3] }),
  );
  return fc.tuple(claim, where, fc.uint8Array({ maxLength: 32 })).map(([n, w, tail]) => {
    const body = [varint(96), w.prefix, varint(n), Array.from(tail)].flat();
    const frame = new Uint8Array(4 + body.length);
    new DataView(frame.buffer).setUint32(0, body.length);
    frame.set(body, 4);
    return { claim: n, where: w.name, frame };
  });
}
