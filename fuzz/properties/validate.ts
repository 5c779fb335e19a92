/**
 * The schemas' properties: a generated valid special event passes
 * validate(), survives the codec still valid, and loses validity with the
 * right rule id when any one Mandatory attribute is removed.
 */
import assert from 'node:assert/strict';
import { decode } from '../../src/codec/decode.js';
import { encode } from '../../src/codec/encode.js';
import type { Message } from '../../src/codec/types.js';
import { validate, validateAs, type Violation } from '../../src/validate/index.js';
import { specOf, type SpecialEventCase } from '../arbitrary/special-event.js';

function show(v: Violation[]): string {
  return v.map((x) => `${x.rule} at ${x.path || '(message)'}: ${x.message}`).join('\n  ');
}

function without(m: Message, attribute: string): Message {
  const copy = { ...m } as Record<string, unknown>;
  delete copy[attribute];
  return copy as unknown as Message;
}

/** Valid on the wire; still valid after encode/decode; each Mandatory removal fails with its rule id. */
export function wireEvent(c: SpecialEventCase): void {
  const spec = specOf(c.event);
  const v = validate(c.message);
  if (v.length > 0) assert.fail(`a generated ${c.event} fails validation:\n  ${show(v)}`);
  const back = decode(encode(c.message, { allowObsolete: true }));
  const v2 = validate(back);
  if (v2.length > 0) assert.fail(`${c.event} is valid but not after encode/decode:\n  ${show(v2)}`);
  for (const { attribute, rule } of spec.mandatory) {
    const broken = validateAs(c.event, without(c.message, attribute));
    if (!broken.some((x) => x.rule === rule)) assert.fail(`${c.event} without ${attribute}: expected rule ${rule}, got [${broken.map((x) => x.rule).join(', ')}]`);
  }
  if (spec.neverDelivered !== undefined) {
    const delivered = validate({ ...c.message, Server: 'primary' } as Message, { delivered: true });
    if (!delivered.some((x) => x.rule === spec.neverDelivered)) assert.fail(`${c.event} as delivered: expected rule ${spec.neverDelivered}, got [${delivered.map((x) => x.rule).join(', ')}]`);
  }
  for (const { rule, attributes } of spec.atLeastOne) {
    let m = c.message;
    for (const a of attributes) m = without(m, a);
    const broken = validateAs(c.event, m);
    if (!broken.some((x) => x.rule === rule)) assert.fail(`${c.event} without any of ${attributes.join(', ')}: expected rule ${rule}, got [${broken.map((x) => x.rule).join(', ')}]`);
  }
}

/** As delivered to the application (Server set): valid, and each delivered-only Mandatory removal fails with its rule id. */
export function deliveredEvent(c: SpecialEventCase): void {
  const spec = specOf(c.event);
  const v = validate(c.message, { delivered: true });
  if (v.length > 0) assert.fail(`a generated delivered ${c.event} fails validation:\n  ${show(v)}`);
  for (const { attribute, rule } of [...spec.mandatory, ...spec.deliveredMandatory]) {
    const broken = validateAs(c.event, without(c.message, attribute), { delivered: true });
    if (!broken.some((x) => x.rule === rule)) assert.fail(`delivered ${c.event} without ${attribute}: expected rule ${rule}, got [${broken.map((x) => x.rule).join(', ')}]`);
  }
}
