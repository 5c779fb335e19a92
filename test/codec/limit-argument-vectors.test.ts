/**
 * spec/vectors/limit-arguments.json against decode, encode and FrameDecoder:
 * each limits argument is taken, or refused as a bad argument (not a codec
 * error) before any input is read, as spec/wire-format.md 10.3 says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { limitArgumentOutcome } from '../../scripts/vectors/limit-arguments.js';
import type { LimitArgumentVector } from '../../scripts/vectors/types.js';

const VECTORS = JSON.parse(readFileSync(new URL('../../spec/vectors/limit-arguments.json', import.meta.url), 'utf8')) as LimitArgumentVector[];

describe('limit argument vectors', () => {
  it('hold both answers, and maxFrameBytes alone for the stream decoder', () => {
    expect(new Set(VECTORS.map((v) => v.accepted))).toEqual(new Set([true, false]));
    expect(VECTORS.filter((v) => 'stream' in limitArgumentOutcome(v.limits)).length).toBeGreaterThanOrEqual(3);
  });
  for (const v of VECTORS) {
    it(`${v.name}: ${JSON.stringify(v.limits)}`, () => {
      const got = limitArgumentOutcome(v.limits);
      const want = v.accepted ? 'accepted' : 'refused';
      expect(got).toEqual({ decode: want, encode: want, ...('stream' in got ? { stream: want } : {}) });
    });
  }
});
