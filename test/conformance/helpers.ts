/** Shared setup for the conformance tests: an engine run against the embedded simulator, and a buffered CLI. */
import { runConformance, type EngineOptions } from '../../conformance/engine.js';
import type { RunReport } from '../../conformance/report-model.js';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import type { Target } from '../../conformance/target.js';
import { embeddedTarget } from '../../conformance/targets/embedded.js';
import { runConformCommand } from '../../cli/commands/conform.js';
import type { DefectName } from '../../src/sim/defects.js';
import { validate } from '../../src/validate/index.js';

/** Short enough that a missing message costs little, long enough for loopback on a busy 2-core machine. */
export const STEP_MS = 1000;

export function run(target: Target, extra: Partial<EngineOptions> = {}): Promise<RunReport> {
  return runConformance({
    target,
    scenarios: SCENARIOS,
    catalogueIds: SCENARIOS.map((s) => s.id),
    validate: (m, c) => validate(m, c),
    version: 'test',
    timeoutMs: STEP_MS,
    seed: 7,
    strict: false,
    repeat: 1,
    ...extra,
  });
}

export function runEmbedded(defects: DefectName[] = [], extra: Partial<EngineOptions> = {}): Promise<RunReport> {
  return run(embeddedTarget({ defects, connectTimeoutMs: STEP_MS }), extra);
}

export function verdicts(report: RunReport): Record<string, string> {
  return Object.fromEntries(report.results.map((r) => [r.id, r.verdict]));
}

export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runConformCommand(args, { out: (t) => (out += t), err: (t) => (err += t), color: false });
  return { code, out, err };
}
