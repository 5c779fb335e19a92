/**
 * Every codec property with a fixed seed and a small budget, so `npm test`
 * is repeatable; `tlib-kit fuzz` runs the same properties with random seeds.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { CODEC_PROPERTIES } from './properties/catalog.js';

export const FIXED_SEED = 0x7115eed;

describe('codec properties (fixed seed)', () => {
  for (const p of CODEC_PROPERTIES) {
    it(`${p.name}: ${p.summary}`, () => {
      fc.assert(
        fc.property(p.arbitrary(), (x) => p.check(x) as void),
        { seed: FIXED_SEED, numRuns: p.testRuns },
      );
    });
  }
});
