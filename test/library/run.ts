/** Running library scenarios against a bridge command, for the library tests. */
import { runLibraryConformance } from '../../conformance/library/engine.js';
import { ALL_FORMS, type UserDataForm } from '../../conformance/library/forms.js';
import { LIBRARY_SCENARIOS } from '../../conformance/library/scenarios/index.js';
import type { RunReport } from '../../conformance/report/report-model.js';

export function runLibrary(command: string, o: { ids?: readonly string[]; repeat?: number; forms?: readonly UserDataForm[]; startupMs?: number; timeoutMs?: number } = {}): Promise<RunReport> {
  const scenarios = o.ids ? LIBRARY_SCENARIOS.filter((s) => o.ids!.includes(s.id)) : LIBRARY_SCENARIOS;
  return runLibraryConformance({
    command,
    scenarios,
    catalogueIds: LIBRARY_SCENARIOS.map((s) => s.id),
    version: 'test',
    timeoutMs: o.timeoutMs ?? 5000,
    startupMs: o.startupMs ?? 10_000,
    dns: ['7001', '7002'],
    forms: o.forms ?? ALL_FORMS,
    takesBackup: true,
    seed: 7,
    repeat: o.repeat ?? 1,
    concurrency: 2,
  });
}

export const verdicts = (r: RunReport): Record<string, string> => Object.fromEntries(r.results.map((x) => [x.id, x.verdict]));
