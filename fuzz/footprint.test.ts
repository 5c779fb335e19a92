/**
 * The memory model behind decode-random-bytes' footprint bound: the densest
 * frames the wire allows (3-byte nodes) stay inside it and come close to it,
 * and a decoded result larger than its bytes is outside it.
 */
import { describe, expect, it } from 'vitest';
import { decode, encode, type KVList, type Message, type UnknownAttribute } from '../src/index.js';
import { decodeTotal } from './properties/codec.js';
import { footprint, FOOTPRINT_BASE, FOOTPRINT_PER_BYTE } from './properties/footprint.js';

const N = 2000;
/** Tags below 128 (one varint byte) that the registry does not know. */
const FREE_TAGS = [3, 4, 5, 6, 7, 8, 11, 12, 13, 15, 16, 18, 19, 21, 22, 23, 24, 25, 26, 27];

const densest: Record<string, Message> = {
  'pairs of two empty strings': { Event: 'EventUserEvent', UserData: Array.from({ length: N }, (): [string, string] => ['', '']) },
  'pairs holding empty lists': { Event: 'EventUserEvent', UserData: Array.from({ length: N }, (): [string, KVList] => ['', []]) },
  'unknown attributes with empty strings': {
    Event: 'EventUserEvent',
    Unknown: FREE_TAGS.map((tag): UnknownAttribute => ({ tag, kind: 'string', value: '' })),
  },
};

describe('decoded footprint bound', () => {
  for (const [name, message] of Object.entries(densest)) {
    it(`${name}: within ${FOOTPRINT_PER_BYTE}x the frame, and the model is tight there`, () => {
      const frame = encode(message);
      const size = footprint(decode(frame));
      expect(size).toBeLessThanOrEqual(FOOTPRINT_PER_BYTE * frame.length + FOOTPRINT_BASE);
      if (frame.length > 1000) expect(size).toBeGreaterThan((FOOTPRINT_PER_BYTE - 1) * frame.length);
      expect(() => decodeTotal(frame)).not.toThrow();
    });
  }

  it('a result holding more than its frame carried is over the bound', () => {
    const frame = encode({ Event: 'EventUserEvent', ThisDN: '7001' });
    const inflated: Message = { Event: 'EventUserEvent', ThisDN: '7'.repeat(FOOTPRINT_PER_BYTE * frame.length + FOOTPRINT_BASE) };
    expect(footprint(inflated)).toBeGreaterThan(FOOTPRINT_PER_BYTE * frame.length + FOOTPRINT_BASE);
  });
});
