/**
 * A key-value list nested exactly `depth` levels deep (top level = 1), with
 * a few siblings at each level: depth in [1, max + overshoot] so the codec
 * sees both the deepest legal list and the first one past its limit.
 */
import fc from 'fast-check';
import type { KVList } from '../../src/codec/types.js';
import { DEFAULT_LIMITS } from '../../src/codec/limits.js';
import { kvListArb } from './kv-list.js';
import { kvKeyArb } from './kv-key.js';

export interface DeepKvList {
  depth: number;
  list: KVList;
}

export function deepKvListArb(maxDepth = DEFAULT_LIMITS.maxDepth, overshoot = 1): fc.Arbitrary<DeepKvList> {
  const depth = fc.oneof(fc.constantFrom(maxDepth, maxDepth + overshoot, 1), fc.integer({ min: 1, max: maxDepth + overshoot }));
  return depth.chain((d) =>
    fc.tuple(fc.array(kvKeyArb(), { minLength: d, maxLength: d }), fc.array(kvListArb({ maxDepth: 1, maxPairs: 2 }), { minLength: d, maxLength: d })).map(([keys, siblings]) => {
      let list: KVList = siblings[d - 1]!;
      for (let i = d - 2; i >= 0; i--) list = [...siblings[i]!, [keys[i]!, list]];
      return { depth: d, list };
    }),
  );
}
