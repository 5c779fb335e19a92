/**
 * No dead exports in the shipped layers (src/, fuzz/, load/, cli/): every name
 * a module exports is imported somewhere in the tree, or the module is a
 * public entry point (its exports are the package's API). Read with
 * TypeScript's parser, so re-exports, `import type` and `import()` all count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCANNED = ['src', 'conformance', 'fuzz', 'load', 'cli', 'test', 'scripts', 'bench', 'examples', 'bin'];
const CHECKED = /^(src|fuzz|load|cli)\//;
const GENERATED = /\/generated\//;
/** The package's entry points (package.json "exports"): what they export is API. */
const ENTRY_POINTS = new Set(['src/index.ts', 'src/validate/index.ts', 'src/client/index.ts', 'src/sim/index.ts', 'conformance/index.ts']);
/** Every name of a module counts as used. */
const ALL = '*';

const files = SCANNED.flatMap((dir) =>
  (readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => /\.(ts|mts|mjs|js)$/.test(f) && !f.endsWith('.d.ts') && !f.split(path.sep).includes('node_modules'))
    .map((f) => path.join(dir, f).split(path.sep).join('/')),
);
const known = new Set(files);

/** The tree's file a relative specifier names (`.js` written for a `.ts` source), if any. */
function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  return [base, base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), `${base}.ts`, `${base}/index.ts`].find((f) => known.has(f));
}

const used = new Map<string, Set<string>>();
const exported = new Map<string, string[]>();

function use(from: string, specifier: ts.Expression | undefined, names: readonly string[]): void {
  if (!specifier || !ts.isStringLiteral(specifier)) return;
  const target = resolve(from, specifier.text);
  if (target === undefined) return;
  const set = used.get(target) ?? new Set<string>();
  for (const n of names) set.add(n);
  used.set(target, set);
}

function hasExport(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

for (const file of files) {
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const own: string[] = [];
  for (const s of source.statements) {
    if (ts.isImportDeclaration(s)) {
      const clause = s.importClause;
      const bindings = clause?.namedBindings;
      const names = [
        ...(clause?.name ? ['default'] : []),
        ...(bindings && ts.isNamespaceImport(bindings) ? [ALL] : []),
        ...(bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => (e.propertyName ?? e.name).text) : []),
      ];
      use(file, s.moduleSpecifier, clause ? names : [ALL]);
    } else if (ts.isExportDeclaration(s)) {
      const clause = s.exportClause;
      if (s.moduleSpecifier) use(file, s.moduleSpecifier, clause && ts.isNamedExports(clause) ? clause.elements.map((e) => (e.propertyName ?? e.name).text) : [ALL]);
      if (clause && ts.isNamedExports(clause)) own.push(...clause.elements.map((e) => e.name.text));
    } else if (hasExport(s)) {
      if (ts.isVariableStatement(s)) own.push(...s.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : [])));
      else if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s) || ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s) || ts.isEnumDeclaration(s)) && s.name) own.push(s.name.text);
    }
  }
  // import('x') in code or in a type: the whole module.
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) use(file, node.arguments[0], [ALL]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) use(file, node.argument.literal as ts.Expression, [ALL]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  exported.set(file, own);
}

describe('exports', () => {
  it('every export of src/, fuzz/, load/ and cli/ is imported somewhere, entry points aside', () => {
    const dead: string[] = [];
    for (const [file, names] of exported) {
      if (!CHECKED.test(file) || GENERATED.test(file) || ENTRY_POINTS.has(file)) continue;
      const set = used.get(file) ?? new Set<string>();
      if (set.has(ALL)) continue;
      for (const n of names) if (!set.has(n)) dead.push(`${file}: ${n}`);
    }
    expect(exported.size).toBeGreaterThan(300);
    expect(dead).toEqual([]);
  });
});
