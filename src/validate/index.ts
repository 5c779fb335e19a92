/**
 * tlib-kit/validate: checks messages against the reference's attribute
 * cardinality (spec/events/*.schema.json) and its request-dependent rules.
 * Kept out of the codec entry so that stays free of dependencies (ajv).
 */
import type { JsonMessage } from '../codec/json.js';
import type { Message } from '../codec/types.js';
import { messageByName, type SpecialEventName } from '../registry.js';
import { eventValidator, messageValidator } from './validators.js';
import { toJsonForm } from './json-form.js';
import { REQUEST_RULES } from './request-rules.js';
import { NOT_A_MESSAGE } from './rules.js';
import type { Schema } from './schema-ids.js';
import { EVENT_SCHEMAS, MESSAGE_SCHEMA } from './schemas.js';
import type { ValidationContext, Violation } from './types.js';
import { violationsFrom, show } from './violations.js';

export { formatViolation } from './format.js';
export { RULES, ruleById } from './rules.js';
export { DEFS_SCHEMA, MESSAGE_SCHEMA, EVENT_SCHEMAS } from './schemas.js';
export type { Rule, ValidationContext, Violation } from './types.js';

/** Thrown when the context itself is malformed: a caller's mistake, not a message's. */
export class ValidationContextError extends Error {
  override readonly name = 'ValidationContextError';
  readonly code = 'INVALID_CONTEXT';
}

function isSpecial(name: unknown): name is SpecialEventName {
  return typeof name === 'string' && messageByName(name)?.special === true;
}

/** The schema of a special event, or undefined for any other name. */
export function schemaFor(eventName: string): Schema | undefined {
  return isSpecial(eventName) ? EVENT_SCHEMAS[eventName] : undefined;
}

function notAnObject(data: unknown): Violation {
  const { id, expected, reference } = NOT_A_MESSAGE;
  const actual = show(data);
  return { rule: id, path: '', expected, actual, reference, message: `The message is not ${expected}: got ${actual}.` };
}

function requestViolations(as: string, event: JsonMessage, request: JsonMessage): Violation[] {
  const out: Violation[] = [];
  for (const rule of REQUEST_RULES) {
    if (rule.event !== as) continue;
    const found = rule.check(event, request);
    if (found) {
      out.push({
        rule: rule.id,
        path: found.path,
        expected: rule.expected,
        actual: found.actual,
        reference: rule.reference,
        message: `${as}${found.path ? ` ${found.path}` : ''}: expected ${rule.expected}, got ${found.actual}.`,
      });
    }
  }
  return out;
}

function normalizeRequest(request: unknown): JsonMessage {
  const json = toJsonForm(request) as JsonMessage;
  if (typeof json !== 'object' || json === null || typeof json.Event !== 'string') {
    throw new ValidationContextError('context.request must be a message: an object with a string "Event" property');
  }
  return json;
}

function check(message: unknown, as: SpecialEventName | undefined, context: ValidationContext): Violation[] {
  const request = context.request === undefined ? undefined : normalizeRequest(context.request);
  const data = toJsonForm(message);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [notAnObject(data)];
  const json = data as JsonMessage;
  const fn = as ? eventValidator(as, context.delivered === true) : messageValidator();
  const top = as ? EVENT_SCHEMAS[as] : MESSAGE_SCHEMA;
  const all = fn(data) ? [] : violationsFrom(as ?? String(json.Event), fn.errors ?? [], top, json);
  const out = context.strictTables === false && as ? all.filter((v) => v.rule !== closedRule(as)) : all;
  return request ? [...out, ...requestViolations(as ?? json.Event, json, request)] : out;
}

function closedRule(event: SpecialEventName): string {
  return `${event}/no-other-attributes`;
}

/**
 * The attributes of a special event that its table does not list, in the
 * order the message has them; empty for any other message. What the open
 * reading (`strictTables: false`) accepts, so a caller can record it.
 */
export function attributesOutsideTable(message: Message | JsonMessage): string[] {
  const name = typeof message === 'object' && message !== null ? (message as { Event?: unknown }).Event : undefined;
  if (!isSpecial(name)) return [];
  const data = toJsonForm(message);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  const schema = EVENT_SCHEMAS[name];
  if (schema.additionalProperties !== false) return [];
  const listed = schema.properties as Record<string, unknown>;
  const json = data as JsonMessage;
  return Object.keys(json)
    .filter((k) => !Object.hasOwn(listed, k))
    .flatMap((k) => (k === 'Unknown' && Array.isArray(json.Unknown) ? json.Unknown.map((u) => `tag ${u.tag}`) : [k]));
}

/**
 * Violations of `message` (either form), empty when it keeps every rule.
 * Special events are checked against their schema; any other message
 * loosely (known type, each attribute of its registry kind).
 */
export function validate(message: Message | JsonMessage, context: ValidationContext = {}): Violation[] {
  const name = typeof message === 'object' && message !== null ? (message as { Event?: unknown }).Event : undefined;
  return check(message, isSpecial(name) ? name : undefined, context);
}

/** Violations of `message` checked as the named special event, whatever its Event says. */
export function validateAs(event: SpecialEventName, message: Message | JsonMessage, context: ValidationContext = {}): Violation[] {
  if (!isSpecial(event)) throw new ValidationContextError(`${String(event)} is not one of the ten special events`);
  return check(message, event, context);
}
