/**
 * decode() keeps the state of its fast pass in its module, so a decode()
 * called while another is under way must not touch it. The only way user
 * code runs inside decode() is a setter someone put on Object.prototype
 * under an attribute's name; this test does that (and removes it again).
 */
import { describe, expect, it } from 'vitest';
import { decode, encode, type Message } from '../../src/index.js';

const outer: Message = { Event: 'EventUserEvent', ThisDN: '7001', UserData: [['customer segment', 'gold'], ['n', 7]], time: { seconds: 1700000000, microseconds: 250 } };
const inner: Message = { Event: 'EventCallInfoChanged', ConnID: '006e02a1c3d4e5f6', ReferenceID: 9, CustomerID: 'a customer id longer than 13', time: { seconds: 5, microseconds: 6 } };

describe('decode() called from inside decode()', () => {
  it('gives both messages whole when a setter on Object.prototype decodes another frame', () => {
    const outerFrame = encode(outer).slice();
    const innerFrame = encode(inner).slice();
    // Decoded once before, so the decoder has kept both shapes already and decodes each frame once below.
    decode(outerFrame);
    decode(innerFrame);
    const seen: Message[] = [];
    Object.defineProperty(Object.prototype, 'ThisDN', {
      configurable: true,
      set(this: Record<string, unknown>, v: unknown) {
        seen.push(decode(innerFrame));
        Object.defineProperty(this, 'ThisDN', { value: v, writable: true, enumerable: true, configurable: true });
      },
    });
    let got: Message;
    try {
      got = decode(outerFrame);
    } finally {
      delete (Object.prototype as Record<string, unknown>).ThisDN;
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]).toEqual(inner);
    expect(got).toEqual(outer);
    expect(Object.keys(got)).toEqual(Object.keys(decode(outerFrame)));
  });
});
