/**
 * fromJSON() promises TLibError INVALID_MESSAGE, with a path, on malformed
 * JSON: never a SyntaxError or TypeError from inside.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { catchTLib, type CodecApi } from '../codec-api.js';

const CASES: Array<[what: string, json: unknown, path: string]> = [
  ['not an object', 'EventACK', ''],
  ['no Event', { ReferenceID: 1 }, ''],
  ['a u64 that is not a decimal string', { Event: 'EventRegistered', EventSequenceNumber: '0x10' }, 'EventSequenceNumber'],
  ['a key-value list that is a number', { Event: 'EventUserEvent', UserData: 5 }, 'UserData'],
  ['a key-value value that is an object', { Event: 'EventUserEvent', UserData: [['k', { a: 1 }]] }, 'UserData[0][1]'],
  ['binary hex of odd length', { Event: 'EventUserEvent', UserData: [['k', { $hex: 'abc' }]] }, 'UserData[0][1].$hex'],
  ['Unknown that is not an array', { Event: 'EventError', Unknown: {} }, 'Unknown'],
  ['an Unknown entry that is null', { Event: 'EventError', Unknown: [null] }, 'Unknown[0]'],
  ['an unknown int64 that is not a decimal string', { Event: 'EventError', Unknown: [{ tag: 200, kind: 'int64', value: 'abc' }] }, 'Unknown[0].value'],
  ['an unknown binary without $hex', { Event: 'EventError', Unknown: [{ tag: 200, kind: 'binary', value: '00' }] }, 'Unknown[0].value'],
];

export function defineJsonErrorTests(label: string, load: () => Promise<CodecApi>): void {
  describe(`fromJSON() errors (${label})`, () => {
    let api: CodecApi;
    beforeAll(async () => {
      api = await load();
    });

    for (const [what, json, path] of CASES) {
      it(what, () => {
        const e = catchTLib(api, () => api.fromJSON(json as never));
        expect({ code: e.code, path: e.path }).toEqual({ code: 'INVALID_MESSAGE', path });
      });
    }
  });
}
