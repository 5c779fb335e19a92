/**
 * Our wire format written as a binary-parser grammar: the "generic parser
 * generator" peer. It yields binary-parser's own tree ({ type, attributes:
 * [{ tag, kind, value }] }), not our message objects; the benchmark walks
 * that tree with the same deep walk as every other result.
 *
 * binary-parser has no LEB128 type, so a varint is an array of bytes read
 * until one below 0x80, folded into a number by a formatter.
 */
// The package's ESM entry ships no types; its CommonJS build has them next to it.
import { Parser } from 'binary-parser/dist/binary_parser.js';

function varintOf(bytes: number[]): number {
  let v = 0;
  for (let i = bytes.length - 1; i >= 0; i--) v = v * 128 + (bytes[i]! & 0x7f);
  return v;
}
const varint = { type: 'uint8', readUntil: (b: number) => b < 0x80, formatter: varintOf } as const;

const str = new Parser().array('len', varint).string('s', { length: 'len', encoding: 'utf8' });
const bytes = new Parser().array('len', varint).buffer('b', { length: 'len', clone: true });

// Declared first so the key-value value choice can refer to it by name.
const kvlist = new Parser().namely('kvlist');

const value = (tagField: string) => ({
  tag: tagField,
  choices: {
    1: new Parser().int32be('v'),
    2: new Parser().buffer('v', { length: 8, clone: true }),
    3: str,
    4: bytes,
    5: 'kvlist',
  },
});

const pair = new Parser().nest('key', { type: str }).uint8('kind').choice('value', value('kind'));
kvlist.array('count', varint).array('pairs', { type: pair, length: 'count' });

const attribute = new Parser().array('tag', varint).uint8('kind').choice('value', value('kind'));

export const frameParser = new Parser()
  .uint32be('length')
  .array('type', varint)
  .array('attributes', { type: attribute, readUntil: 'eof' });
