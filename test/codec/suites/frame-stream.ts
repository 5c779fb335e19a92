/**
 * The streaming FrameDecoder against the golden vectors: however the byte
 * stream of all valid frames is cut, the same frames come out, in order,
 * and decode to the vectors' messages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { catchTLib, type CodecApi } from '../codec-api.js';
import { VALID_VECTORS, bytesOf, hexOf } from '../vector-files.js';

const FRAMES = VALID_VECTORS.map((v) => v.hex);
const STREAM = bytesOf(FRAMES.join(''));

export function defineFrameStreamTests(label: string, load: () => Promise<CodecApi>): void {
  describe(`FrameDecoder over all valid vectors (${label})`, () => {
    let api: CodecApi;
    beforeAll(async () => {
      api = await load();
    });

    function run(chunks: Uint8Array[]): string[] {
      const d = new api.FrameDecoder();
      const out: string[] = [];
      for (const c of chunks) for (const f of d.push(c)) out.push(hexOf(f));
      d.end();
      expect(d.pending).toBe(0);
      return out;
    }

    it('yields every frame from one chunk', () => {
      expect(run([STREAM])).toEqual(FRAMES);
    });

    it('yields the same frames for every split point of the stream', () => {
      for (let i = 1; i < STREAM.length; i++) {
        const got = run([STREAM.subarray(0, i), STREAM.subarray(i)]);
        if (got.length !== FRAMES.length || got.some((f, j) => f !== FRAMES[j])) throw new Error(`split at ${i} gives other frames`);
      }
      expect(STREAM.length).toBeGreaterThan(1000);
    });

    it('yields the same frames from 1-byte chunks', () => {
      const chunks = Array.from(STREAM, (_, i) => STREAM.subarray(i, i + 1));
      expect(run(chunks)).toEqual(FRAMES);
    });

    it('frames it yields decode to the vectors\' messages', () => {
      const d = new api.FrameDecoder();
      const frames = [STREAM.subarray(0, 333), STREAM.subarray(333)].flatMap((c) => d.push(c));
      expect(frames.map((f) => api.toJSON(api.decode(f)))).toStrictEqual(VALID_VECTORS.map((v) => v.message));
    });

    it('end() reports TRUNCATED at the stream offset where a frame is cut', () => {
      const d = new api.FrameDecoder();
      d.push(STREAM.subarray(0, STREAM.length - 1));
      const e = catchTLib(api, () => d.end());
      expect([e.code, e.offset]).toEqual(['TRUNCATED', STREAM.length - 1]);
    });

    it('refuses a length prefix above maxFrameBytes with FRAME_TOO_LARGE at its stream offset, after the frames before it', () => {
      const first = bytesOf(FRAMES[0]!);
      const d = new api.FrameDecoder();
      expect(d.push(new Uint8Array([...first, 0x00, 0x10, 0x00, 0x01]))).toEqual([first]);
      expect([d.error?.code, d.error?.offset]).toEqual(['FRAME_TOO_LARGE', first.length]);
      const e = catchTLib(api, () => d.push(new Uint8Array([0])));
      expect([e.code, e.offset]).toEqual(['FRAME_TOO_LARGE', first.length]);
    });

    it('returns the same frames and error whether the bad prefix shares a chunk with them or not', () => {
      const bad = new Uint8Array([0x00, 0x10, 0x00, 0x01]);
      const together = new api.FrameDecoder();
      const split = new api.FrameDecoder();
      const a = together.push(new Uint8Array([...STREAM, ...bad]));
      const b = split.push(STREAM);
      expect(() => split.push(bad)).toThrow();
      expect(a).toEqual(b);
      expect([together.error?.code, together.error?.offset]).toEqual([split.error?.code, split.error?.offset]);
      expect(together.error?.offset).toBe(STREAM.length);
    });
  });
}
