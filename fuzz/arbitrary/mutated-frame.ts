/**
 * Valid frames, damaged: bit flips, truncations, length-prefix lies, splices
 * of two frames, duplicated attributes, inserted and deleted bytes, runs of
 * varint continuation bytes. Most mutations then repair the length prefix
 * (`fixLength`) so the damage reaches the body parser instead of stopping at
 * the frame check.
 */
import fc from 'fast-check';
import { encode } from '../../src/codec/encode.js';
import type { Message } from '../../src/codec/types.js';
import { messageArb } from './message.js';

export interface MutatedFrame {
  /** What was done, for the failure report. */
  mutation: string;
  frame: Uint8Array;
  /** When the mutation has one right answer: the error code decode() must throw. */
  expectCode?: string;
}

const small = messageArb({ kv: { maxDepth: 3, maxPairs: 4 } });
const frameArb = small.map((m) => ({ m, f: encode(m, { allowObsolete: true }) }));

function withLength(body: Uint8Array, length = body.length - 4): Uint8Array {
  const out = body.slice();
  if (out.length >= 4) new DataView(out.buffer, out.byteOffset, out.byteLength).setUint32(0, length >>> 0);
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function typeVarintSize(frame: Uint8Array): number {
  let i = 4;
  while (i < frame.length && frame[i]! >= 0x80) i++;
  return i + 1 - 4;
}

const bitFlips = fc.tuple(frameArb, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.boolean()).map(([{ f }, bits, fix]) => {
  const out = f.slice();
  for (const b of bits) {
    const bit = b % (out.length * 8);
    out[bit >> 3]! ^= 1 << (bit & 7);
  }
  return { mutation: `bit flips ${bits.length}${fix ? ' (length fixed)' : ''}`, frame: fix ? withLength(out) : out };
});

const truncations = fc.tuple(frameArb, fc.nat(), fc.boolean()).map(([{ f }, n, fix]) => {
  const cut = f.subarray(0, n % f.length);
  return { mutation: `truncated to ${cut.length} of ${f.length}${fix ? ' (length fixed)' : ''}`, frame: fix && cut.length >= 4 ? withLength(cut) : cut.slice() };
});

const lengthLies = fc
  .tuple(frameArb, fc.oneof(fc.integer({ min: -8, max: 8 }), fc.constantFrom(0x7fffffff, 0xffffffff, 1 << 20, (1 << 20) + 1, 0)))
  .map(([{ f }, lie]) => {
    const claimed = Math.abs(lie) <= 8 ? Math.max(0, f.length - 4 + lie) : lie;
    return { mutation: `length prefix says ${claimed}, body has ${f.length - 4}`, frame: withLength(f, claimed) };
  });

const splices = fc.tuple(frameArb, frameArb, fc.nat(), fc.nat(), fc.boolean()).map(([{ f: a }, { f: b }, i, j, fix]) => {
  const out = concat(a.subarray(0, i % (a.length + 1)), b.subarray(j % (b.length + 1)));
  return { mutation: `splice of two frames at ${i % (a.length + 1)}/${j % (b.length + 1)}${fix ? ' (length fixed)' : ''}`, frame: fix ? withLength(out) : out };
});

/** An attribute's bytes, encoded alone, appended again to a frame that already holds it. */
const duplicates = frameArb
  .filter(({ m }) => Object.keys(m).some((k) => k !== 'Event' && k !== 'MessageType' && k !== 'Obsolete'))
  .chain(({ m, f }) => {
    const keys = Object.keys(m).filter((k) => k !== 'Event' && k !== 'MessageType' && k !== 'Obsolete');
    return fc.constantFrom(...keys).map((key) => {
      const head = { Event: m.Event, MessageType: (m as { MessageType?: number }).MessageType } as Message;
      const value = (m as unknown as Record<string, unknown>)[key];
      const alone = key === 'Unknown' ? { ...head, Unknown: (value as unknown[]).slice(0, 1) } : { ...head, [key]: value };
      const one = encode(alone as Message, { allowObsolete: true });
      const attr = one.subarray(4 + typeVarintSize(one));
      return { mutation: `attribute ${key} repeated`, frame: withLength(concat(f, attr)), expectCode: 'DUPLICATE_ATTRIBUTE' };
    });
  });

const edits = fc
  .tuple(frameArb, fc.nat(), fc.nat({ max: 16 }), fc.oneof(fc.uint8Array({ maxLength: 16 }), fc.constantFrom(new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x80, 0x80]), new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f]), new Uint8Array([0x06, 0x00]))))
  .map(([{ f }, at, del, ins]) => {
    const p = 4 + (at % (f.length - 3));
    const out = concat(f.subarray(0, p), ins, f.subarray(Math.min(f.length, p + del)));
    return { mutation: `replaced ${del} bytes at ${p} with ${ins.length} (length fixed)`, frame: withLength(out) };
  });

export function mutatedFrameArb(): fc.Arbitrary<MutatedFrame> {
  return fc.oneof(bitFlips, truncations, lengthLies, splices, duplicates, edits) as fc.Arbitrary<MutatedFrame>;
}
