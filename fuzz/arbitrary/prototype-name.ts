/**
 * Names JavaScript objects inherit (Object.prototype's own property names:
 * __proto__, constructor, toString, valueOf, hasOwnProperty, ...): where a
 * lookup by a name from outside reaches the prototype, one of these finds
 * something that was never put there.
 */
import fc from 'fast-check';

const PROTOTYPE_NAMES: readonly string[] = Object.getOwnPropertyNames(Object.prototype);

export function prototypeNameArb(): fc.Arbitrary<string> {
  return fc.constantFrom(...PROTOTYPE_NAMES);
}
