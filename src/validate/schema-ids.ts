/**
 * The names the schema files and the validator agree on. Kept apart from
 * schema-builder.ts, which reads the reference's tables: validating needs
 * only these, not the tables (they would otherwise ride along in bundles).
 */
export type Schema = { [keyword: string]: unknown };

export const MESSAGE_SCHEMA_ID = 'urn:tlib-kit:spec:defs:message';
/** spec/defs/tlib.schema.json: the value kinds every other schema refers to. */
export const DEFS_SCHEMA_ID = 'urn:tlib-kit:spec:defs:tlib';
export const RULE_KEYWORD = 'x-rule';
export const REFERENCE_KEYWORD = 'x-reference';
/** The subschema a client-delivered event is checked against (Server present). */
export const DELIVERED_DEF = 'delivered';

export function eventSchemaId(event: string): string {
  return `urn:tlib-kit:spec:events:${event}`;
}
