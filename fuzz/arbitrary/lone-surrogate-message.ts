/**
 * A valid message with one lone surrogate planted in a string attribute, an
 * unknown string attribute, or a key or value of a (possibly nested)
 * key-value list, with the property path encode() must name.
 */
import fc from 'fast-check';
import { ATTRIBUTES, attributeByTag } from '../../src/registry.js';
import type { KVList, Message } from '../../src/codec/types.js';
import { kvKeyArb } from './kv-key.js';
import { loneSurrogateStringArb } from './lone-surrogate-string.js';
import { messageArb } from './message.js';

export interface LoneSurrogateMessage {
  message: Message;
  /** The TLibError path encode() must report. */
  path: string;
}

const stringAttrs = ATTRIBUTES.filter((a) => a.kind === 'string').map((a) => a.name);
const listAttrs = ATTRIBUTES.filter((a) => a.kind === 'kvlist').map((a) => a.name);

export function loneSurrogateMessageArb(): fc.Arbitrary<LoneSurrogateMessage> {
  const base = messageArb({ unknownAttributes: false, kv: { maxDepth: 2, maxPairs: 3 } });
  const inAttribute = fc.tuple(base, fc.constantFrom(...stringAttrs), loneSurrogateStringArb()).map(([m, name, s]) => ({ message: { ...m, [name]: s } as Message, path: name }));
  const inList = fc
    .tuple(base, fc.constantFrom(...listAttrs), fc.array(kvKeyArb(), { maxLength: 5 }), fc.nat({ max: 3 }), fc.boolean(), loneSurrogateStringArb())
    .map(([m, name, outer, before, inKey, s]) => {
      const leafPair: [string, string] = inKey ? [s, 'v'] : ['k', s];
      let list: KVList = [...Array.from({ length: before }, (_, i) => [`p${i}`, i] as [string, number]), leafPair];
      let path = `[${before}][${inKey ? 0 : 1}]`;
      for (const key of outer.reverse()) {
        list = [[key, list]];
        path = `[0][1]${path}`;
      }
      return { message: { ...m, [name]: list } as Message, path: `${name}${path}` };
    });
  const inUnknown = fc
    .tuple(base, fc.integer({ min: 300, max: 15999 }).filter((t) => attributeByTag(t) === undefined), loneSurrogateStringArb())
    .map(([m, tag, s]) => ({ message: { ...m, Unknown: [{ tag, kind: 'string' as const, value: s }] } as Message, path: 'Unknown[0].value' }));
  return fc.oneof(inAttribute, inList, inUnknown);
}
