/**
 * `tlib-kit conform --library`: runs the selected library scenarios against a
 * bridge and returns the RunReport every report format reads, with the
 * known-failing, known-flaky and repeat handling of server conformance.
 */
import { seededRandom, shuffled } from '../runner/random.js';
import type { RunReport, TargetInfo } from '../report/report-model.js';
import { shellWord } from '../runner/reproduce.js';
import { runScenarios, type RunOptions } from '../runner/run-scenarios.js';
import { attemptLibrary } from './attempt.js';
import type { UserDataForm } from './forms.js';
import type { LibraryScenario } from './scenario.js';

export interface LibraryEngineOptions extends RunOptions<LibraryScenario> {
  /** The bridge command (after "exec:"). */
  command: string;
  startupMs: number;
  dns: readonly string[];
  password?: string;
  forms: readonly UserDataForm[];
  takesBackup: boolean;
  /** Bridges run at once; each attempt starts a process and a pair. */
  concurrency?: number;
}

const DEFAULT_CONCURRENCY = 4;

export function libraryTargetInfo(command: string): TargetInfo {
  return { kind: 'exec', description: `library bridge: ${command}`, command };
}

export async function runLibraryConformance(o: LibraryEngineOptions): Promise<RunReport> {
  let attempts = 0;
  return runScenarios({
    ...o,
    target: libraryTargetInfo(o.command),
    batches: [{ scenarios: shuffled(o.scenarios, seededRandom(o.seed)), concurrency: o.concurrency ?? DEFAULT_CONCURRENCY }],
    attempt: (s) =>
      attemptLibrary(s, {
        command: o.command,
        timeoutMs: o.timeoutMs,
        startupMs: o.startupMs,
        dns: o.dns,
        password: o.password,
        forms: o.forms,
        takesBackup: o.takesBackup,
        attemptNo: ++attempts,
        ...(o.onRecord ? { onRecord: o.onRecord } : {}),
      }),
    reproduce: (id) => ['tlib-kit', 'conform', '--library', `exec:${o.command}`, '--run', id, '--seed', String(o.seed)].map(shellWord).join(' '),
  });
}
