/**
 * Every fuzz property with a fixed seed and a small budget, so `npm test`
 * is repeatable; `tlib-kit fuzz` runs the same properties with random seeds.
 */
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { ALL_PROPERTIES } from './properties/index.js';

const FIXED_SEED = 0x7115eed;

describe('fuzz properties (fixed seed)', () => {
  afterAll(async () => {
    for (const p of ALL_PROPERTIES) await p.teardown?.();
  });
  for (const p of ALL_PROPERTIES) {
    it(`${p.name}: ${p.summary}`, async () => {
      const arb = p.arbitrary();
      const params = { seed: FIXED_SEED, numRuns: p.testRuns };
      if (p.async) await fc.assert(fc.asyncProperty(arb, async (x) => { await p.check(x); }), params);
      else fc.assert(fc.property(arb, (x) => { p.check(x); }), params);
    });
  }
});
