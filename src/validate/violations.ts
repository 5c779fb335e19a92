/**
 * ajv errors to violations. Each error is attributed to the nearest
 * subschema carrying an `x-rule` annotation: the error's own parent schema,
 * or else the top-level property the error sits under. Errors raised inside
 * the branches of a oneOf (a key-value value) are folded into the oneOf's
 * error, so one bad value gives one violation.
 */
import type { ValidatorError } from './compiled-validator.js';
import { REFERENCE_KEYWORD, RULE_KEYWORD, type Schema } from './schema-ids.js';
import type { Violation } from './types.js';

interface Attributed {
  error: ValidatorError;
  rule: Schema;
}

function annotated(schema: unknown): Schema | undefined {
  return typeof schema === 'object' && schema !== null && RULE_KEYWORD in schema ? (schema as Schema) : undefined;
}

function segments(instancePath: string): string[] {
  return instancePath === '' ? [] : instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** "/UserData/0/1" -> "UserData[0][1]" */
function displayPath(parts: readonly string[]): string {
  return parts.map((p, i) => (/^[0-9]+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function attribute(error: ValidatorError, top: Schema): Attributed | undefined {
  const own = annotated(error.parentSchema);
  if (own) return { error, rule: own };
  const [first] = segments(error.instancePath);
  if (first === undefined) return undefined; // a branch of an anyOf: its group reports it
  const properties = top.properties as Record<string, unknown> | undefined;
  const property = annotated(properties?.[first]);
  return property ? { error, rule: property } : undefined;
}

function within(path: string, outer: string): boolean {
  return path === outer || path.startsWith(`${outer}/`);
}

/** Keep the oneOf errors nearest the fault and drop the branch errors beneath them. */
function fold(items: Attributed[]): Attributed[] {
  const oneOfs = items.filter((a) => a.error.keyword === 'oneOf').map((a) => a.error.instancePath);
  return items.filter(({ error }) => {
    if (error.keyword === 'if') return false;
    if (error.keyword === 'oneOf') return !oneOfs.some((p) => p !== error.instancePath && within(p, error.instancePath));
    return !oneOfs.some((p) => within(error.instancePath, p));
  });
}

function valueAt(data: unknown, parts: readonly string[]): unknown {
  let v = data;
  for (const p of parts) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

export function show(value: unknown): string {
  if (value === undefined) return 'absent';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * What a rule-bearing subschema expects. A closed object's own description
 * documents the event, so its expectation is read off its property list.
 */
export function expectation(schema: Schema): string {
  if (schema.additionalProperties === false && typeof schema.properties === 'object' && schema.properties !== null) {
    return `only the attributes ${Object.keys(schema.properties).join(', ')}`;
  }
  return String(schema.description);
}

function toViolation(event: string, { error, rule }: Attributed, data: unknown): Violation {
  const parts = segments(error.instancePath);
  let actual: string;
  if (error.keyword === 'required') {
    parts.push(String(error.params.missingProperty));
    actual = 'absent';
  } else if (error.keyword === 'additionalProperties') {
    parts.push(String(error.params.additionalProperty));
    actual = `${parts.join('.')} = ${show(valueAt(data, parts))}`;
  } else if (error.keyword === 'anyOf' && parts.length === 0) {
    actual = 'none of them';
  } else if (error.keyword === 'not' && parts.length === 0) {
    actual = 'delivered to the application';
  } else {
    actual = show(valueAt(data, parts));
  }
  const path = displayPath(parts);
  const expected = expectation(rule);
  return {
    rule: String(rule[RULE_KEYWORD]),
    path,
    expected,
    actual,
    reference: String(rule[REFERENCE_KEYWORD]),
    message: `${event}${path ? ` ${path}` : ''}: expected ${expected}, got ${actual}.`,
  };
}

export function violationsFrom(event: string, errors: readonly ValidatorError[], top: Schema, data: unknown): Violation[] {
  const attributed = errors.map((e) => attribute(e, top)).filter((a): a is Attributed => a !== undefined);
  const seen = new Set<string>();
  const out: Violation[] = [];
  for (const item of fold(attributed)) {
    const v = toViolation(event, item, data);
    const key = `${v.rule}\u0000${v.path}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}
