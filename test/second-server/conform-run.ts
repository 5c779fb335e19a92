/**
 * Runs the built conformance CLI as a black box (what a vendor runs) against
 * a vendor pair, and reads its JSON report.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VendorHandle } from './start.js';

export const ROOT = new URL('../../', import.meta.url).pathname;
/** The built CLI, found the way npm finds it: the package's `bin`. */
export const CLI = join(ROOT, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['tlib-kit']!);
export const HOOK = join(ROOT, 'test/second-server/hook.mjs');
export const BRIDGE = join(ROOT, 'test/second-server/bridge.mjs');

export interface ScenarioResult {
  id: string;
  verdict: string;
  reason?: string;
  expected?: string;
  actual?: string;
}

export interface ConformRun {
  exitCode: number | null;
  results: ScenarioResult[];
  /** The CLI's own output, for a failure message a person can read. */
  output: string;
}

export type TargetKind = 'tcp+hook' | 'tcp+channel' | 'exec+hook';
const TARGET_KINDS: readonly string[] = ['tcp+channel', 'tcp+hook', 'exec+hook'] satisfies TargetKind[];

/** A --target value of the command-line runs; anything else throws. */
export function targetKind(text: string): TargetKind {
  if (!TARGET_KINDS.includes(text)) throw new Error(`--target must be tcp+channel, tcp+hook or exec+hook, got "${text}"`);
  return text as TargetKind;
}

/** Options every command-line run against a vendor pair takes: a profile, and the seed of the scenario order (the findings' runs used this one). */
export const PAIR_RUN_OPTIONS = {
  profile: { type: 'string' },
  seed: { type: 'string', default: '20261202' },
} as const;

export function requireBuiltCli(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does)`);
}

export function targetArgs(handle: VendorHandle, kind: TargetKind, bridgeMutant?: string): string[] {
  const primary = `127.0.0.1:${handle.primary.port}`;
  const backup = `127.0.0.1:${handle.backup.port}`;
  const hook = `node ${HOOK} 127.0.0.1:${handle.controlPort}`;
  switch (kind) {
    case 'tcp+hook':
      return ['--target', `tcp://${primary}`, '--backup', `tcp://${backup}`, '--control', hook];
    case 'tcp+channel':
      return ['--target', `tcp://${primary}`, '--backup', `tcp://${backup}`, '--control', `tcp://127.0.0.1:${handle.controlPort}`];
    case 'exec+hook': {
      const mutant = bridgeMutant ? ` --mutant ${bridgeMutant}` : '';
      return ['--target', `exec:node ${BRIDGE} --primary ${primary} --backup ${backup}${mutant}`, '--control', hook];
    }
  }
}

export async function runConform(args: string[], timeoutMs = 240_000): Promise<ConformRun> {
  const dir = mkdtempSync(join(tmpdir(), 'second-server-conform-'));
  const report = join(dir, 'report.json');
  try {
    const child = spawn(process.execPath, [CLI, 'conform', ...args, '--json', report], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    clearTimeout(timer);
    const results = existsSync(report) ? ((JSON.parse(readFileSync(report, 'utf8')) as { results: ScenarioResult[] }).results) : [];
    return { exitCode, results, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Scenarios that did not pass and were not skipped, as "id: verdict: reason" lines. */
export function problems(run: ConformRun): string[] {
  return run.results
    .filter((r) => r.verdict !== 'pass' && r.verdict !== 'skip')
    .map((r) => `${r.id}: ${r.verdict}: ${r.reason ?? ''}${r.actual ? ` (actual: ${r.actual})` : ''}`);
}

export function skipped(run: ConformRun): string[] {
  return run.results.filter((r) => r.verdict === 'skip').map((r) => r.id).sort();
}

/** At most `limit` of the tasks at once. */
export async function limited<T>(limit: number, tasks: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
