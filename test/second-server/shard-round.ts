/**
 * One round of the README's CI recipe against one vendor pair, through the
 * built CLI as a black box: an unsharded `conform` run, then `--shard i/n`
 * runs started at the same moment on the same pair and control channel, then
 * `merge-reports`. The round holds when the merged report gives the verdict
 * of the unsharded run (overall state, exit code, every scenario's verdict),
 * and every change of the pair the server logged happened under an
 * exclusive lease held alone (spec/target-contract.md, "The pair is shared").
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT } from './conform-run.js';
import { PAIR_CHANGE } from './control-channel.js';

export interface Verdict {
  exitCode: number | null;
  /** The report's `state.label`, e.g. "PASSED WITH SKIPS"; "no report" when none was written. */
  label: string;
  detail: string;
  /** Scenario id to verdict. */
  verdicts: Record<string, string>;
}

export interface RoundResult {
  seed: number;
  reference: Verdict;
  merged: Verdict;
  shardExitCodes: Array<number | null>;
  /** Why the round does not hold; empty when it does. */
  differences: string[];
  /** Pair changes the server logged during the round, and those not under an exclusive lease held alone. */
  pairChanges: number;
  unguarded: string[];
  ms: number;
}

interface CliRun {
  exitCode: number | null;
  output: string;
}

/** At most this long for one CLI process: a hung run fails the round instead of hanging it. */
const CLI_LIMIT_MS = 600_000;

function cli(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), CLI_LIMIT_MS);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, output });
    });
  });
}

function verdictOf(report: string, exitCode: number | null): Verdict {
  if (!existsSync(report)) return { exitCode, label: 'no report', detail: '', verdicts: {} };
  const json = JSON.parse(readFileSync(report, 'utf8')) as { state: { label: string; detail: string }; results: Array<{ id: string; verdict: string }> };
  const verdicts: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const r of json.results) verdicts[r.id] = verdicts[r.id] === undefined ? r.verdict : `${verdicts[r.id]},${r.verdict}`;
  return { exitCode, label: json.state.label, detail: json.state.detail, verdicts };
}

function compare(reference: Verdict, merged: Verdict): string[] {
  const out: string[] = [];
  if (merged.exitCode !== reference.exitCode) out.push(`exit code: unsharded ${reference.exitCode}, merged ${merged.exitCode}`);
  if (merged.label !== reference.label) out.push(`result: unsharded ${reference.label}, merged ${merged.label}`);
  const ids = new Set([...Object.keys(reference.verdicts), ...Object.keys(merged.verdicts)]);
  for (const id of [...ids].sort()) {
    const [a, b] = [reference.verdicts[id] ?? 'absent', merged.verdicts[id] ?? 'absent'];
    if (a !== b) out.push(`${id}: unsharded ${a}, merged ${b}`);
  }
  return out;
}

/** Pair changes logged in `lines`, and those made while the lease was not exclusive and held alone. */
export function pairChanges(lines: readonly string[]): { count: number; unguarded: string[] } {
  let count = 0;
  const unguarded: string[] = [];
  for (const line of lines) {
    const match = PAIR_CHANGE.exec(line);
    if (!match) continue;
    count++;
    const lease = JSON.parse(match[2]!) as { mode: string | null; holders: number };
    if (lease.mode !== 'exclusive' || lease.holders !== 1) unguarded.push(line);
  }
  return { count, unguarded };
}

/**
 * `targetArgs`: the conform options naming the pair (target, backup,
 * control channel, profile, timeout). `serverLog`: the array the pair's
 * `log` option appends to, read from where it stood when the round began.
 */
export async function shardRound(targetArgs: string[], seed: number, shards: number, serverLog: readonly string[]): Promise<RoundResult> {
  const started = Date.now();
  const logFrom = serverLog.length;
  const dir = mkdtempSync(join(tmpdir(), 'second-server-shards-'));
  try {
    const common = ['conform', ...targetArgs, '--seed', String(seed)];
    const referenceRun = await cli([...common, '--json', join(dir, 'unsharded.json')]);
    const reference = verdictOf(join(dir, 'unsharded.json'), referenceRun.exitCode);
    const files = Array.from({ length: shards }, (_, i) => join(dir, `shard-${i + 1}.json`));
    const shardRuns = await Promise.all(files.map((file, i) => cli([...common, '--shard', `${i + 1}/${shards}`, '--json', file])));
    const mergeRun = await cli(['merge-reports', ...files, '--json', join(dir, 'merged.json')]);
    const merged = verdictOf(join(dir, 'merged.json'), mergeRun.exitCode);

    const differences = compare(reference, merged);
    if (reference.label === 'no report') differences.unshift(`the unsharded run wrote no report:\n${referenceRun.output}`);
    if (reference.exitCode === 0) {
      shardRuns.forEach((run, i) => {
        if (run.exitCode !== 0) differences.push(`shard ${i + 1}/${shards} exited ${run.exitCode} though the unsharded run passed:\n${run.output}`);
      });
    }
    if (mergeRun.exitCode === 2) differences.push(`merge-reports refused the shards:\n${mergeRun.output}`);
    const changes = pairChanges(serverLog.slice(logFrom));
    return {
      seed,
      reference,
      merged,
      shardExitCodes: shardRuns.map((r) => r.exitCode),
      differences,
      pairChanges: changes.count,
      unguarded: changes.unguarded,
      ms: Date.now() - started,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
