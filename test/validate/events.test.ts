import { describe, expect, it } from 'vitest';
import { CARDINALITY, SPECIAL_EVENTS } from '../../src/validate/cardinality.js';
import { RULES, formatViolation, schemaFor, validate, validateAs } from '../../src/validate/index.js';
import { VALID, malformed, without } from './examples.js';

const ids = (vs: { rule: string }[]) => vs.map((v) => v.rule);

describe.each(SPECIAL_EVENTS)('%s', (event) => {
  const valid = VALID[event];

  it('accepts the valid example on the wire', () => {
    expect(validate(valid)).toEqual([]);
  });

  it('fails with its Event rule when Event is missing', () => {
    expect(ids(validateAs(event, without(valid, 'Event')))).toContain(`${event}/Event/mandatory`);
  });

  it('fails with its Event rule when Event names another message', () => {
    expect(ids(validateAs(event, { ...valid, Event: 'EventError' }))).toContain(`${event}/Event/type`);
  });

  for (const row of CARDINALITY[event].rows.filter((r) => r.type === 'Mandatory' && r.attribute !== 'Server' && r.attribute !== 'Event')) {
    it(`fails with ${event}/${row.attribute}/mandatory without ${row.attribute}`, () => {
      const violations = validate(without(valid, row.attribute));
      expect(ids(violations)).toEqual([`${event}/${row.attribute}/mandatory`]);
      expect(violations[0]!.path).toBe(row.attribute);
      expect(violations[0]!.reference).toContain(row.row);
    });
  }
});

describe('type rules', () => {
  it('reports each wrong value with the attribute path and its expected kind', () => {
    const bad = { ...VALID.EventACK, ReferenceID: -1, UserEvent: 2 ** 31, Extensions: [['k', true], ['n', [['x', { $hex: 'f' }]]]] };
    const violations = validate(bad);
    expect(violations.map((v) => [v.rule, v.path])).toEqual([
      ['EventACK/ReferenceID/type', 'ReferenceID'],
      ['EventACK/UserEvent/type', 'UserEvent'],
      ['EventACK/Extensions/type', 'Extensions[0][1]'],
      ['EventACK/Extensions/type', 'Extensions[1][1][0][1]'],
    ]);
    expect(violations[0]!.expected).toMatch(/unsigned 32-bit/);
  });

  it('checks ConnID as 16 lowercase hex digits and time as a u32 pair', () => {
    const bad = malformed({ ...VALID.EventCallInfoChanged, ConnID: '006A02A5C1F0D001', time: { seconds: 1 } });
    expect(validate(bad).map((v) => [v.rule, v.path])).toEqual([
      ['EventCallInfoChanged/ConnID/type', 'ConnID'],
      ['EventCallInfoChanged/time/type', 'time.microseconds'],
    ]);
  });

  it('restricts ServerRole to the two roles', () => {
    expect(ids(validate({ ...VALID.EventRestoreConnection, ServerRole: 2 }))).toEqual(['EventRestoreConnection/ServerRole/type']);
  });
});

describe('other attributes', () => {
  it('rejects an attribute the table does not list, naming it', () => {
    const violations = validate({ ...VALID.EventCallInfoChanged, ThisDN: '1001' });
    expect(violations.map((v) => [v.rule, v.path])).toEqual([['EventCallInfoChanged/no-other-attributes', 'ThisDN']]);
  });

  it('rejects unknown attributes where the reference lists the contents', () => {
    expect(ids(validate({ ...VALID.EventACK, Unknown: [{ tag: 9000, kind: 'int32', value: 1 }] }))).toEqual(['EventACK/no-other-attributes']);
  });

  it('lets EventUserEvent carry any registry attribute and unknown ones, still typed', () => {
    const extra = malformed({ ...VALID.EventUserEvent, ConnID: '006a02a5c1f0d001', Unknown: [{ tag: 9000, kind: 'string', value: 'x' }] });
    expect(validate(extra)).toEqual([]);
    expect(ids(validate({ ...extra, ConnID: 'nope' }))).toEqual(['EventUserEvent/ConnID/type']);
    expect(ids(validate({ ...extra, NotAnAttribute: 1 }))).toEqual(['EventUserEvent/attribute-names']);
  });

  it('accepts obsolete events with only Event', () => {
    expect(validate({ Event: 'EventResourceFreed' })).toEqual([]);
    expect(ids(validate({ Event: 'EventResourceFreed', ConnID: '006a02a5c1f0d001' }))).toEqual(['EventResourceFreed/no-other-attributes']);
  });
});

describe('at-least-one identity rule of EventAgentReserved', () => {
  const bare = without(VALID.EventAgentReserved, 'AgentID', 'Place', 'ThisDN');
  it('fails with none of AgentID, Place, ThisDN', () => {
    expect(ids(validate(bare))).toEqual(['EventAgentReserved/identity/at-least-one']);
  });
  it.each(['AgentID', 'Place', 'ThisDN'])('passes with %s alone', (name) => {
    expect(validate({ ...bare, [name]: 'x' })).toEqual([]);
  });
});

describe('delivered events and Server', () => {
  it.each(SPECIAL_EVENTS.filter((e) => CARDINALITY[e].rows.some((r) => r.attribute === 'Server')))('%s requires Server when delivered', (event) => {
    expect(ids(validate(VALID[event], { delivered: true }))).toEqual([`${event}/Server/mandatory`]);
    expect(validate({ ...VALID[event], Server: 'primary' }, { delivered: true })).toEqual([]);
  });

  it('does not require Server of EventPrimaryChanged, whose table does not list it', () => {
    expect(validate(VALID.EventPrimaryChanged, { delivered: true })).toEqual([]);
  });

  it('EventRestoreConnection is never delivered', () => {
    expect(validate(VALID.EventRestoreConnection)).toEqual([]);
    expect(ids(validate(VALID.EventRestoreConnection, { delivered: true }))).toEqual(['EventRestoreConnection/not-delivered']);
  });
});

describe('non-special messages', () => {
  it('accepts known messages whose attributes have their registry kinds', () => {
    expect(validate({ Event: 'EventRegistered', ThisDN: '1001', ReferenceID: 2, time: { seconds: 1, microseconds: 0 } })).toEqual([]);
  });
  it('reports a wrong kind, an unknown name, and an Unknown message without MessageType', () => {
    expect(ids(validate({ Event: 'EventRegistered', ThisDN: 5 }))).toEqual(['message/ThisDN/type']);
    expect(ids(validate({ Event: 'EventNoSuchThing' }))).toEqual(['message/Event/known']);
    expect(ids(validate({ Event: 'Unknown' }))).toEqual(['message/MessageType/mandatory']);
    expect(validate({ Event: 'Unknown', MessageType: 250 })).toEqual([]);
  });
  it('reports a value that is not a message object', () => {
    expect(ids(validate(42 as never))).toEqual(['message/object']);
  });
  it('has no schema of its own', () => {
    expect(schemaFor('EventRegistered')).toBeUndefined();
    expect(schemaFor('EventACK')?.title).toBe('EventACK');
  });
});

describe('rule list and formatting', () => {
  it('lists every rule a violation can name, each with a reference sentence', () => {
    const known = new Set(RULES.map((r) => r.id));
    const sample = [...validate({ ...VALID.EventACK, ReferenceID: 'x', Foo: 1 }), ...validate(without(VALID.EventUserEvent, 'ThisDN'))];
    for (const v of sample) expect(known.has(v.rule)).toBe(true);
    for (const r of RULES) expect(r.reference.length).toBeGreaterThan(10);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it('formats a violation on one line with its rule id and quoted sentence', () => {
    const [v] = validate(without(VALID.EventUserEvent, 'ThisDN'));
    const line = formatViolation(v!);
    expect(line).not.toContain('\n');
    expect(line.startsWith('EventUserEvent/ThisDN/mandatory: ')).toBe(true);
    expect(line).toContain('"EventUserEvent: ThisDN Mandatory"');
  });
});
