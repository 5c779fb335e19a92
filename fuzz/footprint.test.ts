/**
 * The memory model behind the footprint bound of decode-random-bytes and
 * empty-runs: the densest frames decode() accepts stay inside it, and the
 * frame the cost limit was made for (65,536 empty binaries, accepted before the cost
 * limit) is far outside it, so the property finds it.
 */
import { describe, expect, it } from 'vitest';
import { decode } from '../src/codec/decode.js';
import { encode } from '../src/codec/encode.js';
import type { KVList, Message, UnknownAttribute } from '../src/codec/types.js';
import { decodeTotal } from './properties/codec.js';
import { footprint, FOOTPRINT_BASE, FOOTPRINT_PER_BYTE } from './properties/footprint.js';

const N = 60_000;
/** Tags below 128 (one varint byte) that the registry does not know. */
const FREE_TAGS = [3, 4, 5, 6, 7, 8, 11, 12, 13, 15, 16, 18, 19, 21, 22, 23, 24, 25, 26, 27];

const densest: Record<string, Message> = {
  'pairs of two empty strings': { Event: 'EventUserEvent', UserData: Array.from({ length: N }, (): [string, string] => ['', '']) },
  'pairs of one-letter strings': { Event: 'EventUserEvent', UserData: Array.from({ length: N }, (_, i): [string, string] => [String.fromCharCode(97 + (i % 26)), 'é']) },
  // 24 cost units per 3 bytes, over maxCostPerByte: the most the allowance takes.
  'pairs holding empty lists': { Event: 'EventUserEvent', UserData: Array.from({ length: 2_700 }, (): [string, KVList] => ['', []]) },
  'unknown attributes with empty strings': {
    Event: 'EventUserEvent',
    Unknown: FREE_TAGS.map((tag): UnknownAttribute => ({ tag, kind: 'string', value: '' })),
  },
};

describe('decoded footprint bound', () => {
  for (const [name, message] of Object.entries(densest)) {
    it(`${name}: within ${FOOTPRINT_PER_BYTE}x the frame + ${FOOTPRINT_BASE}`, () => {
      const frame = encode(message);
      expect(footprint(decode(frame))).toBeLessThanOrEqual(FOOTPRINT_PER_BYTE * frame.length + FOOTPRINT_BASE);
      expect(() => decodeTotal(frame)).not.toThrow();
    });
  }

  it('65,536 empty binaries (what decode accepted before the cost limit) are over the bound', () => {
    const message: Message = { Event: 'EventUserEvent', UserData: Array.from({ length: 65_536 }, (): [string, Uint8Array] => ['', new Uint8Array(0)]) };
    const frame = encode(message, { limits: { maxCostPerByte: 1024 } });
    expect(footprint(message)).toBeGreaterThan(2 * (FOOTPRINT_PER_BYTE * frame.length + FOOTPRINT_BASE));
    // ...and today decode refuses it, so decodeTotal finds nothing wrong.
    expect(() => decodeTotal(frame)).not.toThrow();
    expect(() => decode(frame)).toThrow(/cost limit/);
  });

  it('a result holding more than its frame carried is over the bound', () => {
    const frame = encode({ Event: 'EventUserEvent', ThisDN: '7001' });
    const inflated: Message = { Event: 'EventUserEvent', ThisDN: '7'.repeat(FOOTPRINT_PER_BYTE * frame.length + FOOTPRINT_BASE) };
    expect(footprint(inflated)).toBeGreaterThan(FOOTPRINT_PER_BYTE * frame.length + FOOTPRINT_BASE);
  });
});
