/**
 * The repeat proof for the second server's mutants: each mutant runs against
 * a fresh pair, its named scenario repeated N times in one conform run (as
 * test/conformance/second-server.test.ts does), and the table says per mutant
 * how many runs failed, whether the failure quotes its sentence, and the time.
 *
 *   npx tsx scripts/mutant-proof.ts [--repeat 20] [--kinds] [mutant-id ...]
 *
 * With --kinds: every mutant that has a `kind` in test/second-server/mutants.json
 * (the ones a runner watching only the first copy, the primary, the time before
 * a switchover or the awaited answer would miss). Exits 1 when any mutant passed
 * a run or failed without quoting its sentence.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { channelControl } from '../conformance/control/channel.js';
import { runConformance } from '../conformance/runner/engine.js';
import type { LoadedProfile } from '../conformance/profile/model.js';
import type { RunReport } from '../conformance/report/report-model.js';
import { SCENARIOS } from '../conformance/scenarios/index.js';
import type { Target } from '../conformance/targets/target.js';
import { execTarget } from '../conformance/targets/exec.js';
import { tcpTarget } from '../conformance/targets/tcp.js';
import { validate } from '../src/validate/index.js';
import { MUTANTS, type Mutant } from '../test/second-server/mutants.js';
import { startVendorPair } from '../test/second-server/start.js';
import type { ServerOptions } from '../test/second-server/options.js';
import { SCENARIO_OF_MUTANT } from '../test/conformance/second-server-mutants.js';

const { values, positionals } = parseArgs({
  options: { repeat: { type: 'string', default: '20' }, kinds: { type: 'boolean', default: false }, step: { type: 'string', default: '2000' } },
  allowPositionals: true,
});
const repeat = Number(values.repeat);
const step = Number(values.step);
const BRIDGE = fileURLToPath(new URL('../test/second-server/bridge.mjs', import.meta.url));

/** The strict server and the profile naming what it lacks, as test/conformance/fixed-resources.test.ts uses them. */
const DNS = Array.from({ length: 10 }, (_, i) => String(8001 + i));
const CALL = { ConnID: '00000000000000c1', ThisDN: '8010' };
const STRICT: Partial<ServerOptions> = { resources: { dns: DNS, agents: ['a1'], places: ['p1'], calls: [CALL] } };
const ABSENT_PROFILE: LoadedProfile = {
  profile: {
    dns: DNS.map((dn) => ({ dn })),
    agents: [{ agentId: 'a1', place: 'p1' }],
    call: { obtain: 'existing', calls: [CALL] },
    absent: { agents: ['no-such-agent'], calls: ['00000000deadbeef'] },
  },
  source: 'lab profile naming what the switch lacks',
};

async function proveOne(m: Mutant): Promise<{ report: RunReport; ms: number }> {
  const scenario = SCENARIO_OF_MUTANT[m.id];
  if (!scenario) throw new Error(`${m.id}: no scenario in test/conformance/second-server-mutants.ts`);
  const negative = SCENARIOS.find((s) => s.id === scenario)?.uses?.absent !== undefined;
  const bridge = m.where === 'bridge';
  const h = await startVendorPair({ ...(negative ? STRICT : {}), ...(bridge ? {} : { mutant: m.id }), log: () => undefined });
  const started = performance.now();
  try {
    const control = channelControl({ host: h.primary.host, port: h.controlPort! }, step);
    const target: Target = bridge
      ? execTarget({ command: `node ${BRIDGE} --primary ${h.primary.host}:${h.primary.port} --backup ${h.backup.host}:${h.backup.port} --mutant ${m.id}`, control })
      : tcpTarget({ primary: h.primary, backup: h.backup, control, connectTimeoutMs: step });
    const report = await runConformance({
      target,
      scenarios: SCENARIOS.filter((s) => s.id === scenario),
      catalogueIds: SCENARIOS.map((s) => s.id),
      validate: (msg, c) => validate(msg, c),
      version: 'proof',
      // The bridge path opens a process per session: the same step timeout as the second-server test's bridge runs.
      timeoutMs: bridge ? 8000 : step,
      seed: 12,
      repeat,
      ...(negative ? { profile: ABSENT_PROFILE } : {}),
    });
    return { report, ms: performance.now() - started };
  } finally {
    await h.close();
  }
}

const plain = (t: string): string => t.replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').trim();
const chosen = values.kinds ? MUTANTS.filter((m) => m.kind !== undefined) : MUTANTS.filter((m) => positionals.includes(m.id));
const unknown = positionals.filter((id) => !MUTANTS.some((m) => m.id === id));
if (unknown.length || chosen.length === 0) {
  process.stderr.write(`mutant-proof: ${unknown.length ? `no such mutant: ${unknown.join(', ')}` : 'name mutants or give --kinds'}\n`);
  process.exit(2);
}

let bad = 0;
const total = performance.now();
process.stdout.write(`| mutant | kind | scenario | failed runs | quotes its sentence | time |\n|---|---|---|---|---|---|\n`);
for (const m of chosen) {
  const { report, ms } = await proveOne(m);
  const r = report.results[0]!;
  const failed = r.failedRuns ?? (r.verdict === 'fail' || r.verdict === 'timeout' ? 1 : 0);
  const quotes = plain(r.reference).includes(plain(m.sentence));
  const ok = (r.verdict === 'fail' || r.verdict === 'timeout') && failed === repeat && quotes;
  if (!ok) bad++;
  process.stdout.write(`| ${m.id} | ${m.kind ?? ''} | ${r.id} | ${failed}/${repeat}${ok ? '' : ` (${r.verdict}: ${r.reason ?? ''})`} | ${quotes ? 'yes' : 'no'} | ${(ms / 1000).toFixed(1)} s |\n`);
}
process.stdout.write(`\n${chosen.length} mutants, ${bad} not failing every run, ${((performance.now() - total) / 1000).toFixed(0)} s\n`);
process.exit(bad ? 1 : 0);
