/**
 * Frames built byte by byte around one long run of the smallest values the
 * wire has: empty strings, empty binaries, empty lists, zero integers, as
 * key-value pairs (up to 70,000, past maxPairs) or as unknown attributes (up
 * to 1,100, past maxAttributes). Each costs 3 bytes on the wire and up to
 * ~230 bytes decoded (a Uint8Array), so these are the frames that decide
 * whether decode's memory per input byte is bounded.
 */
import fc from 'fast-check';
import { varint } from '../wire-bytes.js';

type EmptyValue = 'string' | 'binary' | 'list' | 'int32';

export interface EmptyRunFrame {
  frame: Uint8Array;
  value: EmptyValue;
  count: number;
  as: 'pairs' | 'unknown-attributes';
}

const KIND: Record<EmptyValue, number[]> = { string: [3, 0], binary: [4, 0], list: [5, 0], int32: [1, 0, 0, 0, 0] };

function framed(head: number[], run: Uint8Array, runLength: number): Uint8Array {
  const body = head.length + runLength;
  const out = new Uint8Array(4 + body);
  new DataView(out.buffer).setUint32(0, body);
  out.set(head, 4);
  out.set(run.subarray(0, runLength), 4 + head.length);
  return out;
}

/** EventUserEvent (96) with UserData (51) holding `count` pairs with empty keys. */
function pairsFrame(value: EmptyValue, count: number): Uint8Array {
  const pair = [0, ...KIND[value]!];
  const run = new Uint8Array(count * pair.length);
  for (let i = 0; i < count; i++) run.set(pair, i * pair.length);
  return framed([96, 51, 5, ...varint(count)], run, run.length);
}

/** EventUserEvent with `count` unknown attributes (tags from 16004, the unassigned project range, up). */
function unknownFrame(value: EmptyValue, count: number): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < count; i++) bytes.push(...varint(16004 + i), ...KIND[value]!);
  return framed([96], Uint8Array.from(bytes), bytes.length);
}

export function emptyRunFrameArb(): fc.Arbitrary<EmptyRunFrame> {
  const value = fc.constantFrom<EmptyValue>('string', 'binary', 'list', 'int32');
  const pairCount = fc.oneof(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 2000, max: 70_000 }), fc.constantFrom(65_535, 65_536, 65_537));
  const pairs = fc.tuple(value, pairCount).map(([v, count]): EmptyRunFrame => ({ frame: pairsFrame(v, count), value: v, count, as: 'pairs' }));
  const attrs = fc
    .tuple(value, fc.integer({ min: 1, max: 1100 }))
    .map(([v, count]): EmptyRunFrame => ({ frame: unknownFrame(v, count), value: v, count, as: 'unknown-attributes' }));
  return fc.oneof(pairs, attrs);
}
