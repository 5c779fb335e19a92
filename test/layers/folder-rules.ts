/**
 * Import rules between the folders of one layer, as data and two pure
 * functions, so the layer test can be shown failing on a made-up graph
 * before it is trusted on the real one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { specifiersOf } from '../codec/import-graph.js';

/** For each folder, the other folders of the same layer its files may import from. */
export type FolderRules = Readonly<Record<string, readonly string[]>>;

/** One import from a file in one folder to a file in another. */
export interface FolderImport {
  /** The importing file, relative to the layer's root. */
  file: string;
  specifier: string;
  from: string;
  to: string;
}

/** The folder a path relative to the layer's root is in; '' for a file at the root. */
export function folderOf(relative: string): string {
  const parts = relative.split(/[\\/]/);
  return parts.length > 1 ? parts[0]! : '';
}

/** The layer's sources (tests and declarations aside), relative to its root. */
export function sourcesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
}

/** The sources under root that import `file` (an absolute path, with its .js ending as imports name it). */
export function importersOf(root: string, file: string): string[] {
  return sourcesUnder(root).filter((f) => specifiersOf(readFileSync(path.join(root, f), 'utf8')).some((s) => s.startsWith('.') && path.resolve(root, path.dirname(f), s) === file));
}

/** Every relative import of the layer's sources that crosses from one of its folders into another. */
export function crossFolderImports(root: string): FolderImport[] {
  const found: FolderImport[] = [];
  for (const file of sourcesUnder(root)) {
    for (const specifier of specifiersOf(readFileSync(path.join(root, file), 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const target = path.relative(root, path.resolve(root, path.dirname(file), specifier));
      if (target.startsWith('..')) continue;
      const from = folderOf(file);
      const to = folderOf(target);
      if (from !== to) found.push({ file, specifier, from, to });
    }
  }
  return found;
}

/** The imports the rules do not allow, as sentences; a folder the rules do not name may import nothing. */
export function violations(rules: FolderRules, imports: readonly FolderImport[]): string[] {
  return imports
    .filter(({ from, to }) => !Object.hasOwn(rules, from) || !rules[from]!.includes(to))
    .map(({ file, specifier, from, to }) =>
      Object.hasOwn(rules, from) ? `${file} imports ${specifier}: ${from || 'the root'} may not import ${to || 'the root'}` : `${file} imports ${specifier}: folder ${from} has no rule`,
    );
}

/** A cycle the rules allow (folder names, first repeated at the end), or undefined when they point one way. */
export function cycleIn(rules: FolderRules): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (folder: string): string[] | undefined => {
    if (state.get(folder) === 'done') return undefined;
    if (state.get(folder) === 'open') return [...stack.slice(stack.indexOf(folder)), folder];
    state.set(folder, 'open');
    stack.push(folder);
    for (const next of Object.hasOwn(rules, folder) ? rules[folder]! : []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(folder, 'done');
    return undefined;
  };
  for (const folder of Object.keys(rules)) {
    const cycle = visit(folder);
    if (cycle) return cycle;
  }
  return undefined;
}
