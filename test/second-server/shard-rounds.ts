/**
 * The README's CI recipe, proven against one vendor pair: per round, one
 * unsharded `conform` run, then `--shard 1/n … n/n` started at the same time
 * on the same pair, merged with `merge-reports`; the round passes when the
 * merge gives the unsharded verdict and every pair change happened under an
 * exclusive lease held alone (shard-round.ts). One line per round, a summary,
 * exit 0 only when every round passed.
 *
 *   npx tsx test/second-server/shard-rounds.ts [--rounds 10] [--shards 3] [--preset lab|realistic|flipped|none]
 *     [--profile FILE] [--seed N] [--timeout MS]
 * --preset lab (the default) uses lab-profile.json unless --profile says otherwise.
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { presetOptions } from './options.js';
import { startVendorPair } from './start.js';
import { PAIR_RUN_OPTIONS, requireBuiltCli, ROOT } from './conform-run.js';
import { shardRound } from './shard-round.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '10' },
    shards: { type: 'string', default: '3' },
    preset: { type: 'string', default: 'lab' },
    timeout: { type: 'string', default: '3000' },
    ...PAIR_RUN_OPTIONS,
  },
  strict: true,
});

function count(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number of at least 1, got "${text}"`);
  return n;
}

async function main(): Promise<number> {
  const rounds = count('rounds', values.rounds);
  const shards = count('shards', values.shards);
  const seed = count('seed', values.seed);
  requireBuiltCli();
  const preset = values.preset === 'none' ? {} : presetOptions(values.preset);
  const profile = values.profile ?? (values.preset === 'lab' ? join(ROOT, 'test/second-server/lab-profile.json') : undefined);
  const serverLog: string[] = [];
  const handle = await startVendorPair({ ...preset, log: (line) => serverLog.push(line) });
  const target = [
    '--target', `tcp://127.0.0.1:${handle.primary.port}`,
    '--backup', `tcp://127.0.0.1:${handle.backup.port}`,
    '--control', `tcp://127.0.0.1:${handle.controlPort}`,
    '--timeout', values.timeout,
    ...(profile ? ['--profile', profile] : []),
  ];
  process.stdout.write(`vendor pair (preset ${values.preset}) on ${target.slice(0, 6).filter((_, i) => i % 2).join(', ')}; ${rounds} rounds of 1 unsharded run + ${shards} shards at once\n`);
  const started = Date.now();
  let passed = 0;
  try {
    for (let round = 1; round <= rounds; round++) {
      const r = await shardRound(target, seed + round, shards, serverLog);
      const ok = r.differences.length === 0 && r.unguarded.length === 0;
      if (ok) passed++;
      process.stdout.write(
        `round ${round}/${rounds} seed ${r.seed}: ${ok ? 'same verdict' : 'DIFFERENT'} (unsharded ${r.reference.label}: ${r.reference.detail}; merged ${r.merged.label}: ${r.merged.detail}), ` +
          `shard exits ${r.shardExitCodes.join(',')}, ${r.pairChanges} pair changes, ${r.unguarded.length} outside an exclusive lease, ${(r.ms / 1000).toFixed(1)} s\n`,
      );
      for (const line of [...r.differences, ...r.unguarded]) process.stdout.write(`  ${line}\n`);
    }
  } finally {
    await handle.close();
  }
  process.stdout.write(`${passed} of ${rounds} rounds gave the unsharded verdict with every pair change under an exclusive lease, in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return passed === rounds ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  },
);
