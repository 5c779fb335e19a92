/**
 * The command that runs one scenario again, alone, against the same target
 * with the same seed: what a person pastes from a failure. A scenario's
 * ReferenceIDs and DNs come from the seed and its place in the catalogue,
 * not in the selection, so the single run sends what the full run sent.
 */
import type { Address, TargetInfo } from '../report/report-model.js';

/** The runner's default per-step timeout: left out of the command when used. */
export const DEFAULT_TIMEOUT_MS = 2000;

/** A word as a POSIX shell reads it back unchanged. */
export function shellWord(word: string): string {
  return /^[\w./:=@,+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

const url = (a: Address): string => `tcp://${a.host.includes(':') ? `[${a.host}]` : a.host}:${a.port}`;

/** The target's options, or undefined for a Target built in code (no command line reaches it). */
export function targetArgs(t: TargetInfo): string[] | undefined {
  const control = t.control ? ['--control', t.control.kind === 'command' ? t.control.command : url(t.control.address)] : [];
  switch (t.kind) {
    case 'embedded':
      return (t.defects ?? []).flatMap((d) => ['--sim-defect', d]);
    case 'tcp':
      return t.primary ? ['--target', url(t.primary), ...(t.backup ? ['--backup', url(t.backup)] : []), ...control] : undefined;
    case 'exec':
      return t.command !== undefined ? ['--target', `exec:${t.command}`, ...control] : undefined;
    case 'custom':
      return undefined;
  }
}

/**
 * `runWords`: the other options that change how the run went (--profile, --control-timeout),
 * as the command line gave them: without them the printed command would run another test.
 */
export function reproduceCommand(t: TargetInfo, id: string, seed: number, timeoutMs: number, runWords: readonly string[] = []): string | undefined {
  const args = targetArgs(t);
  if (!args) return undefined;
  const timeout = timeoutMs === DEFAULT_TIMEOUT_MS ? [] : ['--timeout', String(timeoutMs)];
  return ['tlib-kit', 'conform', ...args, ...runWords, ...timeout, '--run', id, '--seed', String(seed)].map(shellWord).join(' ');
}
