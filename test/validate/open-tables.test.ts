/**
 * The open reading of the tables (strictTables: false): attributes an event's
 * table does not list pass, and attributesOutsideTable names them; the strict
 * reading (the default) still fails them, and neither reading lets a
 * Mandatory attribute go missing.
 */
import { describe, expect, it } from 'vitest';
import { SPECIAL_EVENTS } from '../../src/validate/cardinality.js';
import { attributesOutsideTable, validate } from '../../src/validate/index.js';
import { VALID, without } from './examples.js';

// What real T-Servers add to every event (shared/reference/tlib-numbers.md: EventSequenceNumber 148).
const REAL_SERVER = { EventSequenceNumber: 4899493 };

describe.each(SPECIAL_EVENTS.filter((e) => e !== 'EventUserEvent'))('%s with an attribute outside its table', (event) => {
  const extra = { ...VALID[event], ...REAL_SERVER };

  it('fails the strict reading with <Event>/no-other-attributes', () => {
    expect(validate(extra).map((v) => v.rule)).toContain(`${event}/no-other-attributes`);
    expect(validate(extra, { strictTables: true }).map((v) => v.rule)).toContain(`${event}/no-other-attributes`);
  });

  it('passes the open reading, which names the attribute', () => {
    expect(validate(extra, { strictTables: false })).toEqual([]);
    expect(attributesOutsideTable(extra)).toEqual(['EventSequenceNumber']);
    expect(attributesOutsideTable(VALID[event])).toEqual([]);
  });
});

describe('the open reading keeps every other rule', () => {
  it('still fails a missing Mandatory attribute and a wrong kind', () => {
    const noRef = { ...without(VALID.EventACK, 'ReferenceID'), ThisDN: '2214' };
    expect(validate(noRef, { strictTables: false }).map((v) => v.rule)).toEqual(['EventACK/ReferenceID/mandatory']);
    const badKind = { ...VALID.EventACK, ThisDN: '2214', ReferenceID: -1 };
    expect(validate(badKind, { strictTables: false }).map((v) => v.rule)).toEqual(['EventACK/ReferenceID/type']);
  });

  it('names unknown attribute tags by number, and nothing for a message that is not special', () => {
    const unknown = { ...VALID.EventACK, Unknown: [{ tag: 9999, kind: 'int32' as const, value: 1 }] };
    expect(validate(unknown, { strictTables: false })).toEqual([]);
    expect(attributesOutsideTable(unknown)).toEqual(['tag 9999']);
    expect(attributesOutsideTable({ Event: 'EventRegistered', ThisDN: '1', EventSequenceNumber: 2 })).toEqual([]);
  });
});
