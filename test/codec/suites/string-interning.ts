/**
 * The decoder slices ASCII keys and values from one latin1 string per
 * frame (it once interned them, comparing 32-bit words). Strings that
 * share their first and last eight bytes, or differ in one middle byte,
 * must still come out as themselves, in short lists and in long ones.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CodecApi } from '../codec-api.js';

/** Lengths around each branch of the word comparison (0-3, 4-7, 8-16, 17-32, longer). */
const LENGTHS = [0, 1, 3, 4, 7, 8, 15, 16, 17, 24, 31, 32, 33, 40];

/** Same length, same head and tail; only the byte at `at` varies. */
function variants(len: number): string[] {
  const base = 'k'.repeat(len);
  if (len === 0) return [''];
  const mid = len >> 1;
  return ['a', 'b', 'é'].map((c) => base.slice(0, mid) + c + base.slice(mid + 1));
}

function listOf(pairs: number): Array<[string, string]> {
  const strings = LENGTHS.flatMap(variants);
  return Array.from({ length: pairs }, (_, i) => [strings[i % strings.length]!, strings[(i * 7) % strings.length]!]);
}

export function defineStringInterningTests(label: string, load: () => Promise<CodecApi>): void {
  describe(`string interning in key-value lists (${label})`, () => {
    let api: CodecApi;
    beforeAll(async () => {
      api = await load();
    });

    function roundTrip(pairs: number): void {
      const UserData = listOf(pairs);
      const m = { Event: 'EventUserEvent', ReferenceID: 1, UserData } as const;
      // Twice: the second decode meets every string already in the cache.
      for (let pass = 0; pass < 2; pass++) {
        const back = api.decode(api.encode(m as never)) as { UserData?: unknown };
        expect(back.UserData).toStrictEqual(UserData);
      }
    }

    for (const pairs of [5, 23, 24, 60]) {
      it(`keeps near-identical strings apart in a list of ${pairs} pairs`, () => roundTrip(pairs));
    }

    it('never returns a cached string for other bytes of the same length', () => {
      const a = 'x'.repeat(20);
      const b = 'x'.repeat(9) + 'y' + 'x'.repeat(10);
      const list = (s: string): Array<[string, string]> => Array.from({ length: 30 }, () => [s, s]);
      for (const s of [a, b, a]) {
        const m = { Event: 'EventUserEvent', ReferenceID: 2, UserData: list(s) } as const;
        const back = api.decode(api.encode(m as never)) as { UserData: Array<[string, string]> };
        expect(new Set(back.UserData.flat())).toStrictEqual(new Set([s]));
      }
    });
  });
}
