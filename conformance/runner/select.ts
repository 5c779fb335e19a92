/**
 * Picking scenarios by id, prefix or glob (`--run`, `--skip`, the known
 * lists). Ids are /-separated paths. A pattern is a glob where `*` and `?`
 * stay within one segment and `**` crosses segments, and it selects the ids
 * it matches AND everything under them: "ack", "ack/" and "ack/*" all
 * select every scenario under ack/, as a path glob in a shell would suggest
 * (before, "ack/*" matched only ids with exactly one segment after ack/).
 */
import { ConformanceUsageError } from '../model/usage-error.js';

export function matchesId(pattern: string, id: string): boolean {
  if (pattern === id) return true;
  const trimmed = pattern.endsWith('/') ? pattern.slice(0, -1) : pattern;
  if (!/[*?]/.test(trimmed)) return id === trimmed || id.startsWith(`${trimmed}/`);
  return compileGlob(trimmed).selects(id);
}

type Token = { kind: 'char'; c: string } | { kind: 'one' } | { kind: 'star' } | { kind: 'globstar' };

export interface Glob {
  /** The whole id matches. */
  matches(id: string): boolean;
  /** The id or one of its parents matches ("ack/*" selects ack/user-event/reference-id). */
  selects(id: string): boolean;
}

/**
 * A glob run as a set of positions in the pattern, one id character at a
 * time: no back-tracking, so a pattern like "**?**?**?**q" costs
 * pattern length x id length, never exponential time.
 */
export function compileGlob(glob: string): Glob {
  const tokens: Token[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      tokens.push({ kind: 'globstar' });
      i++;
    } else if (c === '*') tokens.push({ kind: 'star' });
    else if (c === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', c });
  }
  const end = tokens.length;
  // Stars match nothing too: a position on a star also stands on the next one.
  const close = (states: Uint8Array): Uint8Array => {
    for (let i = 0; i < end; i++) if (states[i] && tokens[i]!.kind !== 'char' && tokens[i]!.kind !== 'one') states[i + 1] = 1;
    return states;
  };
  const run = (id: string, atParents: boolean): boolean => {
    const start = new Uint8Array(end + 1);
    start[0] = 1;
    let states = close(start);
    for (const c of id) {
      if (atParents && c === '/' && states[end]) return true;
      const next = new Uint8Array(end + 1);
      let any = false;
      for (let i = 0; i < end; i++) {
        if (!states[i]) continue;
        const t = tokens[i]!;
        if ((t.kind === 'char' && t.c === c) || (t.kind === 'one' && c !== '/')) next[i + 1] = 1;
        else if ((t.kind === 'star' && c !== '/') || t.kind === 'globstar') next[i] = 1;
        else continue;
        any = true;
      }
      if (!any) return false;
      states = close(next);
    }
    return states[end] === 1;
  };
  return { matches: (id) => run(id, false), selects: (id) => run(id, true) };
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
