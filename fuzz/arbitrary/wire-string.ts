/**
 * Strings UTF-8 can carry: ASCII, any code point (non-BMP included, so
 * surrogate pairs), graphemes, and now and then a long one whose UTF-8 form
 * crosses the codec's short-string threshold and the varint length steps.
 */
import fc from 'fast-check';

interface WireStringOptions {
  /** Longest string in UTF-16 units for the common cases (default 40). */
  maxLength?: number;
  /** Also produce long strings (default true): up to `longLength` units. */
  long?: boolean;
  longLength?: number;
}

const NON_BMP = ['😀', '𝄞', '𐍈', '\u{10FFFF}', '\u{10000}'];

export function wireStringArb(options: WireStringOptions = {}): fc.Arbitrary<string> {
  const maxLength = options.maxLength ?? 40;
  const longLength = options.longLength ?? 20_000;
  const arbs: fc.WeightedArbitrary<string>[] = [
    { arbitrary: fc.string({ maxLength }), weight: 4 },
    { arbitrary: fc.string({ unit: 'binary', maxLength }), weight: 3 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: Math.max(1, maxLength >> 2) }), weight: 1 },
    { arbitrary: fc.array(fc.constantFrom(...NON_BMP, 'a', 'é', '€'), { maxLength }).map((a) => a.join('')), weight: 1 },
  ];
  if (options.long ?? true) {
    // Sizes at and around the encoder's UTF-16 guess and the varint boundaries (127/128, 16383/16384).
    const sizes = fc.oneof(fc.constantFrom(63, 64, 65, 127, 128, 129, 16383, 16384).filter((n) => n <= longLength), fc.integer({ min: 0, max: longLength }));
    arbs.push({
      arbitrary: fc.tuple(sizes, fc.constantFrom('x', 'é', '€', '😀')).map(([n, ch]) => ch.repeat(Math.ceil(n / ch.length)).slice(0, n).replace(/[\uD800-\uDBFF]$/, 'y')),
      weight: 1,
    });
  }
  return fc.oneof(...arbs);
}
