/**
 * Picking scenarios by id, prefix or glob (`--run`, `--skip`, the known
 * lists). Ids are /-separated paths. A pattern is a glob where `*` and `?`
 * stay within one segment and `**` crosses segments, and it selects the ids
 * it matches AND everything under them: "ack", "ack/" and "ack/*" all
 * select every scenario under ack/, as a path glob in a shell would suggest
 * (before, "ack/*" matched only ids with exactly one segment after ack/).
 */
import { ConformanceUsageError } from './usage-error.js';

export function matchesId(pattern: string, id: string): boolean {
  if (pattern === id) return true;
  const trimmed = pattern.endsWith('/') ? pattern.slice(0, -1) : pattern;
  if (!/[*?]/.test(trimmed)) return id === trimmed || id.startsWith(`${trimmed}/`);
  const re = globToRegExp(trimmed);
  // The id itself, then each of its parents: "ack/*" matches "ack/user-event", so it selects what lies under it.
  for (let end = id.length; end > 0; end = id.lastIndexOf('/', end - 1)) {
    if (re.test(id.slice(0, end))) return true;
  }
  return false;
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
