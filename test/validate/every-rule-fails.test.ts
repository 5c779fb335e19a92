/**
 * Every schema and input rule the validator lists can be made to fail: for each id,
 * an input built to break exactly that rule yields a violation naming it.
 * (Request rules have both sides in request-rules.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { JsonMessage } from '../../src/codec/json.js';
import { messageByName, type SpecialEventName } from '../../src/registry.js';
import { RULES, validate, validateAs, type ValidationContext, type Violation } from '../../src/validate/index.js';
import { VALID, malformed, samples, without } from './examples.js';

const NOT_A_NAME = { NotAnAttribute: 1 };
const BAD_UNKNOWN = [{ tag: 9000, kind: 'int32', value: 'x' }];

function badValue(attribute: string): unknown {
  if (attribute === 'Unknown') return BAD_UNKNOWN;
  if (attribute === 'Obsolete') return false;
  if (attribute === 'MessageType') return -1;
  return samples(attribute).bad;
}

/** Runs the input that breaks `id` and returns what the validator says. */
function breakRule(id: string): Violation[] {
  const [scope, what, check] = id.split('/') as [string, string, string | undefined];
  const special = messageByName(scope)?.special === true;
  const base: JsonMessage = special ? VALID[scope as SpecialEventName] : { Event: 'EventRegistered' };
  const run = (m: object, context: ValidationContext = {}) =>
    special ? validateAs(scope as SpecialEventName, malformed(m), context) : validate(malformed(m), context);
  if (what === 'no-other-attributes' || what === 'attribute-names') return run({ ...base, ...NOT_A_NAME });
  if (what === 'not-delivered') return run(base, { delivered: true });
  if (what === 'identity') return run(without(base, 'AgentID', 'Place', 'ThisDN'));
  if (what === 'object') return validate(malformed([]));
  if (check === 'known') return run({ ...base, Event: 'EventNoSuchThing' });
  if (check === 'type') return run({ ...base, [what]: what === 'Event' ? 'EventError' : badValue(what) });
  if (check === 'mandatory' && what === 'Server') return run(without(base, 'Server'), { delivered: true });
  if (check === 'mandatory' && what === 'MessageType') return run({ Event: 'Unknown' });
  if (check === 'mandatory') return run(without(base, what));
  throw new Error(`no breaking input for ${id}`);
}

describe('every schema rule can fail', () => {
  it.each(RULES.filter((r) => r.source !== 'request').map((r) => r.id))('%s', (id) => {
    expect(breakRule(id).map((v) => v.rule)).toContain(id);
  });
});
