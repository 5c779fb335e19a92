/**
 * Inside src/, imports point down too. At the bottom, importing nothing else
 * of src/: reference/ (sentence ids), wire/ (bytes: readers, writers, UTF-8,
 * and the error type every layer raises), registry.ts (numbers and names, as
 * data) and util/. The codec reads the registry and writes through wire/;
 * backup-reference.ts reads a decoded message's UserData; validate/ judges
 * decoded messages. client/ and sim/ stand side by side on top, and neither
 * imports the other: a client that needs the simulator, or a simulator that
 * needs the client, has lost the line between what is tested and what tests.
 * index.ts is the codec entry and reaches only the codec, wire/ and the
 * registry, so it stays free of the client and the simulator. A file at the
 * root of src/ is a unit of its own, named without its extension.
 * Nothing in src/, fuzz/ or load/ imports the package's own entry
 * (src/index.ts): each import names the module that defines what it takes.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { crossFolderImports, cycleIn, folderOrRootFileOf, importersOf, type FolderImport, type FolderRules, violations } from './folder-rules.js';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const BARREL = fileURLToPath(new URL('../../src/index.js', import.meta.url));
/** conformance/ and cli/ are held to the same in conformance-folders.test.ts. */
const INSIDE = ['src', 'fuzz', 'load'];

const BELOW_VALIDATE = ['codec', 'registry', 'wire', 'reference', 'util'];
const SRC_MAY_IMPORT: FolderRules = {
  reference: [],
  wire: [],
  registry: [],
  util: [],
  codec: ['registry', 'wire'],
  'backup-reference': ['codec', 'registry', 'wire'],
  validate: BELOW_VALIDATE,
  sim: ['validate', ...BELOW_VALIDATE],
  client: ['validate', 'backup-reference', ...BELOW_VALIDATE],
  index: ['codec', 'registry', 'wire'],
};

describe('src/ folders import downwards', () => {
  it('every folder and every file at the root has a rule', () => {
    const units = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory() || e.name.endsWith('.ts'))
      .map((e) => (e.isDirectory() ? e.name : folderOrRootFileOf(e.name)));
    expect(units.length).toBeGreaterThan(5);
    expect(units.filter((u) => !Object.hasOwn(SRC_MAY_IMPORT, u))).toEqual([]);
  });

  it('the rules allow no cycle, and neither of client and sim may import the other', () => {
    expect(cycleIn(SRC_MAY_IMPORT)).toBeUndefined();
    expect(SRC_MAY_IMPORT.client).not.toContain('sim');
    expect(SRC_MAY_IMPORT.sim).not.toContain('client');
  });

  it('no file imports a unit its own unit may not', () => {
    const imports = crossFolderImports(SRC, folderOrRootFileOf);
    expect(imports.length).toBeGreaterThan(50);
    expect(violations(SRC_MAY_IMPORT, imports)).toEqual([]);
  });

  it('no file inside the package imports the package entry src/index.ts', () => {
    for (const layer of INSIDE) {
      expect(importersOf(fileURLToPath(new URL(`../../${layer}`, import.meta.url)), BARREL), layer).toEqual([]);
    }
  });
});

describe('the src/ rules can fail', () => {
  const made = (file: string, specifier: string, from: string, to: string): FolderImport => ({ file, specifier, from, to });

  it('reports wire reaching the codec, the client reaching the simulator, and the entry reaching the client', () => {
    const imports = [
      made('wire/binary-reader.ts', '../codec/errors.js', 'wire', 'codec'),
      made('client/client.ts', '../sim/defects/index.js', 'client', 'sim'),
      made('sim/session.ts', '../client/connection.js', 'sim', 'client'),
      made('index.ts', './client/index.js', 'index', 'client'),
      made('codec/decode.ts', '../wire/binary-reader.js', 'codec', 'wire'),
    ];
    expect(violations(SRC_MAY_IMPORT, imports)).toEqual([
      'wire/binary-reader.ts imports ../codec/errors.js: wire may not import codec',
      'client/client.ts imports ../sim/defects/index.js: client may not import sim',
      'sim/session.ts imports ../client/connection.js: sim may not import client',
      'index.ts imports ./client/index.js: index may not import client',
    ]);
  });

  it('finds those imports in a tree, with a root file as a unit of its own', () => {
    const tree = mkdtempSync(path.join(tmpdir(), 'src-layers-'));
    try {
      for (const folder of ['wire', 'codec', 'client']) mkdirSync(path.join(tree, folder));
      writeFileSync(path.join(tree, 'wire', 'binary-reader.ts'), "import { decodeError } from '../codec/errors.js';\n");
      writeFileSync(path.join(tree, 'codec', 'decode.ts'), "import { BinaryReader } from '../wire/binary-reader.js';\nimport { MESSAGES } from '../registry.js';\n");
      writeFileSync(path.join(tree, 'registry.ts'), "import { encode } from './codec/encode.js';\n");
      writeFileSync(path.join(tree, 'client', 'connection.ts'), "import { decode } from '../index.js';\n");
      const imports = crossFolderImports(tree, folderOrRootFileOf);
      expect(violations(SRC_MAY_IMPORT, imports).sort()).toEqual([
        'client/connection.ts imports ../index.js: client may not import index',
        'registry.ts imports ./codec/encode.js: registry may not import codec',
        `${path.join('wire', 'binary-reader.ts')} imports ../codec/errors.js: wire may not import codec`,
      ].sort());
      expect(importersOf(tree, path.join(tree, 'index.js'))).toEqual([path.join('client', 'connection.ts')]);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it('names a root file by its name and a folder by the folder', () => {
    expect(folderOrRootFileOf('registry.ts')).toBe('registry');
    expect(folderOrRootFileOf(path.join('codec', 'generated', 'message-types.ts'))).toBe('codec');
  });
});
