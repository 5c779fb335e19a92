/**
 * Messages encode() must refuse, in JSON form (spec/wire-format.md section
 * 14): each is read with fromJSON() and encoded with `options`, and must
 * fail with exactly `error` at `path`. The build runs every one and stops if
 * the codec disagrees, so the file states what the encoder does.
 */
import { toJSON, type ErrorCode, type JsonMessage, type Limits } from '../../src/index.js';
import { costMessage } from './cost.js';

export interface EncodeInvalidSource {
  name: string;
  message: JsonMessage;
  options?: { allowObsolete?: boolean; limits?: Partial<Limits> };
  error: ErrorCode;
  path: string;
}

function bad(error: ErrorCode, name: string, path: string, message: JsonMessage, options?: EncodeInvalidSource['options']): EncodeInvalidSource {
  return { name: `encode/${error.toLowerCase().replace(/_/g, '-')}/${name}`, message, ...(options ? { options } : {}), error, path };
}

const UE = 'EventUserEvent';

export const ENCODE_INVALID_VECTORS: EncodeInvalidSource[] = [
  bad('INVALID_MESSAGE', 'event-not-in-registry', 'Event', { Event: 'EventNoSuchThing' }),
  bad('INVALID_MESSAGE', 'event-is-a-prototype-name', 'Event', { Event: 'constructor' }),
  bad('INVALID_MESSAGE', 'unknown-message-without-type', 'MessageType', { Event: 'Unknown' }),
  bad('INVALID_MESSAGE', 'unknown-message-with-a-registered-id', 'MessageType', { Event: 'Unknown', MessageType: 138 }),
  bad('INVALID_MESSAGE', 'unknown-message-with-an-obsolete-id', 'MessageType', { Event: 'Unknown', MessageType: 99 }),
  bad('INVALID_MESSAGE', 'property-not-an-attribute', 'Colour', { Event: UE, Colour: 'red' }),
  bad('INVALID_MESSAGE', 'property-named-constructor', 'constructor', { Event: UE, constructor: 'x' }),
  bad('INVALID_MESSAGE', 'json-key-__proto__', '__proto__', JSON.parse('{"Event":"RequestRegisterClient","ApplicationName":"app","__proto__":{"ApplicationPassword":"smuggled"}}') as JsonMessage),
  bad('INVALID_MESSAGE', 'time-part-as-property', 'TimeinSecs', { Event: UE, TimeinSecs: 1 }),
  bad('INVALID_MESSAGE', 'null-value', 'ThisDN', { Event: UE, ThisDN: null }),
  bad('INVALID_MESSAGE', 'int32-not-integral', 'ErrorCode', { Event: 'EventError', ErrorCode: 1.5 }),
  bad('INVALID_MESSAGE', 'int32-above-range', 'ErrorCode', { Event: 'EventError', ErrorCode: 2147483648 }),
  bad('INVALID_MESSAGE', 'u32-negative', 'ReferenceID', { Event: 'EventACK', ReferenceID: -1 }),
  bad('INVALID_MESSAGE', 'connid-uppercase', 'ConnID', { Event: 'EventCallInfoChanged', ConnID: '006E02A1C3D4E5F6' }),
  bad('INVALID_MESSAGE', 'u64-negative-decimal', 'EventSequenceNumber', { Event: UE, EventSequenceNumber: '-1' }),
  bad('INVALID_MESSAGE', 'u64-exponent', 'EventSequenceNumber', { Event: UE, EventSequenceNumber: '1e3' }),
  bad('INVALID_MESSAGE', 'u64-above-range', 'EventSequenceNumber', { Event: UE, EventSequenceNumber: '18446744073709551616' }),
  bad('INVALID_MESSAGE', 'u64-as-json-number', 'EventSequenceNumber', { Event: UE, EventSequenceNumber: 5 }),
  bad('INVALID_MESSAGE', 'hex-odd-length', 'InputMask.$hex', { Event: 'RequestSetInputMask', InputMask: { $hex: 'abc' } }),
  bad('INVALID_MESSAGE', 'hex-not-hex', 'UserData[0][1].$hex', { Event: UE, UserData: [['k', { $hex: 'zz' }]] }),
  bad('INVALID_MESSAGE', 'time-microseconds-negative', 'time.microseconds', { Event: UE, time: { seconds: 1, microseconds: -1 } }),
  bad('INVALID_MESSAGE', 'pair-not-a-pair', 'UserData[0]', { Event: UE, UserData: [['k']] }),
  bad('INVALID_MESSAGE', 'pair-null-value', 'UserData[0][1]', { Event: UE, UserData: [['k', null]] }),
  bad('INVALID_MESSAGE', 'pair-integer-not-integral', 'UserData[0][1]', { Event: UE, UserData: [['k', 1.5]] }),
  bad('INVALID_MESSAGE', 'unknown-kind-is-a-prototype-name', 'Unknown[0].kind', { Event: UE, Unknown: [{ tag: 200, kind: 'toString' as 'int32', value: 1 }] }),
  bad('INVALID_MESSAGE', 'unknown-tag-is-registered', 'Unknown[0].tag', { Event: UE, Unknown: [{ tag: 20, kind: 'string', value: 'x' }] }),
  bad('INVALID_MESSAGE', 'unknown-tag-twice', 'Unknown[1].tag', { Event: UE, Unknown: [{ tag: 200, kind: 'int32', value: 1 }, { tag: 200, kind: 'int32', value: 2 }] }),
  bad('INVALID_MESSAGE', 'unknown-tag-above-uint32', 'Unknown[0].tag', { Event: UE, Unknown: [{ tag: 4294967296, kind: 'int32', value: 1 }] }),
  bad('OBSOLETE', 'resource-allocated', 'Event', { Event: 'EventResourceAllocated' }),
  bad('INVALID_UTF8', 'lone-surrogate-in-key', 'UserData[0][0]', { Event: UE, UserData: [['\ud800', 'v']] }),
  bad('NESTING_TOO_DEEP', 'depth-above-maxDepth', 'UserData[0][1][0][1]', { Event: UE, UserData: [['a', [['b', [['c', 1]]]]]] }, { limits: { maxDepth: 2 } }),
  bad('LIMIT_EXCEEDED', 'string-above-maxStringBytes', 'ThisDN', { Event: UE, ThisDN: 'abcde' }, { limits: { maxStringBytes: 4 } }),
  bad('LIMIT_EXCEEDED', 'utf8-bytes-above-maxStringBytes', 'UserData[0][1]', { Event: UE, UserData: [['k', '€€']] }, { limits: { maxStringBytes: 5 } }),
  bad('LIMIT_EXCEEDED', 'pairs-above-maxPairs', 'UserData[1][1]', { Event: UE, UserData: [['a', 1], ['l', [['b', 2], ['c', 3]]]] }, { limits: { maxPairs: 3 } }),
  bad('LIMIT_EXCEEDED', 'attributes-above-maxAttributes', '', { Event: UE, ThisDN: 'a', time: { seconds: 1, microseconds: 2 } }, { limits: { maxAttributes: 2 } }),
  bad('LIMIT_EXCEEDED', 'decode-cost', '', { Event: UE, UserData: Array.from({ length: 2000 }, (): [string, { $hex: string }] => ['', { $hex: '' }]) }),
  bad('FRAME_TOO_LARGE', 'body-above-maxFrameBytes', '', { Event: UE, ThisDN: 'x'.repeat(100) }, { limits: { maxFrameBytes: 100 } }),
  bad('LIMIT_EXCEEDED', 'cost-8-above-the-budget', '', toJSON(costMessage(8))),
  bad('LIMIT_EXCEEDED', 'key-above-maxStringBytes', 'UserData[0][0]', { Event: UE, UserData: [['abcde', 'x']] }, { limits: { maxStringBytes: 4 } }),
  bad('LIMIT_EXCEEDED', 'maxPairs-summed-over-attributes', 'Reasons', { Event: UE, UserData: [['a', 1], ['b', 2]], Reasons: [['c', 3]] }, { limits: { maxPairs: 2 } }),
  bad('LIMIT_EXCEEDED', 'maxAttributes-counts-time-as-two', '', { Event: UE, ThisDN: 'a', time: { seconds: 1, microseconds: 2 } }, { limits: { maxAttributes: 2 } }),
  bad('LIMIT_EXCEEDED', 'maxAttributes-counts-unknown-entries', '', { Event: UE, ThisDN: 'a', Unknown: [{ tag: 200, kind: 'int32', value: 1 }] }, { limits: { maxAttributes: 1 } }),
  // A lone surrogate counts 3 UTF-8 bytes against maxStringBytes (and the limit is checked before it is found).
  bad('LIMIT_EXCEEDED', 'lone-surrogate-counts-3-bytes', 'ThisDN', { Event: UE, ThisDN: '\ud800' }, { limits: { maxStringBytes: 2 } }),
  bad('INVALID_UTF8', 'lone-surrogate-within-maxStringBytes', 'ThisDN', { Event: UE, ThisDN: '\ud800' }, { limits: { maxStringBytes: 3 } }),
  bad('LIMIT_EXCEEDED', 'surrogate-pair-counts-4-bytes', 'ThisDN', { Event: UE, ThisDN: '\ud83d\ude00' }, { limits: { maxStringBytes: 3 } }),
  // Several faults: each vector fixes which one is reported (spec/wire-format.md 10.1, "Encoding order").
  bad('INVALID_MESSAGE', 'order/event-before-every-property', 'Event', { ThisDN: 5, Event: 'EventNoSuchThing' } as unknown as JsonMessage),
  bad('OBSOLETE', 'order/obsolete-before-every-property', 'Event', { ThisDN: 5, Event: 'EventResourceFreed' } as unknown as JsonMessage),
  bad('INVALID_MESSAGE', 'order/properties-in-message-order-not-tag-order', 'UserData', { Event: UE, UserData: 'x', ThisDN: 5 }),
  bad('INVALID_MESSAGE', 'order/integer-like-names-first', '7', { Event: UE, Colour: 1, 7: 1 } as unknown as JsonMessage),
  bad('INVALID_MESSAGE', 'order/time-after-every-property', 'ThisDN', { Event: UE, time: { seconds: -1, microseconds: 0 }, ThisDN: 5 }),
  bad('INVALID_MESSAGE', 'order/time-seconds-before-microseconds', 'time.seconds', { Event: UE, time: { microseconds: -1, seconds: -1 } }),
  bad('INVALID_MESSAGE', 'order/unknown-after-time', 'time.seconds', { Event: UE, Unknown: [{ tag: 200, kind: 'int32', value: 1.5 }], time: { seconds: -1, microseconds: 0 } }),
  bad('INVALID_MESSAGE', 'order/unknown-entries-before-maxAttributes', 'Unknown[1].value', { Event: UE, ThisDN: 'a', AgentID: 'b', Unknown: [{ tag: 200, kind: 'int32', value: 1 }, { tag: 201, kind: 'int32', value: 1.5 }] }, { limits: { maxAttributes: 1 } }),
  bad('LIMIT_EXCEEDED', 'order/maxAttributes-before-lone-surrogate', '', { Event: UE, ThisDN: '\ud800', AgentID: 'b' }, { limits: { maxAttributes: 1 } }),
  bad('INVALID_MESSAGE', 'order/every-value-error-before-lone-surrogate', 'ErrorCode', { Event: UE, ThisDN: '\ud800', ErrorCode: 'x' }),
  bad('INVALID_UTF8', 'order/lone-surrogates-in-tag-order', 'ThisDN', { Event: UE, UserData: [['k', '\ud800']], ThisDN: '\udc00' }),
  bad('INVALID_UTF8', 'order/lone-surrogate-in-key-before-value', 'UserData[0][0]', { Event: UE, UserData: [['\ud800', '\udc00']] }),
  bad('INVALID_UTF8', 'order/lone-surrogate-before-frame-size', 'ThisDN', { Event: UE, ThisDN: `\ud800${'x'.repeat(100)}` }, { limits: { maxFrameBytes: 50 } }),
  bad('FRAME_TOO_LARGE', 'order/frame-size-before-cost', '', { Event: UE, UserData: Array.from({ length: 2000 }, (): [string, { $hex: string }] => ['', { $hex: '' }]) }, { limits: { maxFrameBytes: 100 } }),
  bad('LIMIT_EXCEEDED', 'order/list-count-before-its-pairs', 'UserData', { Event: UE, UserData: [['a', 1.5], ['b', 1]] }, { limits: { maxPairs: 1 } }),
  bad('INVALID_MESSAGE', 'order/pairs-depth-first', 'UserData[0][1][0][1]', { Event: UE, UserData: [['l', [['k', 1.5]]], ['m', 2.5]] }),
  bad('NESTING_TOO_DEEP', 'order/depth-before-the-nested-pairs', 'UserData[0][1]', { Event: UE, UserData: [['l', [['k', 1.5]]]] }, { limits: { maxDepth: 1 } }),
  bad('LIMIT_EXCEEDED', 'order/key-length-before-value', 'UserData[0][0]', { Event: UE, UserData: [['abcde', 1.5]] }, { limits: { maxStringBytes: 4 } }),
  bad('INVALID_MESSAGE', 'order/unknown-tag-before-kind', 'Unknown[0].tag', { Event: UE, Unknown: [{ tag: 20, kind: 'int32', value: 1.5 }] }),
  // The JSON form is read whole before encoding: its own refusals come first.
  bad('INVALID_MESSAGE', 'order/json-form-before-values', 'InputMask.$hex', { Event: 'RequestSetInputMask', ReferenceID: -1, InputMask: { $hex: 'zz' } }),
  bad('INVALID_MESSAGE', 'order/json-unknown-kind-before-tag', 'Unknown[0].kind', { Event: UE, Unknown: [{ tag: -1, kind: 'bogus' as 'int32', value: 1 }] }),
  // Readings a second implementation had to guess, each now a sentence of spec/wire-format.md (10.1, 14).
  // fromJSON reads the members in message order, Unknown at its own place among them (not after them as encode's step 5).
  bad('INVALID_MESSAGE', 'order/json-unknown-read-at-its-place-first', 'Unknown[0].kind', { Event: UE, Unknown: [{ tag: 200, kind: 'bogus' as 'int32', value: 1 }], UserData: [['k', { $hex: 'zz' }]] }),
  bad('INVALID_MESSAGE', 'order/json-unknown-read-at-its-place-last', 'UserData[0][1].$hex', { Event: UE, UserData: [['k', { $hex: 'zz' }]], Unknown: [{ tag: 200, kind: 'bogus' as 'int32', value: 1 }] }),
  // fromJSON's refusals come before step 2: an unknown or obsolete Event is encode's to report, after them.
  bad('INVALID_MESSAGE', 'order/json-form-before-event', 'InputMask.$hex', { Event: 'EventNoSuchThing', InputMask: { $hex: 'zz' } } as unknown as JsonMessage),
  bad('INVALID_MESSAGE', 'order/json-form-before-obsolete', 'InputMask.$hex', { Event: 'EventResourceFreed', InputMask: { $hex: 'zz' } } as unknown as JsonMessage),
  // A pair shape fromJSON refuses comes before maxPairs (fromJSON runs first); one only encode refuses comes after it.
  bad('INVALID_MESSAGE', 'order/json-pair-shape-before-maxPairs', 'UserData[1][1]', { Event: UE, UserData: [['a', 1], ['b', null]] } as unknown as JsonMessage, { limits: { maxPairs: 1 } }),
  bad('LIMIT_EXCEEDED', 'order/maxPairs-before-a-later-pair-encode-refuses', 'UserData', { Event: UE, UserData: [['a', 1], ['b', 1.5]] }, { limits: { maxPairs: 1 } }),
  // {"$hex": <not a string>} is not a {"$hex"} object: refused at the value's path, never at .$hex.
  bad('INVALID_MESSAGE', 'pair-hex-not-a-string', 'UserData[0][1]', { Event: UE, UserData: [['k', { $hex: 5 }]] } as unknown as JsonMessage),
  bad('INVALID_MESSAGE', 'unknown-binary-hex-not-a-string', 'Unknown[0].value', { Event: UE, Unknown: [{ tag: 200, kind: 'binary', value: { $hex: 5 } }] } as unknown as JsonMessage),
  // A binary above maxStringBytes: LIMIT_EXCEEDED at the value's path, never at .$hex.
  bad('LIMIT_EXCEEDED', 'binary-above-maxStringBytes', 'InputMask', { Event: 'RequestSetInputMask', InputMask: { $hex: '000000' } }, { limits: { maxStringBytes: 2 } }),
  bad('LIMIT_EXCEEDED', 'pair-binary-above-maxStringBytes', 'UserData[0][1]', { Event: UE, UserData: [['k', { $hex: '000000' }]] }, { limits: { maxStringBytes: 2 } }),
  bad('LIMIT_EXCEEDED', 'unknown-binary-above-maxStringBytes', 'Unknown[0].value', { Event: UE, Unknown: [{ tag: 200, kind: 'binary', value: { $hex: '000000' } }] }, { limits: { maxStringBytes: 2 } }),
  // The encoder counts the decode cost under the caller's maxCostPerByte: 300 empty binaries in a list fit the default budget, not this one.
  bad('LIMIT_EXCEEDED', 'cost-under-the-callers-maxCostPerByte', '', { Event: UE, UserData: Array.from({ length: 300 }, (): [string, { $hex: string }] => ['', { $hex: '' }]) }, { limits: { maxCostPerByte: 1 } }),
  // A list is never an object, even where the platform calls it one.
  bad('INVALID_MESSAGE', 'time-is-a-list', 'time', { Event: UE, time: [] } as unknown as JsonMessage),
  bad('INVALID_MESSAGE', 'unknown-entry-is-a-list', 'Unknown[0]', { Event: UE, Unknown: [['k', 'v']] } as unknown as JsonMessage),
  bad('INVALID_MESSAGE', 'message-is-a-list', '', [{ Event: UE }] as unknown as JsonMessage),
  // An absent member of time is not an integer.
  bad('INVALID_MESSAGE', 'time-without-seconds', 'time.seconds', { Event: UE, time: { microseconds: 1 } } as unknown as JsonMessage),
  bad('INVALID_MESSAGE', 'time-without-microseconds', 'time.microseconds', { Event: UE, time: { seconds: 1 } } as unknown as JsonMessage),
  // JSON true/false and strings of digits are not numbers, so not integers.
  bad('INVALID_MESSAGE', 'int32-boolean', 'ErrorCode', { Event: 'EventError', ErrorCode: true } as unknown as JsonMessage),
  bad('INVALID_MESSAGE', 'int32-decimal-string', 'ErrorCode', { Event: 'EventError', ErrorCode: '1' } as unknown as JsonMessage),
  bad('INVALID_MESSAGE', 'messagetype-boolean', 'MessageType', { Event: 'Unknown', MessageType: true } as unknown as JsonMessage),
  // What is ignored: MessageType on a known Event, Obsolete, Server, extra keys in time or an Unknown entry.
  bad('LIMIT_EXCEEDED', 'ignored/messagetype-obsolete-server-and-extra-keys', '', { Event: UE, MessageType: 'junk', Obsolete: 'junk', Server: 5, time: { seconds: 1, microseconds: 2, nanoseconds: 'junk' }, Unknown: [{ tag: 200, kind: 'int32', value: 1, note: 'junk' }] } as unknown as JsonMessage, { limits: { maxAttributes: 2 } }),
  // An object that is not {"$hex": string} where a binary is expected.
  bad('INVALID_MESSAGE', 'binary-empty-object', 'InputMask', { Event: 'RequestSetInputMask', InputMask: {} }),
  bad('INVALID_MESSAGE', 'binary-hex-not-a-string', 'InputMask', { Event: 'RequestSetInputMask', InputMask: { $hex: 5 } }),
  bad('INVALID_MESSAGE', 'pair-binary-empty-object', 'UserData[0][1]', { Event: UE, UserData: [['k', {}]] } as unknown as JsonMessage),
  bad('INVALID_MESSAGE', 'unknown-binary-empty-object', 'Unknown[0].value', { Event: UE, Unknown: [{ tag: 200, kind: 'binary', value: {} }] } as unknown as JsonMessage),
];
