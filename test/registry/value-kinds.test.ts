/**
 * The registry's VALUE_KINDS against the files and code that read it: each
 * kind's schema def in spec/defs/tlib.schema.json accepts exactly its range
 * in the JSON form, and the codec carries every edge a generator favours.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { decode, encode, fromJSON, toJSON, type Message } from '../../src/index.js';
import { UNKNOWN_VALUE_KIND, VALUE_KINDS, ATTRIBUTES, type AttributeKind, type ValueKindDef } from '../../src/registry.js';

const defs = JSON.parse(readFileSync(new URL('../../spec/defs/tlib.schema.json', import.meta.url), 'utf8')) as { $id: string; $defs: Record<string, unknown> };
const ajv = new Ajv2020({ strict: false });
ajv.addSchema(defs);
const kinds = Object.entries(VALUE_KINDS) as [AttributeKind, ValueKindDef][];

/** A number of an integer kind as the JSON form shows it. */
function shown(def: ValueKindDef, v: number | bigint): unknown {
  if (def.hexDigits !== undefined) return v.toString(16).padStart(def.hexDigits, '0');
  return def.json === 'decimal-string' ? v.toString() : v;
}

describe('VALUE_KINDS', () => {
  it.each(kinds)('%s names a def of spec/defs/tlib.schema.json', (_kind, def) => {
    expect(Object.keys(defs.$defs)).toContain(def.def);
  });

  it.each(kinds.filter(([, d]) => d.range))('%s: its def accepts the range and its edges, and refuses one past either end', (_kind, def) => {
    const check = ajv.compile({ $ref: `${defs.$id}#/$defs/${def.def}` });
    const [min, max] = def.range!;
    const one = typeof min === 'bigint' ? 1n : 1;
    for (const v of [min, max, ...def.edges!]) expect(check(shown(def, v)), `${String(v)}`).toBe(true);
    const below = (min as number) - (one as number);
    const above = (max as number) + (one as number);
    if (def.hexDigits === undefined) expect(check(shown(def, below))).toBe(false);
    expect(check(shown(def, above))).toBe(false);
    for (const v of def.edges!) expect(v >= min && v <= max, `edge ${String(v)} outside the range`).toBe(true);
  });

  it.each(kinds.filter(([, d]) => d.range))('%s: every edge crosses the codec and the JSON form unchanged', (kind, def) => {
    const attr = ATTRIBUTES.find((a) => a.kind === kind && a.tag !== 86 && a.tag !== 87)!;
    for (const edge of def.edges!) {
      const value = def.hexDigits === undefined ? edge : shown(def, edge);
      const message = { Event: 'EventUserEvent', [attr.name]: value } as unknown as Message;
      const back = decode(encode(message)) as unknown as Record<string, unknown>;
      expect(back[attr.name]).toEqual(value);
      const json = toJSON(message);
      expect(json[attr.name]).toEqual(shown(def, edge));
      expect((fromJSON(json) as unknown as Record<string, unknown>)[attr.name]).toEqual(value);
    }
  });

  it('every wire kind has the kind its unknown entries are read as, of that wire kind', () => {
    const wires = new Set(kinds.map(([, d]) => d.wireName));
    expect(new Set(Object.keys(UNKNOWN_VALUE_KIND))).toEqual(wires);
    for (const [wire, kind] of Object.entries(UNKNOWN_VALUE_KIND)) expect(VALUE_KINDS[kind].wireName).toBe(wire);
  });
});
