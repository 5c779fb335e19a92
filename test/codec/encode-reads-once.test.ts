/**
 * encode() against messages that run code while they are read: getters,
 * proxies, values that change between reads, buffers transferred away.
 * Each value is read once, a call from inside encode() gets state of its
 * own, and every failure is a TLibError.
 */
import { describe, expect, it } from 'vitest';
import { decode, encode, encodeInto, TLibError, toJSON, type Message } from '../../src/index.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const INNER: Message = { Event: 'EventUserEvent', ThisDN: 'inner-dn', UserData: [['k', 'inner']] };

function refusal(f: () => unknown): TLibError {
  try {
    f();
  } catch (e) {
    if (e instanceof TLibError) return e;
    throw new Error(`expected a TLibError, got ${String(e)}`);
  }
  throw new Error('expected a TLibError, nothing was thrown');
}

describe('encode() is re-entrant', () => {
  it('a getter that encodes another message changes neither frame', () => {
    let inner: Uint8Array | undefined;
    const outer = { Event: 'EventACK', ThisDN: '7001', time: { seconds: 1, microseconds: 2 } } as Record<string, unknown>;
    Object.defineProperty(outer, 'ReferenceID', { enumerable: true, get: () => ((inner = encode(INNER)), 42) });
    const frame = encode(outer as unknown as Message);
    expect(toJSON(decode(frame))).toEqual({ Event: 'EventACK', ReferenceID: 42, ThisDN: '7001', time: { seconds: 1, microseconds: 2 } });
    expect(hex(inner!)).toBe(hex(encode(INNER)));
  });

  it('a proxy that encodes while its list is written leaves two whole frames', () => {
    const inners: Uint8Array[] = [];
    const pair = new Proxy(['key', 'value'], {
      get: (t, p, r) => {
        if (p === '1') inners.push(encode(INNER));
        return Reflect.get(t, p, r) as unknown;
      },
    });
    const frame = encode({ Event: 'EventUserEvent', ThisDN: 'outer', UserData: [pair as [string, string], ['after', 1]] });
    expect(toJSON(decode(frame))).toEqual({ Event: 'EventUserEvent', ThisDN: 'outer', UserData: [['key', 'value'], ['after', 1]] });
    expect(inners.map(hex)).toEqual([hex(encode(INNER))]);
  });

  it('a getter that encodes an invalid message while the outer one is being checked gets its own error', () => {
    const errors: string[] = [];
    const outer = { Event: 'EventACK' } as Record<string, unknown>;
    Object.defineProperty(outer, 'ReferenceID', {
      enumerable: true,
      get: () => {
        errors.push(refusal(() => encode({ Event: 'EventACK', ThisDN: 5 } as unknown as Message)).path!);
        return -1; // invalid: the outer message goes to the exact path, which reads it again
      },
    });
    expect(refusal(() => encode(outer as unknown as Message)).path).toBe('ReferenceID');
    expect(errors).toEqual(['ThisDN', 'ThisDN']);
  });
});

describe('encode() reads each value once', () => {
  it('a value that changes between reads is written as first read, whole', () => {
    let reads = 0;
    const pair = ['k', ''] as [string, string];
    Object.defineProperty(pair, 1, { enumerable: true, get: () => (reads++ === 0 ? 'short' : 'x'.repeat(2_000_000)) });
    const frame = encode({ Event: 'EventUserEvent', UserData: [pair] });
    expect(reads).toBe(1);
    expect((decode(frame) as { UserData: unknown }).UserData).toEqual([['k', 'short']]);
  });

  it('time and Unknown entries are read once each', () => {
    let reads = 0;
    const time = { microseconds: 2 } as Record<string, unknown>;
    Object.defineProperty(time, 'seconds', { enumerable: true, get: () => (reads++, 1) });
    const entry = { tag: 200, kind: 'string' } as Record<string, unknown>;
    Object.defineProperty(entry, 'value', { enumerable: true, get: () => (reads++, 'v') });
    const frame = encode({ Event: 'EventUserEvent', time, Unknown: [entry] } as unknown as Message);
    expect(reads).toBe(2);
    expect(toJSON(decode(frame))).toEqual({ Event: 'EventUserEvent', time: { seconds: 1, microseconds: 2 }, Unknown: [{ tag: 200, kind: 'string', value: 'v' }] });
  });

  it('a value refused on the first read and accepted on the second is a TLibError, not a frame', () => {
    let reads = 0;
    const m = { Event: 'EventUserEvent' } as Record<string, unknown>;
    Object.defineProperty(m, 'ThisDN', { enumerable: true, get: () => (reads++ === 0 ? 5 : 'fine') });
    const e = refusal(() => encode(m as unknown as Message));
    expect([e.code, e.path]).toEqual(['INVALID_MESSAGE', '']);
    expect(e.message).toMatch(/read again/);
  });
});

describe('every failure of encode() is a TLibError', () => {
  const transferred = () => {
    const b = new Uint8Array([1, 2, 3]);
    structuredClone(b.buffer, { transfer: [b.buffer] });
    return b;
  };

  it('a Uint8Array whose buffer was transferred, as an attribute and in a list', () => {
    expect(transferred().length).toBe(0);
    const a = refusal(() => encode({ Event: 'RequestSetInputMask', InputMask: transferred() }));
    expect([a.code, a.path]).toEqual(['INVALID_MESSAGE', 'InputMask']);
    const b = refusal(() => encode({ Event: 'EventUserEvent', UserData: [['ok', 'x'], ['b', transferred()]] }));
    expect([b.code, b.path]).toEqual(['INVALID_MESSAGE', 'UserData[1][1]']);
    const c = refusal(() => encodeInto({ Event: 'RequestSetInputMask', InputMask: transferred() }, new Uint8Array(64)));
    expect([c.code, c.path]).toEqual(['INVALID_MESSAGE', 'InputMask']);
  });

  it('an empty Uint8Array over a live buffer is still an empty binary', () => {
    expect(hex(encode({ Event: 'RequestSetInputMask', InputMask: new Uint8Array(0) }))).toBe('00000004072d0400');
  });

  it('a getter that throws', () => {
    const m = { Event: 'EventUserEvent' } as Record<string, unknown>;
    Object.defineProperty(m, 'ThisDN', { enumerable: true, get: () => { throw new SyntaxError('boom'); } });
    const e = refusal(() => encode(m as unknown as Message));
    expect([e.code, e.path]).toEqual(['INVALID_MESSAGE', '']);
    expect(e.message).toContain('SyntaxError: boom');
  });

  it('a revoked proxy', () => {
    const { proxy, revoke } = Proxy.revocable({ Event: 'EventUserEvent' }, {});
    revoke();
    expect(refusal(() => encode(proxy as unknown as Message)).code).toBe('INVALID_MESSAGE');
  });
});
