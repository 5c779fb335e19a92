/**
 * The codec's properties, written once. Each takes a generated input and
 * throws (an assertion) when the property does not hold; the same function
 * serves the vitest suite (fixed seed), the corpus replay and the long-run
 * fuzzer (random seeds).
 */
import assert from 'node:assert/strict';
import { DEFAULT_LIMITS } from '../../src/codec/limits.js';
import { decode } from '../../src/codec/decode.js';
import { encode } from '../../src/codec/encode.js';
import { FrameDecoder } from '../../src/codec/frame-decoder.js';
import { fromJSON, toJSON, type JsonMessage } from '../../src/codec/json.js';
import type { Message, UnknownAttribute } from '../../src/codec/types.js';
import { validate } from '../../src/validate/index.js';
import type { ChunkedStream } from '../arbitrary/byte-stream.js';
import type { DeepKvList } from '../arbitrary/deep-kv-list.js';
import type { EmptyRunFrame } from '../arbitrary/empty-run-frame.js';
import type { HostileNameMessage } from '../arbitrary/hostile-name-message.js';
import type { HugeClaimFrame } from '../arbitrary/huge-claim-frame.js';
import type { LoneSurrogateMessage } from '../arbitrary/lone-surrogate-message.js';
import type { MaxSizeMessage } from '../arbitrary/max-size-message.js';
import type { MutatedFrame } from '../arbitrary/mutated-frame.js';
import { CODEC_PATHS } from './codec-paths.js';
import { footprint, FOOTPRINT_BASE, FOOTPRINT_PER_BYTE } from './footprint.js';
import { boundedOutcome, expectCode, outcome, SLOW_INPUT_MS } from './outcome.js';

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function hex(b: Uint8Array, max = 64): string {
  const s = Buffer.from(b.subarray(0, max)).toString('hex');
  return b.length > max ? `${s}… (${b.length} bytes)` : s;
}

/** decode() keeps unknown attributes in wire order, encode() writes them by tag: compare in tag order. */
function canonicalOrder(m: Message): Message {
  const u = (m as { Unknown?: UnknownAttribute[] }).Unknown;
  return u ? ({ ...m, Unknown: [...u].sort((a, b) => a.tag - b.tag) } as Message) : m;
}

/** decode(encode(m)) deep-equals m, on every codec path. */
export function roundTrip(m: Message): void {
  const frame = encode(m, { allowObsolete: true });
  for (const path of CODEC_PATHS) assert.deepStrictEqual(path.decode(frame), m, `round trip via ${path.name}`);
}

/** encode(decode(b)) is byte-identical to b for a canonical frame, on every codec path. */
export function canonicalFrame(frame: Uint8Array): void {
  for (const path of CODEC_PATHS) {
    const again = encode(path.decode(frame), { allowObsolete: true });
    if (!sameBytes(again, frame)) assert.fail(`re-encoding via ${path.name} changed the frame:\n  in  ${hex(frame)}\n  out ${hex(again)}`);
  }
}

/** Time one decode may take: SLOW_INPUT_MS, plus 1 µs per byte for large frames (a floor of 1 MB/s on a busy machine). */
function timeBound(bytes: number): number {
  return SLOW_INPUT_MS + bytes / 1000;
}

/**
 * Any bytes: decode() returns a message or throws TLibError, within the time
 * bound; a message it returns is no bigger than a small multiple of the
 * input, re-encodes, and decodes again to itself; the streaming decoder
 * agrees (same message, or a TLibError).
 */
export function decodeTotal(bytes: Uint8Array, expectCode?: string): void {
  const limitMs = timeBound(bytes.length);
  const r = boundedOutcome('decode()', () => decode(bytes), limitMs);
  const viaStream = boundedOutcome('FrameDecoder + decode()', () => {
    const d = new FrameDecoder();
    const frames = d.push(bytes);
    d.end();
    return frames.map((f) => decode(f));
  }, limitMs);
  if (!r.ok) {
    if (expectCode !== undefined && r.error.code !== expectCode) assert.fail(`decode() threw ${r.error.code} (${r.error.message}); expected ${expectCode}`);
    return;
  }
  if (expectCode !== undefined) assert.fail(`decode() accepted the frame; expected ${expectCode}`);
  const size = footprint(r.value);
  if (size > FOOTPRINT_PER_BYTE * bytes.length + FOOTPRINT_BASE) assert.fail(`a ${bytes.length}-byte frame decoded to a footprint of ${size} (> ${FOOTPRINT_PER_BYTE}x its length + ${FOOTPRINT_BASE})`);
  if (!viaStream.ok) assert.fail(`decode() accepted the frame but the FrameDecoder path threw ${viaStream.error.code}: ${viaStream.error.message}`);
  assert.deepStrictEqual(viaStream.value, [r.value], 'FrameDecoder path and decode() disagree');
  const re = outcome('encode(decode(bytes))', () => encode(r.value, { allowObsolete: true }));
  if (!re.ok) assert.fail(`decode() accepted a frame that encode() cannot write back: ${re.error.code} ${re.error.message}`);
  assert.deepStrictEqual(decode(re.value), canonicalOrder(r.value), 'decode(encode(decode(b))) differs from decode(b)');
}

export function mutatedFrame(m: MutatedFrame): void {
  decodeTotal(m.frame, m.expectCode);
}

/** A frame that claims far more than it holds is refused, fast (bounded by the same 50 ms). */
export function hugeClaim(h: HugeClaimFrame): void {
  const r = boundedOutcome(`decode() of a frame claiming ${h.claim} at ${h.where}`, () => decode(h.frame), 5);
  if (r.ok) assert.fail(`decode() accepted a ${h.frame.length}-byte frame claiming ${h.claim} at ${h.where}`);
  decodeTotal(h.frame);
}

/**
 * A stream cut anywhere: FrameDecoder yields exactly the frames, in order,
 * and never holds more than the bytes of the one frame it is assembling
 * (its buffer at most max(4096, 2x what it holds)).
 */
export function chunking(s: ChunkedStream): void {
  const d = new FrameDecoder();
  const out: Uint8Array[] = [];
  for (const c of s.chunks) {
    out.push(...d.push(c).map((f) => f.slice()));
    const partial = (d as unknown as { partial?: Uint8Array }).partial;
    if (partial instanceof Uint8Array && partial.length > Math.max(4096, 2 * d.pending)) {
      assert.fail(`FrameDecoder holds a ${partial.length}-byte buffer for ${d.pending} pending bytes`);
    }
  }
  d.end();
  assert.equal(out.length, s.frames.length, 'number of frames');
  s.frames.forEach((f, i) => {
    if (!sameBytes(out[i]!, f)) assert.fail(`frame ${i} differs after chunking into ${s.chunks.length} chunks`);
    assert.deepStrictEqual(decode(out[i]!), decode(f));
  });
}

/** encode() refuses a lone surrogate with INVALID_UTF8 and names where it is. */
export function loneSurrogate(l: LoneSurrogateMessage): void {
  const err = expectCode('encode() of a lone surrogate', () => encode(l.message, { allowObsolete: true }), 'INVALID_UTF8');
  assert.equal(err.path, l.path, 'path of the lone surrogate');
}

/** Lists up to the depth limit round-trip on every path; one level deeper, encode and decode both refuse. */
export function deepNesting(d: DeepKvList): void {
  const m = { Event: 'EventPrivateInfo', PrivateEvent: 1, UserData: d.list } as Message;
  if (d.depth <= DEFAULT_LIMITS.maxDepth) {
    roundTrip(m);
    if (d.depth > 1) expectCode('decode() with maxDepth one less', () => decode(encode(m), { limits: { maxDepth: d.depth - 1 } }), 'NESTING_TOO_DEEP');
  } else {
    expectCode(`encode() of a list ${d.depth} deep`, () => encode(m), 'NESTING_TOO_DEEP');
  }
}

/** The largest frame decode() takes by default round-trips; one byte more is FRAME_TOO_LARGE (and decodes with a larger limit). */
export function maxSize(s: MaxSizeMessage): void {
  if (s.over > 0) expectCode('encode() of an oversize message', () => encode(s.message), 'FRAME_TOO_LARGE');
  const frame = encode(s.message, { limits: { maxFrameBytes: DEFAULT_LIMITS.maxFrameBytes + Math.max(s.over, 0) } });
  assert.equal(frame.length - 4, DEFAULT_LIMITS.maxFrameBytes + s.over, 'the generator sized the body');
  if (s.over <= 0) {
    const r = boundedOutcome('decode() of a maximum-size frame', () => decode(frame), timeBound(frame.length));
    if (!r.ok) assert.fail(`decode() refused a frame of maximum size: ${r.error.code} ${r.error.message}`);
    assert.deepStrictEqual(r.value, s.message);
  } else {
    expectCode('decode() of an oversize frame', () => decode(frame), 'FRAME_TOO_LARGE');
    expectCode('FrameDecoder.push() of an oversize frame', () => new FrameDecoder().push(frame.subarray(0, 4)), 'FRAME_TOO_LARGE');
    assert.deepStrictEqual(decode(frame, { limits: { maxFrameBytes: frame.length } }), s.message);
  }
}

/**
 * A long run of empty values: decode() refuses it with a TLibError or
 * returns a message within the footprint bound, in bounded time, and the
 * rest of decodeTotal holds (stream path agrees, encode writes it back).
 */
export function emptyRun(e: EmptyRunFrame): void {
  decodeTotal(e.frame);
}

/**
 * A prototype-member name where a name is looked up: encode() refuses it as
 * INVALID_MESSAGE at its path (never a foreign error or a frame); JSON text
 * keeps it as an own property, never as the prototype, and validate()
 * reports it at its path.
 */
export function hostileName(h: HostileNameMessage): void {
  if (h.form !== 'json-key') {
    const err = expectCode(`encode() of a message with ${h.path}`, () => encode(h.message), 'INVALID_MESSAGE');
    assert.equal(err.path, h.path, 'path of the refused name');
    return;
  }
  const json = JSON.parse(h.text) as JsonMessage;
  const message = fromJSON(json);
  assert.equal(Object.getPrototypeOf(message), Object.prototype, 'fromJSON() set a prototype from a JSON key');
  assert.ok(Object.hasOwn(message, h.path), `fromJSON() lost the key ${h.path}`);
  assert.equal((message as unknown as Record<string, unknown>).ApplicationPassword, undefined, 'an attribute reached the message through its prototype');
  const err = expectCode(`encode() of JSON with the key ${h.path}`, () => encode(message), 'INVALID_MESSAGE');
  assert.equal(err.path, h.path, 'path of the refused key');
  assert.ok(Object.hasOwn(toJSON(message), h.path), `toJSON() lost the key ${h.path}`);
  assert.ok(validate(json).some((v) => v.path === h.path), `validate() did not report the key ${h.path}`);
}
