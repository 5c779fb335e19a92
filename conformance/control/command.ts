/**
 * `--control <command>`: the vendor's own script performs each action. The
 * runner calls it with the action as arguments (spec/bridge-contract.md,
 * "Control hooks"): `switchover`, `link <primary|backup> <up|down>`,
 * `fault <checksum|missing-attributes|incomplete-flow> <ThisDN|-> <ConnID|->`,
 * `call <ThisDN>` (prints the new call's ConnID on its first stdout line).
 */
import { execFile } from 'node:child_process';
import { targetError } from '../failure.js';
import type { Control } from '../scenario.js';

/** Characters of a failing hook's stderr quoted in its error. */
export const HOOK_STDERR_CHARS = 2048;

export function commandControl(command: string, timeoutMs: number): Control {
  const run = (args: string[]): Promise<string> =>
    new Promise((resolve, reject) => {
      // The command is the user's own shell text; the arguments are ours and quoted.
      const line = `${command} ${args.map(shellQuote).join(' ')}`;
      execFile('/bin/sh', ['-c', line], { timeout: timeoutMs }, (err, stdout, stderr) => {
        if (!err) return resolve(stdout);
        const why = err.killed ? `took longer than ${timeoutMs} ms` : `exited with ${err.code ?? 'an error'}`;
        const said = stderr.trim();
        // The end of its stderr says why; the rest would only swell the reports.
        const tail = said.length > HOOK_STDERR_CHARS ? `…${said.slice(-HOOK_STDERR_CHARS)}` : said;
        reject(targetError(`control command "${line}" ${why}${tail ? `: ${tail}` : ''}`));
      });
    });
  return {
    switchover: async () => void (await run(['switchover'])),
    setLink: async (server, up) => void (await run(['link', server, up ? 'up' : 'down'])),
    fault: async (kind, where) => void (await run(['fault', kind, where.ThisDN ?? '-', where.ConnID ?? '-'])),
    call: async ({ ThisDN }) => (await run(['call', ThisDN])).split('\n')[0]!.trim(),
  };
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_.:\/-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
