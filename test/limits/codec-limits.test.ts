/**
 * Every decoder limit at its boundary: a message exactly at the limit
 * decodes, one unit over fails with the documented code. Messages are built
 * with the encoder (which has no limits of its own below the default depth),
 * so the boundary is measured in the same units a peer would send.
 */
import { describe, expect, it } from 'vitest';
import { decode, encode, FrameDecoder, TLibError, type KVList, type Limits, type Message } from '../../src/index.js';

function expectCode(fn: () => unknown, code: string): TLibError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TLibError);
    expect((e as TLibError).code).toBe(code);
    return e as TLibError;
  }
  throw new Error(`expected TLibError ${code}, nothing was thrown`);
}

function nested(depth: number): KVList {
  let list: KVList = [['leaf', 1]];
  for (let i = 1; i < depth; i++) list = [['level', list]];
  return list;
}

const base: Message = { Event: 'EventUserEvent', ThisDN: '7001' };

describe('decoder limits at their boundary', () => {
  it('maxFrameBytes: a body of exactly the limit decodes, one byte more is FRAME_TOO_LARGE', () => {
    const frame = encode({ ...base, CustomerID: 'x'.repeat(100) });
    const body = frame.length - 4;
    expect(decode(frame, { limits: { maxFrameBytes: body } }).Event).toBe('EventUserEvent');
    const err = expectCode(() => decode(frame, { limits: { maxFrameBytes: body - 1 } }), 'FRAME_TOO_LARGE');
    expect(err.offset).toBe(0);
  });

  it('maxFrameBytes in the stream decoder: refused from the length prefix alone, before any body byte', () => {
    const frames = new FrameDecoder({ maxFrameBytes: 64 });
    expect(frames.push(new Uint8Array([0, 0, 0, 64, 0x60]))).toEqual([]);
    const over = new FrameDecoder({ maxFrameBytes: 64 });
    expectCode(() => over.push(new Uint8Array([0, 0, 0, 65])), 'FRAME_TOO_LARGE');
  });

  it('a length prefix claiming 4 GiB is refused without waiting for (or allocating) the body', () => {
    expectCode(() => decode(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x60])), 'FRAME_TOO_LARGE');
    const frames = new FrameDecoder();
    expectCode(() => frames.push(new Uint8Array([0xff, 0xff, 0xff, 0xff])), 'FRAME_TOO_LARGE');
  });

  it('maxDepth: nesting at the limit decodes, one level deeper is NESTING_TOO_DEEP', () => {
    const limits: Partial<Limits> = { maxDepth: 5 };
    expect(decode(encode({ ...base, UserData: nested(5) }), { limits }).UserData).toEqual(nested(5));
    const err = expectCode(() => decode(encode({ ...base, UserData: nested(6) }), { limits }), 'NESTING_TOO_DEEP');
    expect(err.message).toMatch(/nested deeper than 5 levels at offset \d+/);
  });

  it('maxDepth default (32) matches what the encoder is willing to write', () => {
    expect(decode(encode({ ...base, UserData: nested(32) })).UserData).toEqual(nested(32));
    expectCode(() => encode({ ...base, UserData: nested(33) }), 'NESTING_TOO_DEEP');
  });

  it('maxPairs counts every pair of every list in the message', () => {
    const msg: Message = { ...base, UserData: [['a', 1], ['b', [['c', 2]]]], Extensions: [['d', 'e']] };
    const frame = encode(msg);
    expect(decode(frame, { limits: { maxPairs: 4 } })).toEqual(msg);
    expectCode(() => decode(frame, { limits: { maxPairs: 3 } }), 'LIMIT_EXCEEDED');
  });

  it('maxAttributes: exactly the limit decodes, one more is LIMIT_EXCEEDED', () => {
    const msg: Message = { ...base, CustomerID: 'c', time: { seconds: 1, microseconds: 2 } }; // 4 wire attributes
    const frame = encode(msg);
    expect(decode(frame, { limits: { maxAttributes: 4 } })).toEqual(msg);
    expectCode(() => decode(frame, { limits: { maxAttributes: 3 } }), 'LIMIT_EXCEEDED');
  });

  it('maxStringBytes applies to strings, binary values and keys alike', () => {
    const limits = { maxStringBytes: 8 };
    expect(decode(encode({ ...base, ThisDN: '12345678' }), { limits }).ThisDN).toBe('12345678');
    expectCode(() => decode(encode({ ...base, ThisDN: '123456789' }), { limits }), 'LIMIT_EXCEEDED');
    expectCode(() => decode(encode({ Event: 'RequestSetInputMask', InputMask: new Uint8Array(9) }), { limits }), 'LIMIT_EXCEEDED');
    expectCode(() => decode(encode({ ...base, ThisDN: '1', UserData: [['123456789', 1]] }), { limits }), 'LIMIT_EXCEEDED');
  });

  it('a key-value count larger than the bytes left can hold is refused before allocation', () => {
    // EventUserEvent (96), UserData (51) kvlist (5), count 0xffffffff (ff ff ff ff 0f), no pairs.
    const body = [0x60, 0x33, 0x05, 0xff, 0xff, 0xff, 0xff, 0x0f];
    const frame = new Uint8Array([0, 0, 0, body.length, ...body]);
    const err = expectCode(() => decode(frame), 'VALUE_OVERRUN');
    expect(err.offset).toBe(7);
  });

  it('limits are validated: a nonsensical limit is a RangeError naming it', () => {
    expect(() => decode(encode(base), { limits: { maxDepth: 0 } })).toThrow(/limits\.maxDepth must be a positive integer/);
    expect(() => decode(encode(base), { limits: { maxDepth: 100_000 } })).toThrow(/limits\.maxDepth must be at most 512/);
    expect(() => new FrameDecoder({ maxFrameBytes: 2 ** 40 })).toThrow(/limits\.maxFrameBytes must be at most/);
  });
});
