/**
 * spec/report.schema.json compiled once with ajv, for every test that
 * produces a JSON report: a field the code adds without the schema (or the
 * other way round) fails the test that made the report.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';

const SCHEMA = JSON.parse(readFileSync(new URL('../../spec/report.schema.json', import.meta.url), 'utf8')) as object;

// strictRequired is off because the if/then branches require properties declared one level up.
// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (a: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ allErrors: true, strict: true, strictRequired: false }));
const check = ajv.compile(SCHEMA);

/** The schema errors of a report, as "path: message" lines (empty when it conforms). */
export function reportSchemaErrors(report: unknown): string[] {
  return check(report) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
}

export function expectValidReport(report: unknown): void {
  expect(reportSchemaErrors(report)).toEqual([]);
}
