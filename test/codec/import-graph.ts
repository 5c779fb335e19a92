/**
 * The static import graph of a built ES module, read with TypeScript's own
 * pre-processor (which also sees `export ... from`, side-effect imports and
 * dynamic `import()`), so no regular expression can miss a form.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ImportGraph {
  /** Every file reached, absolute paths. */
  files: string[];
  /** Specifiers that leave the root directory: bare packages, node: modules, paths outside it. */
  outside: Array<{ from: string; specifier: string }>;
}

export function specifiersOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

export function walkImports(entry: string, root: string): ImportGraph {
  const seen = new Set<string>();
  const outside: ImportGraph['outside'] = [];
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of specifiersOf(readFileSync(file, 'utf8'))) {
      const target = specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : undefined;
      if (target === undefined || !target.startsWith(root + path.sep)) outside.push({ from: path.relative(root, file), specifier });
      else queue.push(target);
    }
  }
  return { files: [...seen].sort(), outside };
}
