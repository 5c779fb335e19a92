/**
 * Inside conformance/, imports point down too. From the bottom: report/ is
 * the result model and its formats (it needs only src/); model/ is what a
 * scenario, a failure and a usage error are; profile/ describes the switch;
 * rules/ judges each received message and says whose it is; message-path/
 * carries a frame from the transport through framing, decoding and the record
 * to the rules and the scenario; control/ drives a pair; scenarios/ are the
 * checks, written against the model; targets/ open sessions on servers and
 * bridges; runner/ selects, runs and aggregates; library/ runs the client
 * library suite on top of the runner. index.ts at the root is the public entry
 * and may reach every folder; no other file lives at the root. Nothing
 * inside the package imports the package's own entry (src/index.ts): each
 * import names the module that defines what it takes.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { crossFolderImports, cycleIn, importersOf, type FolderImport, type FolderRules, violations } from './folder-rules.js';

const CONFORMANCE = fileURLToPath(new URL('../../conformance', import.meta.url));
const BARREL = fileURLToPath(new URL('../../src/index.js', import.meta.url));

const BELOW_RUNNER = ['targets', 'control', 'message-path', 'rules', 'profile', 'model', 'report'];
const CONFORMANCE_MAY_IMPORT: FolderRules = {
  report: [],
  model: ['report'],
  profile: ['model'],
  rules: ['model', 'report'],
  'message-path': ['rules', 'model', 'report'],
  control: ['message-path', 'model', 'report'],
  scenarios: ['message-path', 'rules', 'model', 'report'],
  targets: ['control', 'message-path', 'rules', 'profile', 'model', 'report'],
  runner: BELOW_RUNNER,
  library: ['runner', ...BELOW_RUNNER],
  '': ['library', 'runner', 'scenarios', ...BELOW_RUNNER],
};

describe('conformance/ folders import downwards', () => {
  it('every folder has a rule, and index.ts is the only file at the root', () => {
    const entries = readdirSync(CONFORMANCE, { withFileTypes: true });
    const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => !Object.hasOwn(CONFORMANCE_MAY_IMPORT, f))).toEqual([]);
    expect(entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => e.name)).toEqual(['index.ts']);
  });

  it('the rules allow no cycle between folders', () => {
    expect(cycleIn(CONFORMANCE_MAY_IMPORT)).toBeUndefined();
  });

  it('no file imports a folder its own folder may not', () => {
    const imports = crossFolderImports(CONFORMANCE);
    expect(imports.length).toBeGreaterThan(50);
    expect(violations(CONFORMANCE_MAY_IMPORT, imports)).toEqual([]);
  });

  it('no file imports src/ through the package entry', () => {
    expect(importersOf(CONFORMANCE, BARREL)).toEqual([]);
    expect(importersOf(fileURLToPath(new URL('../../cli', import.meta.url)), BARREL)).toEqual([]);
  });
});

describe('the folder rules can fail', () => {
  const rules: FolderRules = { model: [], runner: ['model'] };
  const upward: FolderImport = { file: 'model/scenario.ts', specifier: '../runner/engine.js', from: 'model', to: 'runner' };
  const downward: FolderImport = { file: 'runner/engine.ts', specifier: '../model/scenario.js', from: 'runner', to: 'model' };

  it('reports an upward import and passes a downward one', () => {
    expect(violations(rules, [downward])).toEqual([]);
    expect(violations(rules, [upward, downward])).toEqual(['model/scenario.ts imports ../runner/engine.js: model may not import runner']);
  });

  it('reports an import from a folder without a rule', () => {
    expect(violations(rules, [{ file: 'extra/x.ts', specifier: '../model/a.js', from: 'extra', to: 'model' }])).toEqual(['extra/x.ts imports ../model/a.js: folder extra has no rule']);
  });

  it('finds a cycle the rules would allow', () => {
    expect(cycleIn(rules)).toBeUndefined();
    expect(cycleIn({ model: ['report'], report: ['rules'], rules: ['model'] })).toEqual(['model', 'report', 'rules', 'model']);
  });

  it('sees an import of the package entry, and not one of another module', () => {
    const tree = mkdtempSync(path.join(tmpdir(), 'barrel-'));
    try {
      mkdirSync(path.join(tree, 'layer', 'sub'), { recursive: true });
      writeFileSync(path.join(tree, 'layer', 'sub', 'through.ts'), "import { encode } from '../../index.js';\n");
      writeFileSync(path.join(tree, 'layer', 'direct.ts'), "import { encode } from '../codec/encode.js';\n");
      expect(importersOf(path.join(tree, 'layer'), path.join(tree, 'index.js'))).toEqual([path.join('sub', 'through.ts')]);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it('names a rule like "constructor" without reaching Object.prototype', () => {
    expect(violations(rules, [{ file: 'constructor/x.ts', specifier: '../model/a.js', from: 'constructor', to: 'model' }])).toHaveLength(1);
    expect(cycleIn({ a: ['constructor'] })).toBeUndefined();
  });
});
