/** Messages that went through the real codec validate as their JSON form does. */
import { describe, expect, it } from 'vitest';
import { decode, encode, fromJSON, toJSON } from '../../src/index.js';
import { SPECIAL_EVENTS } from '../../src/validate/cardinality.js';
import { validate } from '../../src/validate/index.js';
import { VALID, without } from './examples.js';

describe.each(SPECIAL_EVENTS)('%s through the codec', (event) => {
  it('decodes to a valid message, in memory form and in JSON form', () => {
    const decoded = decode(encode(fromJSON(VALID[event]), { allowObsolete: true }));
    expect(validate(decoded)).toEqual([]);
    expect(validate(toJSON(decoded))).toEqual([]);
  });
});

describe('decoded messages', () => {
  it('fail the rule the wire broke', () => {
    const decoded = decode(encode(fromJSON(without(VALID.EventUserEvent, 'ThisDN'))));
    expect(validate(decoded).map((v) => v.rule)).toEqual(['EventUserEvent/ThisDN/mandatory']);
  });

  it('keep binary and 64-bit values checkable', () => {
    const message = { Event: 'EventUserEvent', ThisDN: '1', time: { seconds: 1, microseconds: 2 }, InputMask: new Uint8Array([1, 2]), EventSequenceNumber: 2n ** 63n } as const;
    expect(validate(decode(encode(message)))).toEqual([]);
  });
});
