/**
 * `tlib-kit fuzz`: the property-based fuzzer (fuzz/) under a time budget.
 * fast-check is a devDependency, so it and the fuzz modules are imported
 * only when the command runs, with a clear message when they are missing.
 */
import { resolve } from 'node:path';
import type { Command } from '../commander.js';

interface FuzzCliOptions {
  time: string;
  seed?: string;
  path?: string;
  property?: string[];
  list?: boolean;
  corpus: string;
  reportEvery: string;
}

class FuzzOptionError extends Error {}

function fail(message: string): never {
  throw new FuzzOptionError(`tlib-kit fuzz: ${message}`);
}

function parseOptions(o: FuzzCliOptions) {
  const time = Number(o.time);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(o.time) || !(time > 0)) fail(`--time must be a positive number of seconds, got ${JSON.stringify(o.time)}`);
  let seed: number | undefined;
  if (o.seed !== undefined) {
    seed = Number(o.seed);
    if (!/^-?\d+$/.test(o.seed) || seed < -0x80000000 || seed > 0x7fffffff) fail(`--seed must be an integer from -2147483648 to 2147483647, got ${JSON.stringify(o.seed)}`);
  }
  if (o.path !== undefined) {
    if (!/^\d+(:\d+)*$/.test(o.path)) fail(`--path must be a fast-check path like 12:0:3, got ${JSON.stringify(o.path)}`);
    if (seed === undefined || (o.property ?? []).length !== 1) fail('--path replays one failure: give it with --seed and exactly one --property');
  }
  const reportEvery = Number(o.reportEvery);
  if (!(reportEvery >= 0)) fail(`--report-every must be a number of seconds (0 for none), got ${JSON.stringify(o.reportEvery)}`);
  const names = (o.property ?? []).flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean);
  return { time, seed, path: o.path, names, corpus: resolve(o.corpus), reportEveryMs: reportEvery * 1000 };
}

export function registerFuzz(program: Command): void {
  program
    .command('fuzz')
    .description('run the fuzz properties (codec, schemas, live simulator) with random seeds under a time budget')
    .option('--time <seconds>', 'time budget in seconds', '60')
    .option('--seed <n>', 'base seed (default: random); with --path, the seed of one failure')
    .option('--path <path>', 'replay one failure: the path printed with it (needs --seed and --property)')
    .option('--property <name>', 'run only this property (repeatable, or comma-separated)', (v: string, acc: string[] = []) => [...acc, v])
    .option('--list', 'list the properties and exit')
    .option('--corpus <dir>', 'where failing inputs are saved', 'fuzz/corpus')
    .option('--report-every <seconds>', 'progress line interval (0: none)', '10')
    .action(async (raw: FuzzCliOptions) => {
      const write = (line: string) => process.stdout.write(`${line}\n`);
      let o: ReturnType<typeof parseOptions>;
      try {
        o = parseOptions(raw);
      } catch (e) {
        if (!(e instanceof FuzzOptionError)) throw e;
        process.stderr.write(`${e.message}\n`);
        process.exitCode = 2;
        return;
      }
      let fuzz: FuzzModules;
      try {
        fuzz = await loadFuzzModules();
      } catch (e) {
        // From an npm install both fuzz/ and its devDependencies are absent; the cause names which.
        process.stderr.write(`tlib-kit fuzz: the fuzzer runs only in a checkout of tlib-kit after \`npm install\` (fuzz/ and its development dependencies fast-check and binary-parser are not in the npm package): ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 2;
        return;
      }
      const { ALL_PROPERTIES, runFuzz, formatSummary } = fuzz;
      if (raw.list) {
        for (const p of ALL_PROPERTIES) write(`${p.name.padEnd(24)} ${p.summary}`);
        return;
      }
      const unknown = o.names.filter((n) => !ALL_PROPERTIES.some((p) => p.name === n));
      if (unknown.length > 0) {
        process.stderr.write(`tlib-kit fuzz: --property ${unknown.join(', ')} is not a property (see --list)\n`);
        process.exitCode = 2;
        return;
      }
      const properties = o.names.length > 0 ? ALL_PROPERTIES.filter((p) => o.names.includes(p.name)) : ALL_PROPERTIES;
      const summary = await runFuzz({ properties, timeSeconds: o.time, seed: o.seed, path: o.path, corpusDir: o.corpus, reportEveryMs: o.reportEveryMs, out: write });
      for (const line of formatSummary(summary)) write(line);
      if (summary.failures.length > 0) process.exitCode = 1;
    });
}

type FuzzModules = typeof import('../../fuzz/properties/index.js') & typeof import('../../fuzz/runner.js');

async function loadFuzzModules(): Promise<FuzzModules> {
  const [properties, runner] = await Promise.all([import('../../fuzz/properties/index.js'), import('../../fuzz/runner.js')]);
  return { ...properties, ...runner };
}

