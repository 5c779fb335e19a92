/**
 * An independent grammar of the wire format (spec/wire-format.md sections
 * 1-5) written with binary-parser. It shares no code with src/: it exists
 * to disagree with the codec when either misreads the spec. It parses
 * structure only; spec-json.ts gives the parsed tree its meaning.
 */
import { Parser } from 'binary-parser';

/** Unsigned LEB128 (spec section 3): little-endian groups of 7 bits, high bit = more. */
function leb128(bytes: number[]): number {
  return bytes.reduce((value, b, i) => value + (b & 0x7f) * 2 ** (7 * i), 0);
}
const VARINT = { type: 'uint8', readUntil: (b: number) => b < 0x80, formatter: leb128 } as const;

/** STRING and BINARY: varint byte length, then the bytes. */
const lengthPrefixed = new Parser().array('length', VARINT).buffer('bytes', { length: 'length' });

const int64 = new Parser().buffer('bytes', { length: 8 });

/** KVLIST: registered by name first, because pairs refer to it (nested lists) before it is complete. */
const kvlist = new Parser().namely('kvlist');

/** A key-value pair: key without a kind byte, then kind 1, 3, 4 or 5 and the value. */
const pair = new Parser()
  .nest('key', { type: lengthPrefixed })
  .uint8('kind')
  .choice('value', { tag: 'kind', choices: { 1: 'uint32be', 3: lengthPrefixed, 4: lengthPrefixed, 5: 'kvlist' } });

/** KVLIST: varint pair count, then the pairs; nested lists recurse through the alias. */
kvlist.array('count', VARINT).array('pairs', { type: pair, length: 'count' });

const attribute = new Parser()
  .array('tag', VARINT)
  .uint8('kind')
  .choice('value', { tag: 'kind', choices: { 1: 'uint32be', 2: int64, 3: lengthPrefixed, 4: lengthPrefixed, 5: 'kvlist' } });

/** The body: message type, then attributes to the end (there is no count). */
const body = new Parser().array('type', VARINT).array('attributes', { type: attribute, readUntil: 'eof' });

/** The frame: u32 big-endian body length, then the body. */
const frame = new Parser().uint32be('length').buffer('body', { length: 'length' });

export interface ParsedBytes {
  length: number;
  bytes: Uint8Array;
}
export interface ParsedList {
  count: number;
  pairs: ParsedPair[];
}
interface ParsedPair {
  key: ParsedBytes;
  kind: number;
  value: number | ParsedBytes | ParsedList;
}
export interface ParsedAttribute {
  tag: number;
  kind: number;
  value: number | { bytes: Uint8Array } | ParsedBytes | ParsedList;
}
export interface ParsedFrame {
  type: number;
  attributes: ParsedAttribute[];
}

export function parseFrame(bytes: Uint8Array): ParsedFrame {
  const outer = frame.parse(bytes) as { length: number; body: Uint8Array };
  if (outer.body.length !== outer.length || bytes.length !== 4 + outer.length) {
    throw new Error(`frame of ${bytes.length} bytes does not match its length prefix ${outer.length}`);
  }
  return body.parse(outer.body) as ParsedFrame;
}
