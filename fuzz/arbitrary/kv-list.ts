/**
 * Key-value lists (TKVList) with every value kind: strings, signed 32-bit
 * integers, binaries and nested lists, keys that repeat, up to `maxDepth`
 * levels (the top-level list is level 1, as in DEFAULT_LIMITS.maxDepth).
 */
import fc from 'fast-check';
import type { KVList, KVValue } from '../../src/index.js';
import { binaryArb } from './binary.js';
import { integerKindArb } from './integer-kind.js';
import { kvKeyArb } from './kv-key.js';
import { wireStringArb } from './wire-string.js';

export interface KvListOptions {
  /** Deepest nesting produced, top level = 1 (default 4). */
  maxDepth?: number;
  /** Most pairs per list (default 6). */
  maxPairs?: number;
}

export function kvListArb(options: KvListOptions = {}): fc.Arbitrary<KVList> {
  const maxDepth = options.maxDepth ?? 4;
  const maxPairs = options.maxPairs ?? 6;
  const key = kvKeyArb();
  const leaf: fc.Arbitrary<KVValue> = fc.oneof(
    { arbitrary: wireStringArb({ maxLength: 24, longLength: 300 }), weight: 3 },
    { arbitrary: integerKindArb('int'), weight: 2 },
    { arbitrary: binaryArb(24), weight: 1 },
  );
  // Built bottom-up once: level d nests level d + 1; the deepest holds leaves only.
  let level: fc.Arbitrary<KVList> = fc.array(fc.tuple(key, leaf), { maxLength: maxPairs }) as fc.Arbitrary<KVList>;
  for (let depth = maxDepth - 1; depth >= 1; depth--) {
    const value: fc.Arbitrary<KVValue> = fc.oneof({ arbitrary: leaf, weight: 4 }, { arbitrary: level, weight: 1 });
    level = fc.array(fc.tuple(key, value), { maxLength: maxPairs }) as fc.Arbitrary<KVList>;
  }
  return level;
}
