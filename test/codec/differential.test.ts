/**
 * The present codec against its frozen predecessor (test/codec/frozen/codec.js:
 * the codec before the generated fast paths, bundled from git history into one
 * file that imports nothing, so it cannot drift with src/) on a large generated
 * corpus: valid, mutated, truncated and random frames; valid and broken
 * messages; byte streams cut at random points. Every input must give the same
 * result from both: the same message (values, types and property order), the
 * same bytes, or the same error (code, offset or path, and sentence).
 *
 * Deliberate behaviour changes are listed in KNOWN_DIFFERENCES with the
 * reason; an input whose difference no entry explains fails the test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as now from '../../src/index.js';
import type { Limits, Message } from '../../src/index.js';
import * as frozen from './frozen/codec.js';
import { messageArb } from '../../fuzz/arbitrary/message.js';
import { mutatedFrameArb } from '../../fuzz/arbitrary/mutated-frame.js';
import { chunkedStreamArb } from '../../fuzz/arbitrary/byte-stream.js';
import { loneSurrogateMessageArb } from '../../fuzz/arbitrary/lone-surrogate-message.js';

const SEED = 14;
const RUNS = 2000;

type Result = { ok: true; value: string } | { ok: false; code: string; offset: number | undefined; path: string | undefined; message: string };

/** A result as comparable text: values with their types and property order; errors as data. */
function run(fn: () => unknown): Result {
  try {
    return { ok: true, value: show(fn()) };
  } catch (e) {
    const err = e as { code?: string; offset?: number; path?: string; message?: string };
    // Anything else thrown is compared too (by class and sentence): the fuzz
    // properties, not this test, hold the codec to throwing only TLibError.
    if (!(e instanceof now.TLibError) && !(e instanceof frozen.TLibError)) return { ok: false, code: `(${(e as Error).name})`, offset: undefined, path: undefined, message: String((e as Error).message) };
    return { ok: false, code: err.code!, offset: err.offset, path: err.path, message: err.message! };
  }
}

/** Like JSON, but keeps what JSON loses: bigint vs number, bytes vs arrays, key order (JSON keeps it), undefined. */
function show(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => {
    if (typeof x === 'bigint') return `bigint:${x}`;
    if (x instanceof Uint8Array) return `bytes:${Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('hex')}`;
    if (x === undefined) return 'undefined';
    return x;
  });
}

/**
 * Behaviour changed on purpose since the predecessor was frozen. Each entry
 * says how to recognise an affected pair of results and why it changed;
 * anything else must match.
 */
interface KnownDifference {
  readonly why: string;
  readonly applies: (legacyResult: Result, nowResult: Result) => boolean;
}
type Failure = Extract<Result, { ok: false }>;
const failed = (r: Result): r is Failure => !r.ok;

const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  {
    why: 'a list is never an object (spec/wire-format.md 10.1, encoding order step 1): a list given for time or for an Unknown entry is refused at that path, where the predecessor read it as an object without members and refused one of them',
    applies: (legacy, present) => failed(legacy) && failed(present) && legacy.code === 'INVALID_MESSAGE' && present.code === 'INVALID_MESSAGE'
      && /^(time|Unknown\[\d+\])$/.test(present.path ?? '') && (legacy.path ?? '').startsWith(`${present.path}.`),
  },
  {
    why: 'a value of the wrong kind is refused in the registry\'s words for the kind (VALUE_KINDS noun): "expected an unsigned 64-bit integer (a bigint)" for "expected a bigint 0..2^64-1", "expected bytes (a Uint8Array)" for "expected a Uint8Array"; same code and path',
    applies: (legacy, present) => failed(legacy) && failed(present) && legacy.code === present.code && legacy.path === present.path
      && /(?:^|: )expected (a bigint 0\.\.2\^64-1|a Uint8Array), got /.test(legacy.message) && /(?:^|: )expected (an unsigned 64-bit integer \(a bigint\)|bytes \(a Uint8Array\)), got /.test(present.message),
  },
];

function same(what: string, input: unknown, a: Result, b: Result): void {
  if (show(a) === show(b)) return;
  if (KNOWN_DIFFERENCES.some((d) => d.applies(a, b))) return;
  expect.fail(`${what} differs for ${show(input).slice(0, 400)}\n  frozen: ${show(a).slice(0, 400)}\n  now:    ${show(b).slice(0, 400)}`);
}

const SMALL_LIMITS: Partial<Limits> = { maxAttributes: 6, maxPairs: 10, maxDepth: 3, maxStringBytes: 40, maxFrameBytes: 600 };
const opts = { seed: SEED, numRuns: RUNS };

function bothDecode(frame: Uint8Array, limits?: Partial<Limits>): void {
  const options = limits ? { limits } : undefined;
  same('decode', frame, run(() => frozen.decode(frame, options)), run(() => now.decode(frame, options)));
}

describe('differential: the codec against its frozen predecessor', () => {
  it('decodes valid frames alike (also under small limits)', () => {
    fc.assert(
      fc.property(messageArb(), fc.boolean(), (m, small) => {
        const frame = frozen.encode(m as never, { allowObsolete: true });
        bothDecode(frame, small ? SMALL_LIMITS : undefined);
      }),
      opts,
    );
  });

  it('decodes mutated and truncated frames alike (also under small limits)', () => {
    fc.assert(
      fc.property(mutatedFrameArb(), fc.boolean(), ({ frame }, small) => bothDecode(frame, small ? SMALL_LIMITS : undefined)),
      opts,
    );
  });

  it('decodes random bytes alike', () => {
    const framed = fc.uint8Array({ maxLength: 200 }).map((body) => {
      const f = new Uint8Array(4 + body.length);
      new DataView(f.buffer).setUint32(0, body.length);
      f.set(body, 4);
      return f;
    });
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), framed), (frame) => bothDecode(frame)), opts);
  });

  it('encodes valid messages to the same bytes', () => {
    fc.assert(
      fc.property(messageArb(), fc.boolean(), (m, allowObsolete) => {
        same('encode', m, run(() => frozen.encode(m as never, { allowObsolete })), run(() => now.encode(m, { allowObsolete })));
      }),
      opts,
    );
  });

  it('encodeInto writes the bytes of the old encode, wherever they fit', () => {
    fc.assert(
      fc.property(messageArb({ kv: { maxDepth: 3, maxPairs: 6 } }), fc.nat({ max: 600 }), fc.nat({ max: 8 }), (m, size, offset) => {
        const old = run(() => frozen.encode(m as never, { allowObsolete: true }));
        const buf = new Uint8Array(size + offset);
        let n = 0;
        const r = run(() => (n = now.encodeInto(m, buf, offset, { allowObsolete: true })));
        if (!old.ok) {
          same('encodeInto', m, old, r);
          return;
        }
        const expected = frozen.encode(m as never, { allowObsolete: true });
        if (expected.length > size) {
          expect(r.ok ? '' : r.code).toBe('(RangeError)');
          expect(buf.every((b) => b === 0)).toBe(true);
          return;
        }
        expect(r.ok).toBe(true);
        expect(Buffer.from(buf.subarray(offset, offset + n)).equals(Buffer.from(expected))).toBe(true);
      }),
      opts,
    );
  });

  it('refuses broken messages alike: wrong kinds, unknown names, bad time, lone surrogates', () => {
    const junk = fc.oneof(
      fc.constantFrom<unknown>(null, true, -1, 2 ** 32, 2 ** 31, -(2 ** 31) - 1, 1.5, Number.NaN, '', 'x', 'zz6e02a1c3d4e5f6', 5n, -1n, 2n ** 64n, [], [['k']], [[1, 'v']], [['k', 1.5]], [['k', null]], [['k', [['a', {}]]]], {}, new Uint8Array(2)),
      fc.string(),
    );
    const broken = fc.oneof(
      // One property replaced by a value of any kind (most of them wrong).
      fc.tuple(messageArb({ kv: { maxDepth: 2, maxPairs: 3 } }), fc.constantFrom(...now.ATTRIBUTES.map((a) => a.name), 'time', 'Unknown', 'MessageType', 'Event', 'NotAnAttribute', 'toString'), junk).map(
        ([m, key, v]) => ({ ...m, [key]: v }) as unknown as Message,
      ),
      loneSurrogateMessageArb().map((x) => x.message),
    );
    fc.assert(
      fc.property(broken, (m) => {
        same('encode', m, run(() => frozen.encode(m as never, { allowObsolete: true })), run(() => now.encode(m, { allowObsolete: true })));
      }),
      opts,
    );
  });

  it('splits byte streams cut at random points alike, damaged or not', () => {
    const streams = fc.tuple(chunkedStreamArb(), fc.option(fc.tuple(fc.nat(), fc.nat({ max: 255 })))).map(([s, damage]) => {
      if (!damage) return s.chunks;
      // One byte of one chunk changed: a length prefix may now lie.
      const chunks = s.chunks.map((c) => c.slice());
      const nonEmpty = chunks.filter((c) => c.length > 0);
      if (nonEmpty.length > 0) {
        const c = nonEmpty[damage[0] % nonEmpty.length]!;
        c[damage[0] % c.length] = damage[1];
      }
      return chunks;
    });
    const feed = (api: { FrameDecoder: new (l?: Partial<Limits>) => { push(c: Uint8Array): Uint8Array[]; end(): void }; decode: (f: Uint8Array) => unknown }, chunks: Uint8Array[]) => {
      const out: Result[] = [];
      const fd = new api.FrameDecoder({ maxFrameBytes: 4096 });
      for (const c of chunks) {
        const r = run(() => fd.push(c));
        out.push(r);
        if (!r.ok) return out;
      }
      out.push(run(() => fd.end()));
      return out;
    };
    fc.assert(
      fc.property(streams, (chunks) => {
        const a = feed(frozen as never, chunks);
        const b = feed(now as never, chunks);
        same('FrameDecoder', chunks.length, { ok: true, value: show(a) }, { ok: true, value: show(b) });
      }),
      opts,
    );
  });

  it('sees a difference when there is one (the comparison can fail)', () => {
    const a = run(() => frozen.decode(now.encode({ Event: 'EventACK', ReferenceID: 1 })));
    const b = run(() => frozen.decode(now.encode({ Event: 'EventACK', ReferenceID: 2 })));
    expect(() => same('decode', 'self-test', a, b)).toThrow(/differs/);
    const e1 = run(() => frozen.decode(new Uint8Array([0, 0, 0, 9])));
    const e2 = run(() => now.decode(new Uint8Array([0, 0, 0, 8])));
    expect(() => same('decode', 'self-test', e1, e2)).toThrow(/differs/);
  });
});
