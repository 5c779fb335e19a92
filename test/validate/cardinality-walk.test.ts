/**
 * Walks the reference's tables (spec/cardinality.json) row by row against
 * the schemas: Mandatory rows required, Optional rows accepted on their
 * own, every other attribute rejected (EventUserEvent excepted).
 */
import { describe, expect, it } from 'vitest';
import type { SpecialEventName } from '../../src/registry.js';
import { CARDINALITY, SPECIAL_EVENTS } from '../../src/validate/cardinality.js';
import { validate } from '../../src/validate/index.js';
import { OBSOLETE_ALLOWED, WIRE_PROPERTIES } from '../../src/validate/schema-builder.js';
import { VALID, samples, without } from './examples.js';

/** The valid example with every Optional row removed (one identity attribute kept where the rule needs one). */
function minimal(event: SpecialEventName) {
  const optional = CARDINALITY[event].rows.filter((r) => r.type === 'Optional').map((r) => r.attribute);
  const base = without(VALID[event], ...optional);
  return event === 'EventAgentReserved' ? { ...base, ThisDN: '1001' } : base;
}

const ids = (vs: { rule: string }[]) => vs.map((v) => v.rule);

describe.each(SPECIAL_EVENTS)('%s table', (event) => {
  const card = CARDINALITY[event];
  const listed = new Set(card.rows.map((r) => r.attribute));

  it('accepts the example with only its Mandatory attributes', () => {
    expect(validate(minimal(event))).toEqual([]);
  });

  for (const row of card.rows) {
    const { good, bad } = samples(row.attribute === 'Event' ? 'Server' : row.attribute);
    if (row.attribute === 'Event') continue;
    if (row.type === 'Mandatory' && row.attribute === 'Server') {
      it('Server Mandatory: required when delivered, absent on the wire', () => {
        expect(validate(minimal(event))).toEqual([]);
        expect(ids(validate(minimal(event), { delivered: true }))).toEqual([`${event}/Server/mandatory`]);
      });
    } else if (row.type === 'Mandatory') {
      it(`${row.attribute} Mandatory: required`, () => {
        expect(ids(validate(without(minimal(event), row.attribute)))).toEqual([`${event}/${row.attribute}/mandatory`]);
      });
    } else {
      it(`${row.attribute} Optional: accepted alone`, () => {
        expect(validate({ ...minimal(event), [row.attribute]: good })).toEqual([]);
      });
    }
    it(`${row.attribute}: a value of the wrong kind fails its type rule`, () => {
      expect(ids(validate({ ...minimal(event), [row.attribute]: bad }))).toContain(`${event}/${row.attribute}/type`);
    });
  }

  const others = WIRE_PROPERTIES.filter((p) => !listed.has(p) && !(card.obsolete && OBSOLETE_ALLOWED.includes(p)));
  if (card.otherAttributes) {
    it.each(others)('other attribute %s: accepted, as the initiator chooses', (p) => {
      expect(validate({ ...minimal(event), [p]: samples(p).good })).toEqual([]);
    });
  } else {
    it.each(others)('unlisted attribute %s: rejected', (p) => {
      const violations = validate({ ...minimal(event), [p]: samples(p).good });
      expect(violations.map((v) => [v.rule, v.path])).toEqual([[`${event}/no-other-attributes`, p]]);
    });
  }
});
