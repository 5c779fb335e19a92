/** Loads the hand-built RunReport fixtures of test/fixtures/report. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CaseResult, RunReport } from '../../conformance/report/report-model.js';

export type FixtureName = 'sample-run' | 'hostile-run';

export function loadFixture(name: FixtureName): RunReport {
  const url = new URL(`../fixtures/report/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as RunReport;
}

export function caseById(report: RunReport, id: string): CaseResult {
  const found = report.results.find((r) => r.id === id);
  if (!found) throw new Error(`fixture has no case ${id}`);
  return found;
}

/** C0 except \n and \t, DEL, C1: what must never reach a terminal. */
export const TERMINAL_UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
