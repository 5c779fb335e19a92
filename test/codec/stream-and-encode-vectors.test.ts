/**
 * spec/vectors/stream.json against FrameDecoder (every chunking given, and
 * the same bytes re-cut one byte at a time), and spec/vectors/encode-invalid.json
 * against fromJSON + encode, and spec/vectors/json-text.json read as text: what an independent implementation tests
 * itself with, read straight from the published files.
 */
import { describe, expect, it } from 'vitest';
import { encode, FrameDecoder, fromJSON, isTLibError } from '../../src/index.js';
import { bytesOf, ENCODE_ERROR_VECTORS, hexOf, JSON_TEXT_VECTORS, STREAM_VECTORS } from './vector-files.js';

function runStream(chunks: Uint8Array[], maxFrameBytes?: number): { frames: string[]; error?: { code: string; offset: number } } {
  const d = new FrameDecoder(maxFrameBytes === undefined ? undefined : { maxFrameBytes });
  const frames: string[] = [];
  try {
    for (const c of chunks) {
      frames.push(...d.push(c).map(hexOf));
      if (d.error) throw d.error;
    }
    d.end();
  } catch (e) {
    if (!isTLibError(e)) throw e;
    return { frames, error: { code: e.code, offset: e.offset! } };
  }
  return { frames };
}

describe('stream vectors', () => {
  for (const v of STREAM_VECTORS) {
    it(`${v.name}: as chunked, and cut into single bytes`, () => {
      const want = { frames: v.frames, ...(v.error ? { error: v.error } : {}) };
      expect(runStream(v.chunks.map(bytesOf), v.maxFrameBytes)).toEqual(want);
      const all = bytesOf(v.chunks.join(''));
      expect(runStream(Array.from(all, (_, i) => all.subarray(i, i + 1)), v.maxFrameBytes)).toEqual(want);
    });
  }
});

describe('encoder error vectors', () => {
  for (const v of ENCODE_ERROR_VECTORS) {
    it(`${v.name}: ${v.error} at ${JSON.stringify(v.path)}`, () => {
      let error: unknown;
      try {
        encode(fromJSON(v.message), v.options);
      } catch (e) {
        error = e;
      }
      expect(isTLibError(error) && [error.code, error.path]).toEqual([v.error, v.path]);
    });
  }
});

describe('JSON text vectors', () => {
  for (const v of JSON_TEXT_VECTORS) {
    it(`${v.name}: ${'hex' in v ? v.hex : `${v.error} at ${JSON.stringify(v.path)}`}`, () => {
      let got: unknown;
      try {
        got = hexOf(encode(fromJSON(JSON.parse(v.json)), v.options));
      } catch (e) {
        got = isTLibError(e) ? [e.code, e.path] : e;
      }
      expect(got).toEqual('hex' in v ? v.hex : [v.error, v.path]);
    });
  }
});
