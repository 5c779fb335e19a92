/**
 * Picking scenarios by id, prefix or glob (`--run`, `--skip`, the known
 * lists). A pattern matches an id exactly, as a prefix ending at a `/`
 * ("ack" matches "ack/user-event/reference-id"), or as a glob where `*`
 * stays within one path segment and `**` crosses segments.
 */
import { ConformanceUsageError } from './usage-error.js';

export function matchesId(pattern: string, id: string): boolean {
  if (pattern === id) return true;
  if (!/[*?[]/.test(pattern)) return id.startsWith(pattern.endsWith('/') ? pattern : `${pattern}/`);
  return globToRegExp(pattern).test(id);
}

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Keeps what `run` selects (all when empty) minus what `skip` selects; a pattern that selects nothing is a usage error. */
export function selectScenarios<T extends { id: string }>(all: readonly T[], run: readonly string[], skip: readonly string[]): T[] {
  for (const p of [...run, ...skip]) {
    if (!all.some((s) => matchesId(p, s.id))) {
      throw new ConformanceUsageError(`"${p}" matches no scenario id (tlib-kit conform --list shows them)`);
    }
  }
  return all.filter((s) => (run.length === 0 || run.some((p) => matchesId(p, s.id))) && !skip.some((p) => matchesId(p, s.id)));
}
