/** Shared setup for the conformance tests: an engine run against the embedded simulator, and a buffered CLI. */
import { existsSync, readFileSync } from 'node:fs';
import { runConformance, type EngineOptions } from '../../conformance/runner/engine.js';
import type { RunReport } from '../../conformance/report/report-model.js';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import type { Target } from '../../conformance/targets/target.js';
import { embeddedTarget } from '../../conformance/targets/embedded.js';
import { runConformCommand } from '../../cli/commands/conform.js';
import type { DefectName } from '../../src/sim/defects/index.js';
import { validate } from '../../src/validate/index.js';
import { expectValidReport } from '../report/report-schema.js';

/** Short enough that a missing message costs little, long enough for loopback on a busy 2-core machine. */
export const STEP_MS = 1000;
/** Opening a connection is start-up, not a step (spec/target-contract.md): a loaded machine may take longer. */
export const STARTUP_MS = 10_000;

/** Every report a test run produces is held to spec/report.schema.json. */
/**
 * Scenarios that need resources the switch does not have (the profile's "absent"): the built-in
 * profile names none, so against a tcp or exec target they skip; the embedded target names its own.
 */
export const NEGATIVE_INPUTS: readonly string[] = SCENARIOS.filter((s) => s.uses?.absent !== undefined).map((s) => s.id);

export async function run(target: Target, extra: Partial<EngineOptions> = {}): Promise<RunReport> {
  const report = await runConformance({
    target,
    scenarios: SCENARIOS,
    catalogueIds: SCENARIOS.map((s) => s.id),
    validate: (m, c) => validate(m, c),
    version: 'test',
    timeoutMs: STEP_MS,
    seed: 7,
    repeat: 1,
    ...extra,
  });
  expectValidReport(report);
  return report;
}

export function runEmbedded(defects: DefectName[] = [], extra: Partial<EngineOptions> = {}): Promise<RunReport> {
  return run(embeddedTarget({ defects, connectTimeoutMs: STARTUP_MS }), extra);
}

export function verdicts(report: RunReport): Record<string, string> {
  return Object.fromEntries(report.results.map((r) => [r.id, r.verdict]));
}

export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runConformCommand(args, { out: (t) => (out += t), err: (t) => (err += t), color: false });
  const json = args.indexOf('--json');
  if (json >= 0 && existsSync(args[json + 1] ?? '')) expectValidReport(JSON.parse(readFileSync(args[json + 1]!, 'utf8')));
  return { code, out, err };
}
