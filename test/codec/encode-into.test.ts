/**
 * encodeInto() and what encode()'s pooled output promises: every
 * returned frame keeps its bytes whatever is encoded after it, and a pool
 * the caller detached is replaced, not written into.
 */
import { describe, expect, it } from 'vitest';
import { decode, encode, encodeInto, isTLibError, type Message } from '../../src/index.js';
import { MESSAGE_VECTORS } from '../../scripts/vectors/messages.js';

const ack: Message = { Event: 'EventACK', ReferenceID: 7, UserEvent: 48, time: { seconds: 1, microseconds: 2 } };
const big: Message = { Event: 'EventUserEvent', ThisDN: '7001', UserData: Array.from({ length: 300 }, (_, i) => [`k${i}`, `value ${i}`] as [string, string]), time: { seconds: 1, microseconds: 2 } };

describe('encodeInto', () => {
  it('writes the same bytes as encode() at the offset and returns their count', () => {
    const buf = new Uint8Array(16 * 1024).fill(0xee);
    let at = 3;
    for (const v of MESSAGE_VECTORS) {
      const expected = encode(v.message, { allowObsolete: true });
      const n = encodeInto(v.message, buf, at, { allowObsolete: true });
      expect(n).toBe(expected.length);
      expect(buf.subarray(at, at + n)).toEqual(expected);
      at += n;
    }
    expect(buf[2]).toBe(0xee);
    expect(buf[at]).toBe(0xee);
  });

  it('fits a frame whose worst case does not fit but whose bytes do', () => {
    const exact = encode(big);
    const buf = new Uint8Array(exact.length + 2);
    expect(encodeInto(big, buf, 2)).toBe(exact.length);
    expect(buf.subarray(2)).toEqual(exact);
  });

  it('refuses a buffer that is too small, leaving it as it was', () => {
    const buf = new Uint8Array(10).fill(1);
    expect(() => encodeInto(ack, buf, 0)).toThrow(RangeError);
    expect(() => encodeInto(ack, buf, 0)).toThrow(/needs \d+ bytes, the buffer has 10/);
    expect(buf.every((b) => b === 1)).toBe(true);
  });

  it('refuses a bad offset or buffer with a clear error', () => {
    expect(() => encodeInto(ack, new Uint8Array(64), -1)).toThrow(/offset must be an integer 0..64, got -1/);
    expect(() => encodeInto(ack, new Uint8Array(64), 1.5)).toThrow(RangeError);
    expect(() => encodeInto(ack, [] as unknown as Uint8Array, 0)).toThrow(TypeError);
  });

  it('throws the same TLibError as encode() for a bad message', () => {
    const bad = { Event: 'EventACK', ReferenceID: -1 } as Message;
    const e = (() => { try { encodeInto(bad, new Uint8Array(64)); } catch (x) { return x; } })();
    expect(isTLibError(e) && e.code === 'INVALID_MESSAGE' && e.path === 'ReferenceID').toBe(true);
    expect(encode(ack)).toEqual(encode(ack)); // the writer is usable afterwards
  });
});

describe('encode() output', () => {
  it('keeps every returned frame intact while later frames are encoded', () => {
    const kept = Array.from({ length: 3000 }, (_, i) => ({ m: { ...ack, ReferenceID: i } as Message, f: encode({ ...ack, ReferenceID: i } as Message) }));
    encode(big);
    for (const { m, f } of kept) expect(decode(f)).toEqual(m);
  });

  it('gives each large frame its own buffer', () => {
    // Whether a frame outgrows the pool depends on what earlier encodes (in
    // any test file this worker ran) left of it: fill it until less than the
    // big frame is left, but enough for a frame to start in it.
    const size = encode(big).length;
    let left = 0;
    for (let i = 0; i < 10_000 && !(left < size && left >= 1024); i++) {
      const a = encode(ack);
      left = a.buffer.byteLength - (a.byteOffset + a.length);
    }
    expect(left < size && left >= 1024).toBe(true);
    const f = encode(big);
    expect(f.byteOffset).toBe(0);
    expect(f.buffer.byteLength).toBe(f.length);
  });

  it('starts a new pool when the caller detached the old one', () => {
    const f = encode(ack);
    structuredClone(f.buffer, { transfer: [f.buffer as ArrayBuffer] });
    expect(f.length).toBe(0);
    expect(decode(encode(ack))).toEqual(ack);
  });
});
