/**
 * What encode() refuses, with the code and the property path it names:
 * INVALID_MESSAGE for values that cannot be written, OBSOLETE, INVALID_UTF8
 * for lone surrogates (UTF-8 cannot carry them), NESTING_TOO_DEEP past 32.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { catchTLib, type CodecApi } from '../codec-api.js';

type Loose = Record<string, unknown>;
const T = { seconds: 1, microseconds: 2 };

/** `depth` key-value lists, each the only value of the one before. */
function nested(depth: number): unknown[] {
  let list: unknown[] = [['leaf', 'x']];
  for (let d = 1; d < depth; d++) list = [['k', list]];
  return list;
}

const CASES: Array<[what: string, message: Loose, code: string, path: string]> = [
  ['a message that is not an object', null as unknown as Loose, 'INVALID_MESSAGE', ''],
  ['an Event the registry does not know', { Event: 'EventNope' }, 'INVALID_MESSAGE', 'Event'],
  ['an Unknown message without MessageType', { Event: 'Unknown' }, 'INVALID_MESSAGE', 'MessageType'],
  ['an Unknown message type above 2^32-1', { Event: 'Unknown', MessageType: 2 ** 32 }, 'INVALID_MESSAGE', 'MessageType'],
  ['a property that is not an attribute', { Event: 'EventError', Colour: 'red' }, 'INVALID_MESSAGE', 'Colour'],
  ['a time half set directly', { Event: 'EventError', TimeinSecs: 5 }, 'INVALID_MESSAGE', 'TimeinSecs'],
  ['a string where an int32 belongs', { Event: 'EventError', ErrorCode: '56' }, 'INVALID_MESSAGE', 'ErrorCode'],
  ['an int32 above 2^31-1', { Event: 'EventError', ErrorCode: 2 ** 31 }, 'INVALID_MESSAGE', 'ErrorCode'],
  ['a negative u32', { Event: 'EventError', ReferenceID: -1 }, 'INVALID_MESSAGE', 'ReferenceID'],
  ['a fractional u32', { Event: 'EventError', ReferenceID: 1.5 }, 'INVALID_MESSAGE', 'ReferenceID'],
  ['microseconds that are not a u32', { Event: 'EventError', time: { seconds: 1, microseconds: -1 } }, 'INVALID_MESSAGE', 'time.microseconds'],
  ['a ConnID in upper case', { Event: 'EventCallInfoChanged', ConnID: '006E02A1C3D4E5F6', time: T }, 'INVALID_MESSAGE', 'ConnID'],
  ['a ConnID of 15 digits', { Event: 'EventCallInfoChanged', ConnID: '06e02a1c3d4e5f6', time: T }, 'INVALID_MESSAGE', 'ConnID'],
  ['an EventSequenceNumber as a number', { Event: 'EventRegistered', EventSequenceNumber: 5 }, 'INVALID_MESSAGE', 'EventSequenceNumber'],
  ['an EventSequenceNumber of 2^64', { Event: 'EventRegistered', EventSequenceNumber: 2n ** 64n }, 'INVALID_MESSAGE', 'EventSequenceNumber'],
  ['binary given as an array', { Event: 'RequestSetInputMask', InputMask: [1, 2] }, 'INVALID_MESSAGE', 'InputMask'],
  ['a key-value list that is an object', { Event: 'EventUserEvent', UserData: { a: 1 } }, 'INVALID_MESSAGE', 'UserData'],
  ['a key-value pair with a number key', { Event: 'EventUserEvent', UserData: [['a', 1], [2, 'b']] }, 'INVALID_MESSAGE', 'UserData[1]'],
  ['a key-value pair of three', { Event: 'EventUserEvent', UserData: [['a', 1, 2]] }, 'INVALID_MESSAGE', 'UserData[0]'],
  ['a key-value float', { Event: 'EventUserEvent', UserData: [['a', 1.5]] }, 'INVALID_MESSAGE', 'UserData[0][1]'],
  ['a key-value boolean deep inside', { Event: 'EventUserEvent', UserData: [['a', [['b', true]]]] }, 'INVALID_MESSAGE', 'UserData[0][1][0][1]'],
  ['an unknown attribute of an undefined kind', { Event: 'EventError', Unknown: [{ tag: 200, kind: 'float', value: 1 }] }, 'INVALID_MESSAGE', 'Unknown[0].kind'],
  ['an unknown attribute with a known tag', { Event: 'EventError', Unknown: [{ tag: 2, kind: 'int32', value: 1 }] }, 'INVALID_MESSAGE', 'Unknown[0].tag'],
  ['an unknown attribute with a time tag', { Event: 'EventError', Unknown: [{ tag: 87, kind: 'int32', value: 1 }] }, 'INVALID_MESSAGE', 'Unknown[0].tag'],
  ['an unknown tag twice', { Event: 'EventError', Unknown: [{ tag: 200, kind: 'string', value: '' }, { tag: 200, kind: 'string', value: '' }] }, 'INVALID_MESSAGE', 'Unknown[1].tag'],
  ['an unknown int64 as a number', { Event: 'EventError', Unknown: [{ tag: 200, kind: 'int64', value: 1 }] }, 'INVALID_MESSAGE', 'Unknown[0].value'],
  ['an obsolete event without allowObsolete', { Event: 'EventResourceFreed', time: T }, 'OBSOLETE', 'Event'],
  ['a lone high surrogate in a string attribute', { Event: 'EventUserEvent', ThisDN: 'ab\ud800' }, 'INVALID_UTF8', 'ThisDN'],
  ['a lone low surrogate in a long string', { Event: 'EventUserEvent', CustomerID: `${'x'.repeat(100)}\udc00` }, 'INVALID_UTF8', 'CustomerID'],
  ['a lone surrogate in a key-value key', { Event: 'EventUserEvent', UserData: [['ok', 'v'], ['\udfff', 'v']] }, 'INVALID_UTF8', 'UserData[1][0]'],
  ['a lone surrogate in a nested value', { Event: 'EventUserEvent', UserData: [['a', [['b', 'c'], ['d', '\ud83d']]]] }, 'INVALID_UTF8', 'UserData[0][1][1][1]'],
  ['a lone surrogate in an unknown string', { Event: 'EventError', Unknown: [{ tag: 200, kind: 'string', value: '\ud800' }] }, 'INVALID_UTF8', 'Unknown[0].value'],
  ['key-value lists nested 33 deep', { Event: 'EventUserEvent', UserData: nested(33) }, 'NESTING_TOO_DEEP', `UserData${'[0][1]'.repeat(32)}`],
  ['an unknown key-value list nested 33 deep', { Event: 'EventError', Unknown: [{ tag: 200, kind: 'kvlist', value: nested(33) }] }, 'NESTING_TOO_DEEP', `Unknown[0].value${'[0][1]'.repeat(32)}`],
];

export function defineEncodeErrorTests(label: string, load: () => Promise<CodecApi>): void {
  describe(`encode() errors name the code and the property path (${label})`, () => {
    let api: CodecApi;
    beforeAll(async () => {
      api = await load();
    });

    for (const [what, message, code, path] of CASES) {
      it(what, () => {
        const e = catchTLib(api, () => api.encode(message as never));
        expect({ code: e.code, path: e.path }).toEqual({ code, path });
        expect(e.message.startsWith(`${path}: `)).toBe(path !== '');
      });
    }

    it('encodes 32 levels of nesting, the most allowed', () => {
      const bytes = api.encode({ Event: 'EventUserEvent', UserData: nested(32) } as never);
      expect(api.toJSON(api.decode(bytes)).UserData).toEqual(nested(32));
    });

    it('ignores Server, which is not on the wire', () => {
      const with_ = api.encode({ Event: 'EventACK', ReferenceID: 1, time: T, Server: 'tserver-a' });
      const without = api.encode({ Event: 'EventACK', ReferenceID: 1, time: T });
      expect(with_).toEqual(without);
      expect(api.decode(with_)).not.toHaveProperty('Server');
    });
  });
}
