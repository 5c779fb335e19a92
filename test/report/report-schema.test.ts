/** spec/report.schema.json: the reports the runner writes conform, and what breaks the contract is refused. */
import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_VERSION, type RunReport } from '../../conformance/report/report-model.js';
import { runEmbedded } from '../conformance/helpers.js';
import { loadFixture } from './fixtures.js';
import { reportSchemaErrors } from './report-schema.js';

describe('report schema', () => {
  it('accepts the sample report and one a real run produces, with a failure, a reproduce line and a timeout', async () => {
    expect(reportSchemaErrors(loadFixture('sample-run'))).toEqual([]);
    const report = await runEmbedded(['ack-wrong-reference-id', 'ack-missing-set-input-mask']);
    expect(report.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(report.results.some((r) => r.reproduce)).toBe(true);
    expect(report.results.some((r) => r.verdict === 'timeout')).toBe(true);
    expect(reportSchemaErrors(report)).toEqual([]);
  });

  const sample = (): RunReport => structuredClone(loadFixture('sample-run'));
  it.each<[string, (r: RunReport) => unknown]>([
    ['no schemaVersion', ({ schemaVersion: _, ...r }) => r],
    ['a schemaVersion of another major', (r) => ({ ...r, schemaVersion: '2.0.0' })],
    ['target as free text (the old form)', (r) => ({ ...r, target: 'embedded simulator' })],
    ['a tcp target without its address', (r) => ({ ...r, target: { kind: 'tcp', description: 'x' } })],
    ['an unknown verdict', (r) => ({ ...r, results: [{ ...r.results[0]!, verdict: 'passed' }] })],
    ['a field the schema does not know', (r) => ({ ...r, strict: false })],
    ['a bad start time', (r) => ({ ...r, startedAt: 'yesterday' })],
    ['an empty problems list', (r) => ({ ...r, problems: [] })],
  ])('refuses %s', (_what, change) => {
    expect(reportSchemaErrors(change(sample()))).not.toEqual([]);
  });
});
