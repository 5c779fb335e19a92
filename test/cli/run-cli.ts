/** Runs the command line from source (tsx) as a user would, with optional standard input. */
import { spawnSync } from 'node:child_process';

const MAIN = new URL('../../cli/main.ts', import.meta.url).pathname;

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
  /** Standard output as bytes, for binary output. */
  bytes: Buffer;
}

export function runCli(args: readonly string[], opts: { input?: string | Uint8Array; env?: Record<string, string> } = {}): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    input: opts.input ?? '',
    env: { ...process.env, ...opts.env },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8'), bytes: r.stdout };
}
