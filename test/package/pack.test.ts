/**
 * The package as npm publishes it: `npm pack` (npm test has built dist/),
 * installed alone into a consumer (no dependency comes with it). Its export map must resolve, the
 * code behind every subpath must run, and the published .d.ts files must
 * type-check a consumer with NodeNext resolution and skipLibCheck off.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { specifiersOf } from '../codec/import-graph.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const REPO_MODULES = join(ROOT, 'node_modules');
let consumer: string;
let installLog: string;

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  consumer = mkdtempSync(join(tmpdir(), 'tlib-kit-consumer-'));
  const packed = join(consumer, 'packed');
  mkdirSync(packed);
  // --ignore-scripts: `prepack` would build again; npm test built dist/ already.
  run('npm', ['pack', '--ignore-scripts', '--pack-destination', packed], ROOT);
  const tarball = readdirSync(packed).find((f) => f.endsWith('.tgz'))!;
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module', private: true }));
  // A real install of the tarball and nothing else: --offline, so any dependency it declared would fail to resolve.
  installLog = run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--foreground-scripts', join(packed, tarball)], consumer);
  // The consumer's own dev dependency for the type check below, not the package's.
  mkdirSync(join(consumer, 'node_modules', '@types'));
  symlinkSync(join(REPO_MODULES, '@types', 'node'), join(consumer, 'node_modules', '@types', 'node'));
}, 60_000);

describe('the published package', () => {
  it('ships the built code and the spec, not the tests, sources or fuzzer', () => {
    const files = run('tar', ['-tzf', join(consumer, 'packed', readdirSync(join(consumer, 'packed'))[0]!)], consumer).split('\n');
    expect(files).toContain('package/dist/src/index.js');
    expect(files).toContain('package/dist/src/index.d.ts');
    expect(files).toContain('package/spec/wire-format.md');
    expect(files).toContain('package/examples/pipe-bridge.mjs');
    expect(files).toContain('package/LICENSE');
    expect(files).toContain('package/CHANGELOG.md');
    expect(files.some((f) => f.startsWith('package/spec/events/'))).toBe(true);
    expect(files.filter((f) => /^package\/(src|test|fuzz|dist\/fuzz|bench)\//.test(f))).toEqual([]);
  });

  it('installs alone: no dependency, no install script, nothing but tlib-kit in node_modules', () => {
    expect(readdirSync(join(consumer, 'node_modules')).filter((d) => !d.startsWith('.') && d !== '@types')).toEqual(['tlib-kit']);
    const manifest = JSON.parse(readFileSync(join(consumer, 'node_modules', 'tlib-kit', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.peerDependencies).toBeUndefined();
    expect(installLog).toMatch(/added 1 package/);
  });

  it('every module it ships imports only its own files and node: modules (commander is bundled into the CLI)', () => {
    const dist = join(consumer, 'node_modules', 'tlib-kit', 'dist');
    const files = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.js'));
    expect(files).toContain(join('cli', 'commander.js'));
    const packages = files.flatMap((f) => specifiersOf(readFileSync(join(dist, f), 'utf8')).filter((s) => !s.startsWith('.') && !s.startsWith('node:')).map((s) => `${f}: ${s}`));
    expect(packages).toEqual([]);
  });

  it('says where it lives and runs no install script in a consumer', () => {
    const manifest = JSON.parse(readFileSync(join(consumer, 'node_modules', 'tlib-kit', 'package.json'), 'utf8')) as Record<string, any>;
    expect(manifest.repository.url).toBe('git+https://github.com/tlib-kit/tlib-kit.git');
    expect(manifest.bugs.url).toBe('https://github.com/tlib-kit/tlib-kit/issues');
    expect(manifest.homepage).toMatch(/^https:\/\/github\.com\/tlib-kit\/tlib-kit/);
    expect(readFileSync(join(consumer, 'node_modules', 'tlib-kit', 'LICENSE'), 'utf8')).toMatch(new RegExp(`^${manifest.license} License`));
    expect(Object.keys(manifest.scripts).filter((s) => /^(pre|post)?install$|^prepare$/.test(s))).toEqual([]);
  });

  it('every subpath of the export map loads and works from a consumer', () => {
    writeFileSync(
      join(consumer, 'use.mjs'),
      `import { encode, decode, toJSON } from 'tlib-kit';
import { validate } from 'tlib-kit/validate';
import { TClient } from 'tlib-kit/client';
import { startSimulator } from 'tlib-kit/sim';
import * as conformance from 'tlib-kit/conformance';
const m = decode(encode({ Event: 'EventUserEvent', ReferenceID: 1, ThisDN: '7001', UserData: [['k', 'v']] }));
console.log(JSON.stringify({ event: toJSON(m).Event, violations: validate(m).map((v) => v.rule), client: typeof TClient, sim: typeof startSimulator, conformance: Object.keys(conformance).length > 0 }));
`,
    );
    const out = JSON.parse(run(process.execPath, ['use.mjs'], consumer)) as Record<string, unknown>;
    expect(out).toEqual({ event: 'EventUserEvent', violations: ['EventUserEvent/time/mandatory'], client: 'function', sim: 'function', conformance: true });
  });

  it('the installed CLI runs, and its fuzz command says plainly that the fuzzer ships only in a checkout', () => {
    const bin = join(consumer, 'node_modules', 'tlib-kit', 'dist', 'cli', 'main.js');
    expect(run(process.execPath, [bin, 'conform', '--list'], consumer)).toMatch(/^ack\//m);
    const fuzz = spawnSync(process.execPath, [bin, 'fuzz', '--list'], { cwd: consumer, encoding: 'utf8' });
    expect(fuzz.status).toBe(2);
    expect(fuzz.stderr).toMatch(/^tlib-kit fuzz: the fuzzer runs only in a checkout of tlib-kit after `npm install`/);
    expect(fuzz.stderr).toMatch(/Cannot find module '[^']*\/fuzz\//);
    expect(fuzz.stderr).not.toMatch(/^\s+at /m);
  });

  it('the published types check a TypeScript consumer (NodeNext, skipLibCheck off)', () => {
    writeFileSync(
      join(consumer, 'use.ts'),
      `import { encode, decode, type EventACK, type Message } from 'tlib-kit';
import { validate } from 'tlib-kit/validate';
const m: Message = { Event: 'EventACK', ReferenceID: 7 };
const bytes: Uint8Array = encode(m);
const back = decode(bytes);
const n: number = validate(back).length;
// @ts-expect-error an Event name the registry does not know is a type error
const bad: Message = { Event: 'EventNoSuchThing' };
const ack: EventACK = { Event: 'EventACK', ReferenceID: 7, time: { seconds: 1, microseconds: 0 } };
// @ts-expect-error EventACK's ReferenceID is Mandatory
const partial: EventACK = { Event: 'EventACK', time: { seconds: 1, microseconds: 0 } };
const sent: Uint8Array = encode(ack);
export { n, bad, partial, sent };
`,
    );
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2024'], strict: true, noEmit: true, skipLibCheck: false, types: ['node'] }, files: ['use.ts'] }),
    );
    const tsc = join(REPO_MODULES, 'typescript', 'bin', 'tsc');
    let output = '';
    try {
      output = run(process.execPath, [tsc, '-p', 'tsconfig.json'], consumer);
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe('');
  }, 60_000);
});
