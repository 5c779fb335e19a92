/** The pattern spec/defs/tlib.schema.json gives a decimal-string kind accepts exactly the spellings of 0..max. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalRangePattern } from '../../src/validate/defs-builder.js';

describe('decimalRangePattern', () => {
  it('accepts every number up to max, and nothing above it or spelled with a leading zero', () => {
    const case_ = fc.tuple(fc.bigInt({ min: 0n, max: 1n << 70n }), fc.bigInt({ min: 0n, max: 1n << 70n }));
    fc.assert(
      fc.property(case_, ([max, n]) => {
        const pattern = new RegExp(decimalRangePattern(max));
        expect(pattern.test(n.toString())).toBe(n <= max);
        expect(pattern.test(max.toString())).toBe(true);
        expect(pattern.test((max + 1n).toString())).toBe(false);
        if (n > 0n) expect(pattern.test(`0${n}`)).toBe(false);
      }),
      { numRuns: 2000, seed: 20261203 },
    );
  });

  it('takes the nearest numbers around each digit of max', () => {
    const max = (1n << 64n) - 1n;
    const pattern = new RegExp(decimalRangePattern(max));
    for (let step = 1n; step <= max; step *= 10n) {
      expect(pattern.test((max - step).toString())).toBe(true);
      expect(pattern.test((max + step).toString())).toBe(false);
    }
    expect(pattern.test('0')).toBe(true);
    expect(pattern.test('-1')).toBe(false);
    expect(pattern.test('')).toBe(false);
  });
});
