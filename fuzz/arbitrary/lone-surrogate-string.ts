/**
 * Strings holding at least one lone surrogate (a high without its low, a low
 * alone, or a reversed pair). UTF-8 cannot carry them: encode() must refuse
 * them with INVALID_UTF8 rather than write U+FFFD.
 */
import fc from 'fast-check';
import { wireStringArb } from './wire-string.js';

const LONE = fc.oneof(
  fc.integer({ min: 0xd800, max: 0xdbff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xdc00, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.constant('\uDC00\uD800'),
);

export function loneSurrogateStringArb(): fc.Arbitrary<string> {
  return fc
    .tuple(wireStringArb({ maxLength: 80, longLength: 300 }), LONE, fc.nat(), wireStringArb({ maxLength: 8, long: false }))
    .map(([base, lone, at, tail]) => {
      const i = Math.min(at % (base.length + 1), base.length);
      // Never split an existing pair: move to a code point boundary.
      const cut = i > 0 && /[\uD800-\uDBFF]/.test(base[i - 1]!) ? i - 1 : i;
      // A low surrogate must not follow a high one, nor a high one precede a low one.
      const safeTail = /^[\uDC00-\uDFFF]/.test(tail) ? `x${tail}` : tail;
      return `${base.slice(0, cut)}${lone}${/[\uD800-\uDBFF]$/.test(lone) ? 'z' : ''}${safeTail}${base.slice(cut)}`;
    })
    .filter((s) => !s.isWellFormed());
}
