/**
 * `--control <command>`: the vendor's own script performs each action. The
 * runner calls it with the action as arguments (spec/bridge-contract.md,
 * "Control hooks"): `switchover`, `link <primary|backup> <up|down>`,
 * `fault <checksum|missing-attributes|incomplete-flow> <ThisDN|-> <ConnID|->`,
 * `call <ThisDN>` (prints the new call's ConnID on its first stdout line),
 * and, optionally, `state` (prints which configured server is primary now).
 */
import { spawn } from 'node:child_process';
import { targetError } from '../model/failure.js';
import type { Control, ServerSide } from '../model/scenario.js';

/** A hook is stopped with everything it started: its own process group. */
function stopGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Characters of a failing hook's stderr quoted in its error. */
export const HOOK_STDERR_CHARS = 2048;

export function commandControl(command: string, timeoutMs: number): Control {
  const run = (args: string[]): Promise<string> =>
    new Promise((resolve, reject) => {
      // The command is the user's own shell text; the arguments are ours and quoted.
      const line = `${command} ${args.map(shellQuote).join(' ')}`;
      // detached: the hook leads its own process group, so an overrun kills what it started too (a sleep, a switch script).
      const child = spawn('/bin/sh', ['-c', line], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      let [stdout, stderr, overran] = ['', '', false];
      child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
      // Only the end of its stderr is kept: it says why, and a chatty hook cannot swell memory or the reports.
      child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(-2 * HOOK_STDERR_CHARS)));
      const timer = setTimeout(() => {
        overran = true;
        stopGroup(child.pid);
      }, timeoutMs);
      // A run that ends while a hook runs leaves no hook behind.
      const onExit = (): void => stopGroup(child.pid);
      process.once('exit', onExit);
      child.once('error', (err) => {
        clearTimeout(timer);
        process.off('exit', onExit);
        reject(targetError(`control command "${line}" could not start: ${err.message}`));
      });
      child.once('close', (code, signal) => {
        clearTimeout(timer);
        process.off('exit', onExit);
        // Whatever it started in the background goes with it.
        stopGroup(child.pid);
        if (!overran && code === 0) return resolve(stdout);
        const why = overran ? `took longer than ${timeoutMs} ms (the control timeout) and was stopped with its process group` : `exited with ${code ?? signal ?? 'an error'}`;
        const said = stderr.trim();
        const tail = said.length > HOOK_STDERR_CHARS ? `…${said.slice(-HOOK_STDERR_CHARS)}` : said;
        reject(targetError(`control command "${line}" ${why}${tail ? `: ${tail}` : ''}`));
      });
    });
  return {
    switchover: async () => void (await run(['switchover'])),
    setLink: async (server, up) => void (await run(['link', server, up ? 'up' : 'down'])),
    fault: async (kind, where) => void (await run(['fault', kind, where.ThisDN ?? '-', where.ConnID ?? '-'])),
    call: async ({ ThisDN }) => (await run(['call', ThisDN])).split('\n')[0]!.trim(),
    state: async () => {
      const first = (await run(['state']).catch(() => '')).split('\n')[0]!.trim();
      return first === 'primary' || first === 'backup' ? (first as ServerSide) : undefined;
    },
  };
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_.:\/-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
