/**
 * Every mutant of mutants.json must make the conformance run fail: some
 * scenario that passes on the unmutated pair must not pass with the mutant.
 * (Once the runner passes the unmutated pair entirely, this is exactly "the
 * run fails".) Server mutants run over TCP with the JSON-lines control
 * channel, several at once; the bridge mutant runs through the exec bridge.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MUTANTS, type Mutant } from './mutants.js';
import { startVendorPair } from './start.js';
import { limited, requireBuiltCli, runConform, targetArgs, type ConformRun, type TargetKind } from './conform-run.js';

// Generous per-step timeouts: a baseline scenario that times out on a loaded
// machine would hide the mutant it is the only one to catch. Bridges start one
// process per client session, hence the longer exec timeout.
const STEP_TIMEOUT_MS: Record<TargetKind, string> = { 'tcp+hook': '3000', 'tcp+channel': '3000', 'exec+hook': '8000' };
const PARALLEL = 4;

interface Outcome {
  run: ConformRun;
  notPassing: Set<string>;
}

async function conformWith(kind: TargetKind, mutant: Mutant | undefined, extra: string[]): Promise<Outcome> {
  const serverMutant = mutant && mutant.where !== 'bridge' ? mutant.id : undefined;
  const bridgeMutant = mutant?.where === 'bridge' ? mutant.id : undefined;
  const handle = await startVendorPair(serverMutant ? { mutant: serverMutant } : {});
  try {
    const run = await runConform([...targetArgs(handle, kind, bridgeMutant), '--timeout', STEP_TIMEOUT_MS[kind], ...extra]);
    return { run, notPassing: new Set(run.results.filter((r) => r.verdict !== 'pass' && r.verdict !== 'skip').map((r) => r.id)) };
  } finally {
    await handle.close();
  }
}

const serverMutants = MUTANTS.filter((m) => m.where !== 'bridge');
const bridgeMutants = MUTANTS.filter((m) => m.where === 'bridge');
// The bridge's mutants concern the application view only: run that part of the suite.
const BRIDGE_SCOPE = ['--run', 'restore-connection/*'];

const outcomes = new Map<string, Outcome>();
let baselineTcp: Outcome;
let baselineExec: Outcome;

beforeAll(async () => {
  requireBuiltCli();
  [baselineTcp, baselineExec] = await Promise.all([conformWith('tcp+channel', undefined, []), conformWith('exec+hook', undefined, BRIDGE_SCOPE)]);
  const tasks = [
    ...serverMutants.map((m) => async () => outcomes.set(m.id, await conformWith('tcp+channel', m, []))),
    ...bridgeMutants.map((m) => async () => outcomes.set(m.id, await conformWith('exec+hook', m, BRIDGE_SCOPE))),
  ];
  await limited(PARALLEL, tasks);
}, 600_000);

function caught(mutant: Mutant): string[] {
  const baseline = mutant.where === 'bridge' ? baselineExec : baselineTcp;
  const outcome = outcomes.get(mutant.id)!;
  return [...outcome.notPassing].filter((id) => !baseline.notPassing.has(id));
}

describe('each mutant fails the conformance run', () => {
  for (const mutant of MUTANTS) {
    it(`${mutant.id}: ${mutant.description}`, () => {
      const outcome = outcomes.get(mutant.id);
      expect(outcome, 'the mutant run did not happen').toBeDefined();
      const newlyFailing = caught(mutant);
      expect(newlyFailing, `no scenario caught "${mutant.id}" (breaks: ${JSON.stringify(mutant.sentence)})`).not.toEqual([]);
      expect(outcome!.run.exitCode).toBe(1);
    });
  }
});
