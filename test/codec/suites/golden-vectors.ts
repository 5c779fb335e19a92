/**
 * Every golden vector both ways, byte for byte: decode -> JSON form equals
 * "message", encode(fromJSON(message)) equals "hex"; every invalid frame
 * gives exactly its code and offset; every strict prefix of a valid frame
 * is TRUNCATED at its own length.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { catchTLib, type CodecApi } from '../codec-api.js';
import { EDGE_VECTORS, ERROR_VECTORS, LIMIT_VECTORS, MESSAGE_VECTORS, NON_CANONICAL_VECTORS, VALID_VECTORS, bytesOf, hexOf } from '../vector-files.js';

export function defineGoldenVectorTests(label: string, load: () => Promise<CodecApi>): void {
  describe(`golden vectors (${label})`, () => {
    let api: CodecApi;
    beforeAll(async () => {
      api = await load();
    });

    describe('canonical frames round-trip byte for byte', () => {
      for (const v of [...MESSAGE_VECTORS, ...EDGE_VECTORS]) {
        it(v.name, () => {
          expect(api.toJSON(api.decode(bytesOf(v.hex)))).toStrictEqual(v.message);
          expect(hexOf(api.encode(api.fromJSON(v.message), { allowObsolete: v.allowObsolete ?? false }))).toBe(v.hex);
        });
      }
    });

    describe('obsolete events are refused without allowObsolete', () => {
      for (const v of MESSAGE_VECTORS.filter((m) => m.allowObsolete)) {
        it(v.name, () => {
          const e = catchTLib(api, () => api.encode(api.fromJSON(v.message)));
          expect([e.code, e.path]).toEqual(['OBSOLETE', 'Event']);
        });
      }
    });

    describe('non-canonical frames decode, and re-encode in canonical form', () => {
      for (const v of NON_CANONICAL_VECTORS) {
        it(v.name, () => {
          expect(api.toJSON(api.decode(bytesOf(v.hex)))).toStrictEqual(v.message);
          const canonical = hexOf(api.encode(api.fromJSON(v.message)));
          expect(canonical).toBe(v.canonicalHex);
          expect(canonical).not.toBe(v.hex);
          expect(hexOf(api.encode(api.decode(bytesOf(canonical))))).toBe(canonical);
        });
      }
    });

    describe('invalid frames give exactly their code and offset', () => {
      for (const v of ERROR_VECTORS) {
        it(v.name, () => {
          const e = catchTLib(api, () => api.decode(bytesOf(v.hex)));
          expect({ code: e.code, offset: e.offset }).toEqual({ code: v.error, offset: v.offset });
          expect(e.message).toMatch(new RegExp(`at offset ${v.offset}$`));
        });
      }
    });

    describe('frames over a lowered limit give exactly their code and offset, and not with the defaults', () => {
      for (const v of LIMIT_VECTORS) {
        it(v.name, () => {
          const e = catchTLib(api, () => api.decode(bytesOf(v.hex), { limits: v.limits }));
          expect({ code: e.code, offset: e.offset }).toEqual({ code: v.error, offset: v.offset });
          let withDefaults: unknown = 'decoded';
          try {
            api.decode(bytesOf(v.hex));
          } catch (err) {
            withDefaults = err instanceof api.TLibError ? [err.code, err.offset] : err;
          }
          // The limit is what fails the frame (an ordering vector may fail either way).
          if (v.error !== 'VALUE_OVERRUN') expect(withDefaults).not.toEqual([v.error, v.offset]);
        });
      }
    });

    it('every strict prefix of every valid frame is TRUNCATED at its own length', () => {
      let checked = 0;
      for (const v of VALID_VECTORS) {
        const bytes = bytesOf(v.hex);
        for (let k = 0; k < bytes.length; k++) {
          const e = catchTLib(api, () => api.decode(bytes.subarray(0, k)));
          if (e.code !== 'TRUNCATED' || e.offset !== k) throw new Error(`${v.name}[0..${k}): ${e.code} at ${e.offset}`);
          checked++;
        }
      }
      expect(checked).toBe(VALID_VECTORS.reduce((n, v) => n + v.hex.length / 2, 0));
    });
  });
}
