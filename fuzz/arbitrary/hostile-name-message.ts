/**
 * A message that puts a prototype-member name where encode() or fromJSON()
 * looks a name up: as an unknown attribute's kind, as an own property of the
 * message, or as a key of JSON text (where "__proto__" would become the
 * prototype if it were assigned). `path` is where the refusal must point.
 */
import fc from 'fast-check';
import { MESSAGES } from '../../src/registry.js';
import type { Message } from '../../src/codec/types.js';
import { prototypeNameArb } from './prototype-name.js';

export type HostileNameMessage =
  | { form: 'unknown-kind'; message: Message; path: string }
  | { form: 'own-property'; message: Message; path: string }
  | { form: 'json-key'; text: string; path: string };

const live = MESSAGES.filter((m) => !('obsolete' in m)).map((m) => m.name);
/** What a smuggled prototype would carry: attributes the message does not have itself. */
const SMUGGLED = { ApplicationPassword: 'smuggled', ThisDN: '9999', ErrorCode: 1 };
/** One-byte tags the registry does not know. */
const FREE_TAGS = [3, 4, 5, 6, 7, 8, 11, 12];

export function hostileNameMessageArb(): fc.Arbitrary<HostileNameMessage> {
  const event = fc.constantFrom(...live);
  const name = prototypeNameArb();
  const unknownKind = fc.tuple(event, name, fc.integer({ min: 0, max: FREE_TAGS.length - 1 })).map(([Event, kind, at]): HostileNameMessage => {
    const Unknown = Array.from({ length: at + 1 }, (_, i) => ({ tag: FREE_TAGS[i]!, kind: i === at ? kind : 'int32', value: i }));
    return { form: 'unknown-kind', message: { Event, Unknown } as unknown as Message, path: `Unknown[${at}].kind` };
  });
  const ownProperty = fc.tuple(event, name).map(([Event, key]): HostileNameMessage => {
    const message: Record<string, unknown> = { Event, ThisDN: '7001' };
    Object.defineProperty(message, key, { value: SMUGGLED, enumerable: true, writable: true, configurable: true });
    return { form: 'own-property', message: message as unknown as Message, path: key };
  });
  const jsonKey = fc.tuple(event, name, fc.boolean()).map(([Event, key, first]): HostileNameMessage => {
    const pair = `${JSON.stringify(key)}:${JSON.stringify(SMUGGLED)}`;
    const rest = `"Event":${JSON.stringify(Event)},"ApplicationName":"app"`;
    return { form: 'json-key', text: `{${first ? `${pair},${rest}` : `${rest},${pair}`}}`, path: key };
  });
  return fc.oneof(unknownKind, ownProperty, jsonKey);
}
