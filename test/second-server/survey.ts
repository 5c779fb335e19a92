/**
 * Runs the built `tlib-kit conform` (as a vendor would) against the vendor
 * pair, once per mutant asked for, and prints one line per run: the mutant,
 * the exit code and the scenarios that did not pass. What RUNNER-FINDINGS.md
 * reports comes from here.
 *
 *   npx tsx test/second-server/survey.ts [--preset NAME] [--profile FILE] [--target tcp+channel|tcp+hook|exec+hook]
 *     [--set KEY=JSON ...] [--mutant ID ...] [--new] [--clean] [--run PATTERN ...] [--seed N]
 * --set: one ServerOptions field, e.g. --set fanoutJitterMs=120 --set restoreReference='"nested"';
 * --new: every mutant with a `kind` (those written for the runner's blind spots);
 * --clean: the unmutated pair too.
 */
import { parseArgs } from 'node:util';
import { MUTANTS } from './mutants.js';
import { presetOptions, type ServerOptions } from './options.js';
import { startVendorPair } from './start.js';
import { PAIR_RUN_OPTIONS, problems, requireBuiltCli, runConform, targetArgs, targetKind } from './conform-run.js';

const { values } = parseArgs({
  options: {
    preset: { type: 'string' },
    target: { type: 'string', default: 'tcp+channel' },
    set: { type: 'string', multiple: true },
    mutant: { type: 'string', multiple: true },
    new: { type: 'boolean' },
    clean: { type: 'boolean' },
    run: { type: 'string', multiple: true },
    timeout: { type: 'string', default: '3000' },
    ...PAIR_RUN_OPTIONS,
  },
  strict: true,
});

const kind = targetKind(values.target);
requireBuiltCli();
const base: Partial<ServerOptions> = { ...(values.preset ? presetOptions(values.preset) : {}), log: () => undefined };
for (const assignment of values.set ?? []) {
  const at = assignment.indexOf('=');
  if (at <= 0) throw new Error(`--set takes KEY=JSON, got "${assignment}"`);
  (base as Record<string, unknown>)[assignment.slice(0, at)] = JSON.parse(assignment.slice(at + 1));
}
const ids = [...(values.clean ? [undefined] : []), ...(values.mutant ?? []), ...(values.new ? MUTANTS.filter((m) => m.kind !== undefined).map((m) => m.id) : [])];
if (ids.length === 0) ids.push(undefined);

for (const id of ids) {
  const mutant = id === undefined ? undefined : MUTANTS.find((m) => m.id === id);
  if (id !== undefined && !mutant) throw new Error(`unknown mutant "${id}"`);
  const onBridge = mutant?.where === 'bridge';
  const handle = await startVendorPair({ ...base, ...(mutant && !onBridge ? { mutant: mutant.id } : {}) });
  const started = Date.now();
  try {
    const args = [...targetArgs(handle, onBridge ? 'exec+hook' : kind, onBridge ? mutant.id : undefined), '--timeout', onBridge ? '20000' : values.timeout, '--seed', values.seed];
    if (values.profile) args.push('--profile', values.profile);
    for (const pattern of values.run ?? []) args.push('--run', pattern);
    const run = await runConform(args, 600_000);
    const failed = problems(run);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const verdict = failed.length === 0 ? (id === undefined ? 'all pass' : 'MISSED (all pass)') : failed.map((f) => f.slice(0, 200)).join(' | ');
    const counted = `${run.results.filter((r) => r.verdict === 'pass').length}/${run.results.length} pass`;
    process.stdout.write(`${id ?? '(clean)'}\texit ${run.exitCode}\t${seconds} s\t${counted}\t${verdict}\n`);
    if (run.results.length === 0) process.stdout.write(`  no report: ${run.output.slice(0, 600)}\n`);
  } finally {
    await handle.close();
  }
}
