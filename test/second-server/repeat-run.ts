/**
 * One built `conform --repeat N` run against a fresh vendor pair, as a vendor
 * certifies a build: prints the CLI's own output as it comes, then one line of
 * counts (every attempt's verdict) and the time; exit code the CLI's.
 *
 *   npx tsx test/second-server/repeat-run.ts [--preset realistic] [--target tcp+channel|tcp+hook|exec+hook]
 *     [--repeat 20] [--timeout MS] [--profile FILE] [--json FILE] [--seed N]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { presetOptions } from './options.js';
import { startVendorPair } from './start.js';
import { CLI, PAIR_RUN_OPTIONS, ROOT, requireBuiltCli, targetArgs, targetKind } from './conform-run.js';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'realistic' },
    target: { type: 'string', default: 'tcp+channel' },
    repeat: { type: 'string', default: '20' },
    timeout: { type: 'string' },
    json: { type: 'string' },
    ...PAIR_RUN_OPTIONS,
  },
  strict: true,
});

async function main(): Promise<number> {
  const kind = targetKind(values.target);
  requireBuiltCli();
  // A bridge starts one process per client session: allow for a loaded machine, as conform.test.ts does.
  const timeout = values.timeout ?? (kind === 'exec+hook' ? '20000' : '3000');
  const report = resolve(values.json ?? `/tmp/second-server-repeat-${kind}-${process.pid}.json`);
  const handle = await startVendorPair({ ...(values.preset === 'none' ? {} : presetOptions(values.preset)), log: () => undefined });
  const args = [
    'conform', ...targetArgs(handle, kind), '--timeout', timeout, '--repeat', values.repeat, '--seed', values.seed, '--json', report,
    ...(values.profile ? ['--profile', resolve(values.profile)] : []),
  ];
  const started = Date.now();
  try {
    const exitCode = await new Promise<number | null>((done) => {
      const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('close', done);
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const json = JSON.parse(readFileSync(report, 'utf8')) as { results: Array<{ verdict: string; runs?: number; failedRuns?: number }> };
    const counts: Record<string, number> = Object.create(null) as Record<string, number>;
    let runs = 0;
    let failedRuns = 0;
    for (const r of json.results) {
      counts[r.verdict] = (counts[r.verdict] ?? 0) + 1;
      if (r.verdict !== 'skip') runs += r.runs ?? 1;
      failedRuns += r.failedRuns ?? 0;
    }
    process.stdout.write(
      `preset ${values.preset}, ${kind}, --repeat ${values.repeat}: exit ${exitCode}; scenarios ${JSON.stringify(counts)}; ` +
        `${runs} judged runs, ${failedRuns} failed; ${seconds} s; report ${report}\n`,
    );
    return exitCode ?? 2;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  },
);
