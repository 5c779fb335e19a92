/**
 * The codec contract under an attacker's input: names from outside never reach Object.prototype, a legal frame
 * cannot make decode() build many times its size, encode() holds a message
 * to the decoder's limits, and one large encode does not pin its buffer.
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { setTimeout } from 'node:timers';
import { describe, expect, it } from 'vitest';
import { decode, encode, fromJSON, isTLibError, toJSON, type JsonMessage, type Message } from '../../src/index.js';
import { validate } from '../../src/validate/index.js';
import { varint } from '../../fuzz/wire-bytes.js';
import { until } from '../client/helpers.js';

const PROTOTYPE_NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', '__defineGetter__'];

function codeAndPath(fn: () => unknown): [string, string | undefined] {
  try {
    fn();
  } catch (e) {
    if (isTLibError(e)) return [e.code, e.path];
    throw new Error(`expected a TLibError, got ${String(e)}`);
  }
  throw new Error('expected a TLibError, nothing was thrown');
}

/** A frame by hand: 4-byte prefix + body. */
function frame(body: number[]): Uint8Array {
  const n = body.length;
  return new Uint8Array([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255, ...body]);
}

/** EventUserEvent (96) whose UserData (51) holds `count` pairs of `pair` bytes. */
function userDataFrame(count: number, pair: number[]): Uint8Array {
  const pairs: number[] = [];
  for (let i = 0; i < count; i++) pairs.push(...pair);
  return frame([96, 51, 5, ...varint(count), ...pairs]);
}

describe('case 1: prototype-member names in a message', () => {
  for (const kind of PROTOTYPE_NAMES) {
    it(`an Unknown attribute of kind ${JSON.stringify(kind)} is INVALID_MESSAGE at its kind`, () => {
      const message = { Event: 'EventUserEvent', Unknown: [{ tag: 3, kind, value: 1 }] } as unknown as Message;
      expect(codeAndPath(() => encode(message))).toEqual(['INVALID_MESSAGE', 'Unknown[0].kind']);
    });

    it(`an own property named ${JSON.stringify(kind)} is refused like any unknown property`, () => {
      const message: Record<string, unknown> = { Event: 'EventUserEvent', ThisDN: '7001' };
      Object.defineProperty(message, kind, { value: 'x', enumerable: true });
      expect(codeAndPath(() => encode(message as unknown as Message))).toEqual(['INVALID_MESSAGE', kind]);
    });
  }

  it('an Unknown entry that is not an object is INVALID_MESSAGE at its index', () => {
    const message = { Event: 'EventUserEvent', Unknown: [null] } as unknown as Message;
    expect(codeAndPath(() => encode(message))).toEqual(['INVALID_MESSAGE', 'Unknown[0]']);
  });
});

describe('case 2: a JSON "__proto__" key is data, never a prototype', () => {
  const text = '{"Event":"RequestRegisterClient","ApplicationName":"app","__proto__":{"ApplicationPassword":"smuggled"}}';

  it('fromJSON keeps it as an own property and encode refuses it', () => {
    const message = fromJSON(JSON.parse(text) as JsonMessage);
    expect(Object.getPrototypeOf(message)).toBe(Object.prototype);
    expect(Object.hasOwn(message, '__proto__')).toBe(true);
    expect((message as unknown as Record<string, unknown>).ApplicationPassword).toBeUndefined();
    expect(codeAndPath(() => encode(message))).toEqual(['INVALID_MESSAGE', '__proto__']);
  });

  it('encode writes own properties only, not inherited ones', () => {
    const message = Object.assign(Object.create({ ApplicationPassword: 'smuggled' }) as object, { Event: 'RequestRegisterClient', ApplicationName: 'app' });
    const back = decode(encode(message as Message));
    expect(back).toEqual({ Event: 'RequestRegisterClient', ApplicationName: 'app' });
  });

  it('toJSON of such a message keeps the key as data', () => {
    const message = fromJSON(JSON.parse(text) as JsonMessage);
    const json = toJSON(message);
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
    expect(JSON.stringify(json)).toBe(text);
  });

  it('validate reports the key instead of reading it as a prototype', () => {
    const violations = validate(JSON.parse(text) as JsonMessage);
    expect(violations.map((v) => v.path)).toEqual(['__proto__']);
  });
});

describe('case 3: decode cost per input byte is bounded', () => {
  it('65,536 empty binary values (a 196 KB frame) are refused with LIMIT_EXCEEDED', () => {
    const bytes = userDataFrame(65536, [0, 4, 0]);
    expect(bytes.length).toBeLessThan(200_000);
    let error: unknown;
    // CPU time of this process, not wall time: the bound catches work out of proportion to the input, not a busy machine.
    const started = process.cpuUsage();
    try {
      decode(bytes);
    } catch (e) {
      error = e;
    }
    const cpu = process.cpuUsage(started);
    expect(isTLibError(error) && error.code).toBe('LIMIT_EXCEEDED');
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(1000);
  });

  it('65,536 empty nested lists are refused too', () => {
    expect(codeAndPath(() => decode(userDataFrame(65536, [0, 5, 0])))).toEqual(['LIMIT_EXCEEDED', undefined]);
  });

  it('a few hundred empty binaries (inside the fixed allowance) still decode', () => {
    const message = decode(userDataFrame(300, [0, 4, 0]));
    expect((message as { UserData: unknown[] }).UserData).toHaveLength(300);
  });

  it('65,536 pairs of empty strings (the densest ordinary list) decode', () => {
    const message = decode(userDataFrame(65536, [0, 3, 0]));
    expect((message as { UserData: unknown[] }).UserData).toHaveLength(65536);
  });

  it('maxCostPerByte raises the bound for a caller who wants it', () => {
    const bytes = userDataFrame(65536, [0, 4, 0]);
    expect(() => decode(bytes, { limits: { maxCostPerByte: 128 } })).not.toThrow();
  });
});

describe('case 6: the encoder lets go of a buffer grown for one large message', () => {
  it('after a 64 MiB encode, no 64+ MiB buffer stays allocated', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const size = 64 << 20;
    const limits = { maxFrameBytes: size + 64, maxStringBytes: size };
    gc();
    const before = process.memoryUsage().arrayBuffers;
    let out: Uint8Array | undefined = encode({ Event: 'EventUserEvent', InputMask: new Uint8Array(size) }, { limits });
    expect(out.length).toBe(size + 4 + 7);
    out = undefined;
    gc();
    // The engine frees array buffers' memory after the collection, off the main thread: wait for it to happen, not for a guessed 100 ms.
    const kept = () => (gc(), process.memoryUsage().arrayBuffers - before);
    await until(() => kept() < 8 << 20, undefined, `the 64 MiB writer buffer released (${kept()} bytes still kept)`).catch(() => undefined);
    expect(kept()).toBeLessThan(8 << 20);
  });
});

describe('case 7: encode holds a message to what decode accepts', () => {
  it('an Unknown message with a registered id is refused (it would decode as that message)', () => {
    expect(codeAndPath(() => encode({ Event: 'Unknown', MessageType: 138 } as Message))).toEqual(['INVALID_MESSAGE', 'MessageType']);
  });

  it('MessageType 99 does not get around the obsolete refusal', () => {
    expect(codeAndPath(() => encode({ Event: 'Unknown', MessageType: 99 } as Message))).toEqual(['INVALID_MESSAGE', 'MessageType']);
    expect(codeAndPath(() => encode({ Event: 'EventResourceAllocated' }))).toEqual(['OBSOLETE', 'Event']);
  });

  it('a 2 MiB string is LIMIT_EXCEEDED at its path; with the limit raised it encodes and decodes', () => {
    const message: Message = { Event: 'EventUserEvent', ThisDN: 'x'.repeat(2 << 20) };
    expect(codeAndPath(() => encode(message))).toEqual(['LIMIT_EXCEEDED', 'ThisDN']);
    const limits = { maxStringBytes: 4 << 20, maxFrameBytes: 4 << 20 };
    expect(decode(encode(message, { limits }), { limits })).toEqual(message);
  });

  it('a string of few UTF-16 units but too many UTF-8 bytes is refused', () => {
    const message: Message = { Event: 'EventUserEvent', UserData: [['k', '€'.repeat(400)]] };
    expect(codeAndPath(() => encode(message, { limits: { maxStringBytes: 1000 } }))).toEqual(['LIMIT_EXCEEDED', 'UserData[0][1]']);
    expect(() => encode(message, { limits: { maxStringBytes: 1200 } })).not.toThrow();
  });

  it('70,000 pairs are LIMIT_EXCEEDED at the list', () => {
    const message: Message = { Event: 'EventUserEvent', UserData: Array.from({ length: 70_000 }, (): [string, number] => ['k', 1]) };
    expect(codeAndPath(() => encode(message))).toEqual(['LIMIT_EXCEEDED', 'UserData']);
  });

  it('a message whose decode cost exceeds the limit is LIMIT_EXCEEDED for the message as a whole', () => {
    const message: Message = { Event: 'EventUserEvent', UserData: Array.from({ length: 60_000 }, (): [string, Uint8Array] => ['', new Uint8Array(0)]) };
    expect(codeAndPath(() => encode(message))).toEqual(['LIMIT_EXCEEDED', '']);
    expect(codeAndPath(() => decode(encode(message, { limits: { maxCostPerByte: 128 } })))).toEqual(['LIMIT_EXCEEDED', undefined]);
  });

  it('nesting and attribute count follow the configured limits', () => {
    const deep: Message = { Event: 'EventUserEvent', UserData: [['a', [['b', [['c', 1]]]]]] };
    expect(codeAndPath(() => encode(deep, { limits: { maxDepth: 2 } }))).toEqual(['NESTING_TOO_DEEP', 'UserData[0][1][0][1]']);
    expect(codeAndPath(() => encode({ Event: 'EventUserEvent', ThisDN: 'a', AgentID: 'b' }, { limits: { maxAttributes: 1 } }))).toEqual(['LIMIT_EXCEEDED', '']);
  });

  it('a misspelt limit is refused, not ignored', () => {
    expect(() => encode({ Event: 'EventUserEvent' }, { limits: { maxFrameByte: 10 } as never })).toThrow(/maxFrameByte is not a limit/);
  });
});
