/**
 * Every rule the validator enforces, in one list: those the schema files
 * carry (found by their `x-rule` annotations) and the request-dependent ones.
 */
import { REFERENCE_KEYWORD, RULE_KEYWORD } from './schema-ids.js';
import { EVENT_SCHEMAS, MESSAGE_SCHEMA } from './schemas.js';
import { REQUEST_RULES } from './request-rules.js';
import { citesOf } from './rule-sentences.js';
import type { Rule } from './types.js';
import { expectation } from './violations.js';

/** A value that is not an object with an Event cannot be checked against any schema. */
export const NOT_A_MESSAGE: Rule = {
  id: 'message/object',
  scope: 'message',
  source: 'input',
  expected: 'a JSON object with a string "Event" property',
  reference: 'Event: the message type id itself.',
  cites: [],
};

function collect(node: unknown, scope: string, out: Map<string, Rule>): void {
  if (Array.isArray(node)) {
    for (const child of node) collect(child, scope, out);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Record<string, unknown>;
  const id = schema[RULE_KEYWORD];
  if (typeof id === 'string' && !out.has(id)) {
    out.set(id, { id, scope, source: 'schema', expected: expectation(schema), reference: String(schema[REFERENCE_KEYWORD]), cites: citesOf(id, scope) });
  }
  for (const child of Object.values(schema)) collect(child, scope, out);
}

function allRules(): Rule[] {
  const found = new Map<string, Rule>([[NOT_A_MESSAGE.id, NOT_A_MESSAGE]]);
  for (const [event, schema] of Object.entries(EVENT_SCHEMAS)) collect(schema, event, found);
  collect(MESSAGE_SCHEMA, 'message', found);
  for (const r of REQUEST_RULES) found.set(r.id, { id: r.id, scope: r.event, source: 'request', expected: r.expected, reference: r.reference, cites: citesOf(r.id, r.event) });
  return [...found.values()];
}

export const RULES: readonly Rule[] = allRules();

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
