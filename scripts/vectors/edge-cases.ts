/**
 * Valid messages at the edges of the format: value ranges, key-value list
 * shapes, strings that exercise every UTF-8 length and both varint-size
 * guesses of the encoder, 64-bit values past 2^53, and what the registry
 * does not know (unknown attributes of every kind, unknown message types).
 */
import type { KVList, Message } from '../../src/index.js';
import type { ValidSource } from './messages.js';

const T = { seconds: 1_700_000_000, microseconds: 250_000 };

/** A list holding one list holding one list... `depth` lists in all, innermost holding ['leaf', 'x']. */
export function nestedList(depth: number): KVList {
  let list: KVList = [['leaf', 'x']];
  for (let d = 1; d < depth; d++) list = [['k', list]];
  return list;
}

function event(name: string, message: Omit<Message, 'Event'> & { Event?: never }): ValidSource {
  return { name, message: { Event: 'EventUserEvent', ThisDN: '7001', time: T, ...message } as Message };
}

export const EDGE_VECTORS: ValidSource[] = [
  event('kvlist/empty', { UserData: [] }),
  event('kvlist/all-value-kinds', { UserData: [['s', 'text'], ['i', -7], ['b', new Uint8Array([0, 1, 254, 255])], ['l', [['inner', 'v']]]] }),
  event('kvlist/empty-key-and-values', { UserData: [['', ''], ['empty-binary', new Uint8Array(0)], ['empty-list', []]] }),
  event('kvlist/nested-three-levels', { UserData: [['a', [['b', [['c', 1], ['c', 'two']]], ['b2', 'x']]], ['after', 0]] }),
  event('kvlist/nested-32-levels-maximum', { UserData: nestedList(32) }),
  event('kvlist/repeated-keys', { UserData: [['key', 'first'], ['key', 'second'], ['key', 3], ['key', [['key', 'nested']]]] }),
  event('kvlist/int32-extremes', { UserData: [['min', -2147483648], ['max', 2147483647], ['minus-one', -1], ['zero', 0]] }),
  event('kvlist/200-pairs-two-byte-count', { UserData: Array.from({ length: 200 }, (_, i): [string, number] => [`k${i}`, i]) }),
  event('string/non-ascii-two-and-three-byte', { CustomerID: 'Zoë Ångström, Москва, 東京', UserData: [['città', 'Genève €']] }),
  event('string/non-bmp-four-byte', { CustomerID: '😀 𝄞 𠜎', UserData: [['emoji-😀', '🎧 headset']] }),
  event('string/empty', { CustomerID: '' }),
  // 70 UTF-16 units but 210 UTF-8 bytes: the length varint needs 2 bytes although the unit count fits in 1.
  event('string/70-euro-signs-two-byte-length', { CustomerID: '€'.repeat(70) }),
  event('string/300-ascii-two-byte-length', { CustomerID: 'x'.repeat(300) }),
  event('string/long-non-bmp', { CustomerID: '👩‍💻'.repeat(30) }),
  {
    name: 'int32/extremes',
    message: { Event: 'EventHardwareError', ReferenceID: 4294967295, ErrorCode: -2147483648, Timeout: 2147483647, time: { seconds: 4294967295, microseconds: 999_999 } },
  },
  { name: 'int32/zero', message: { Event: 'EventError', ReferenceID: 0, ErrorCode: 0, time: { seconds: 0, microseconds: 0 } } },
  {
    name: 'int64/above-2^53',
    message: { Event: 'EventRegistered', ConnID: 'ffffffffffffffff', PreviousConnID: '0020000000000001', time: T, EventSequenceNumber: 18446744073709551615n },
  },
  { name: 'int64/2^53+1', message: { Event: 'EventRegistered', ConnID: '0000000000000000', time: T, EventSequenceNumber: 9007199254740993n } },
  { name: 'binary/empty', message: { Event: 'RequestSetInputMask', ReferenceID: 4, InputMask: new Uint8Array(0) } },
  {
    name: 'project-assigned/all-four',
    message: { Event: 'RequestRegisterAddress', ReferenceID: 2, ThisDN: '7001', SubscriptionID: 's', SubscriptionOperation: 3, RegisterMode: 2, AddressType: 99 },
  },
  event('unknown-attribute/every-kind', {
    Unknown: [
      { tag: 149, kind: 'int32', value: -1 },
      { tag: 200, kind: 'int64', value: 18446744073709551615n },
      { tag: 15999, kind: 'string', value: 'opaque é' },
      { tag: 16384, kind: 'binary', value: new Uint8Array([0xde, 0xad, 0xbe, 0xef]) },
      { tag: 4294967295, kind: 'kvlist', value: [['k', [['n', 1]]], ['b', new Uint8Array([7])]] },
    ],
  }),
  // Tag 3 lies inside the public range but the registry does not know it: it sorts among the known tags.
  event('unknown-attribute/between-known-tags', { ReferenceID: 1, Unknown: [{ tag: 3, kind: 'string', value: 'x' }, { tag: 150, kind: 'int32', value: 5 }] }),
  { name: 'unknown-message/gap-id-1', message: { Event: 'Unknown', MessageType: 1, ReferenceID: 5 } },
  { name: 'unknown-message/EventResourceInfo-182', message: { Event: 'Unknown', MessageType: 182, ThisDN: '7001', time: T } },
  {
    name: 'unknown-message/max-id-with-unknown-attribute',
    message: { Event: 'Unknown', MessageType: 4294967295, Unknown: [{ tag: 9999, kind: 'int64', value: 1n }] },
  },
];
