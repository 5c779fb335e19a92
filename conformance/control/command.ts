/**
 * `--control <command>`: the vendor's own script performs each action. The
 * runner calls it with the action as arguments (spec/bridge-contract.md,
 * "Control hooks"): `switchover`, `link <primary|backup> <up|down>`,
 * `fault <checksum|missing-attributes|incomplete-flow> <ThisDN|-> <ConnID|->`.
 */
import { execFile } from 'node:child_process';
import { targetError } from '../failure.js';
import type { Control } from '../scenario.js';

export function commandControl(command: string, timeoutMs: number): Control {
  const run = (args: string[]): Promise<void> =>
    new Promise((resolve, reject) => {
      // The command is the user's own shell text; the arguments are ours and quoted.
      const line = `${command} ${args.map(shellQuote).join(' ')}`;
      execFile('/bin/sh', ['-c', line], { timeout: timeoutMs }, (err, _stdout, stderr) => {
        if (!err) return resolve();
        const why = err.killed ? `took longer than ${timeoutMs} ms` : `exited with ${err.code ?? 'an error'}`;
        reject(targetError(`control command "${line}" ${why}${stderr.trim() ? `: ${stderr.trim()}` : ''}`));
      });
    });
  return {
    switchover: () => run(['switchover']),
    setLink: (server, up) => run(['link', server, up ? 'up' : 'down']),
    fault: (kind, where) => run(['fault', kind, where.ThisDN ?? '-', where.ConnID ?? '-']),
  };
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_.:\/-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
