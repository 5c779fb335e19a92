/**
 * `npm run bench`: tlib-kit's codec against its peers on the same messages,
 * in one Node process. Flags: --quick (short run), --json <file> (results),
 * --only <codec|stream|fanout> (one part).
 *
 * Peers:
 *  - JSON: JSON.stringify + TextEncoder.encode / TextDecoder.decode + JSON.parse
 *  - msgpackr: new Packr({ useRecords: false }), i.e. standard MessagePack
 *    maps, as installed: its string extraction runs natively, because npm
 *    installs the prebuilt @msgpackr-extract/msgpackr-extract-<platform>
 *    package (no install script needed), and `msgpackr` loads it.
 *  - msgpackr-js: the same options on msgpackr's own pure-JS build
 *    (msgpackr/index-no-eval, a separate module instance that never loads
 *    the native extractor): what runs where the prebuilt binary is missing.
 *  - binary-parser: a grammar of our own wire format (decode only).
 * Every decoder's result is walked deeply by the same function (harness.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { isNativeAccelerationEnabled, Packr } from 'msgpackr';
import { decode, encode, type Message } from '../src/index.js';
import { frameParser } from './binary-parser-grammar.js';
import { consume, measureGroup, walk, type Case, type HarnessOptions } from './harness.js';
import { SHAPES } from './shapes.js';
import { runStream } from './stream.js';
import { runFanout } from './fanout.js';

const USAGE = `usage: npm run bench -- [--quick] [--json <file>] [--only <codec|stream|fanout>]
  --quick          short rounds (a smoke run; numbers are noisier)
  --json <file>    also write the results as JSON
  --only <part>    run one part: codec (the table), stream, or fanout`;

function parseFlags(): { quick: boolean; jsonFile?: string; only?: 'codec' | 'stream' | 'fanout' } {
  try {
    const { values } = parseArgs({
      options: { quick: { type: 'boolean' }, json: { type: 'string' }, only: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    if (values.only !== undefined && !['codec', 'stream', 'fanout'].includes(values.only)) throw new Error(`--only must be codec, stream or fanout, not "${values.only}"`);
    return { quick: values.quick ?? false, jsonFile: values.json, only: values.only as 'codec' | 'stream' | 'fanout' | undefined };
  } catch (e) {
    console.error(`bench: ${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const { quick, jsonFile, only } = parseFlags();

const opts: HarnessOptions = quick ? { batchMs: 15, rounds: 5, warmupMs: 100 } : { batchMs: 40, rounds: 15, warmupMs: 500 };

const packr = new Packr({ useRecords: false });
const PackrJs = (createRequire(import.meta.url)('msgpackr/index-no-eval') as { Packr: typeof Packr }).Packr;
const packrJs = new PackrJs({ useRecords: false });
const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

interface Row {
  shape: string;
  op: 'encode' | 'decode';
  contender: string;
  bytes: number;
  opsPerSec: number;
  mbPerSec: number;
}

function codecPart(): Row[] {
  const rows: Row[] = [];
  for (const shape of SHAPES) {
    const m: Message = shape.message;
    const ours = encode(m);
    const json = textEncoder.encode(JSON.stringify(m));
    const mp = packr.pack(m);
    const mpJs = packrJs.pack(m);
    // Sanity: every contender must reproduce the message before it is timed.
    const same = (x: unknown) => isDeepStrictEqual(x, m);
    if (!same(decode(ours)) || !same(JSON.parse(textDecoder.decode(json))) || !same(packr.unpack(mp)) || !same(packrJs.unpack(mpJs))) {
      throw new Error(`${shape.name}: a contender does not round-trip`);
    }
    frameParser.parse(ours);

    const enc: Case[] = [
      { id: 'tlib-kit', run: (n) => { for (let i = 0; i < n; i++) consume(encode(m).length); } },
      { id: 'JSON', run: (n) => { for (let i = 0; i < n; i++) consume(textEncoder.encode(JSON.stringify(m)).length); } },
      { id: 'msgpackr', run: (n) => { for (let i = 0; i < n; i++) consume(packr.pack(m).length); } },
      { id: 'msgpackr-js', run: (n) => { for (let i = 0; i < n; i++) consume(packrJs.pack(m).length); } },
    ];
    const dec: Case[] = [
      { id: 'tlib-kit', run: (n) => { for (let i = 0; i < n; i++) consume(walk(decode(ours))); } },
      { id: 'JSON', run: (n) => { for (let i = 0; i < n; i++) consume(walk(JSON.parse(textDecoder.decode(json)))); } },
      { id: 'msgpackr', run: (n) => { for (let i = 0; i < n; i++) consume(walk(packr.unpack(mp))); } },
      { id: 'msgpackr-js', run: (n) => { for (let i = 0; i < n; i++) consume(walk(packrJs.unpack(mpJs))); } },
      { id: 'binary-parser', run: (n) => { for (let i = 0; i < n; i++) consume(walk(frameParser.parse(ours))); } },
    ];
    const size: Record<string, number> = { 'tlib-kit': ours.length, JSON: json.length, msgpackr: mp.length, 'msgpackr-js': mpJs.length, 'binary-parser': ours.length };
    for (const [op, cases] of [['encode', enc], ['decode', dec]] as const) {
      for (const t of measureGroup(cases, opts)) {
        const bytes = size[t.id]!;
        rows.push({ shape: shape.name, op, contender: t.id, bytes, opsPerSec: t.opsPerSec, mbPerSec: (t.opsPerSec * bytes) / 1e6 });
      }
    }
    printShape(rows.filter((r) => r.shape === shape.name));
  }
  return rows;
}

function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1);
}

function printShape(rows: Row[]): void {
  console.log(`\n${rows[0]!.shape}`);
  console.log(`  ${'op'.padEnd(7)}${'contender'.padEnd(15)}${'ops/s'.padStart(12)}${'MB/s'.padStart(9)}${'bytes'.padStart(7)}   tlib-kit is`);
  for (const r of rows) {
    const ourRow = rows.find((x) => x.op === r.op && x.contender === 'tlib-kit')!;
    const ratio = r.contender === 'tlib-kit' ? '' : `${(ourRow.opsPerSec / r.opsPerSec).toFixed(2)}x`;
    console.log(`  ${r.op.padEnd(7)}${r.contender.padEnd(15)}${fmt(r.opsPerSec).padStart(12)}${fmt(r.mbPerSec).padStart(9)}${String(r.bytes).padStart(7)}   ${ratio}`);
  }
}

function targets(rows: Row[]): string[] {
  const lines: string[] = [];
  const ops = (shape: string, op: string, c: string) => rows.find((r) => r.shape === shape && r.op === op && r.contender === c)!.opsPerSec;
  for (const s of SHAPES) {
    const d = ops(s.name, 'decode', 'tlib-kit');
    const e = ops(s.name, 'encode', 'tlib-kit');
    const dm = d / ops(s.name, 'decode', 'msgpackr');
    const dj = d / ops(s.name, 'decode', 'JSON');
    const em = e / ops(s.name, 'encode', 'msgpackr');
    const dmj = d / ops(s.name, 'decode', 'msgpackr-js');
    const mark = (ok: boolean) => (ok ? 'ok  ' : 'MISS');
    lines.push(`  ${s.name.padEnd(26)} decode/msgpackr ${dm.toFixed(2)}x ${mark(dm >= 1.5)} (/msgpackr-js ${dmj.toFixed(2)}x ${mark(dmj >= 1.5)})  decode/JSON ${dj.toFixed(2)}x ${mark(dj >= 3)}  encode/msgpackr ${em.toFixed(2)}x ${mark(em >= 1.5)}`);
  }
  return lines;
}

async function main(): Promise<void> {
  console.log(`tlib-kit bench${quick ? ' (quick)' : ''}: node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${os.platform()} ${os.arch()}`);
  console.log(`peers: JSON (stringify+TextEncoder / TextDecoder+parse), msgpackr ${msgpackrVersion()} Packr({ useRecords: false }) (native string extraction: ${isNativeAccelerationEnabled ? 'on' : 'off'}; msgpackr-js = its pure-JS build), binary-parser grammar (decode)`);
  console.log(`rounds ${opts.rounds} x ~${opts.batchMs} ms (CPU time) per contender, interleaved; medians; every decoded result walked deeply`);
  const results: Record<string, unknown> = { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, quick };
  if (!only || only === 'codec') {
    const rows = codecPart();
    console.log('\ntargets (decode >= 1.5x msgpackr and >= 3x JSON, encode >= 1.5x msgpackr):');
    for (const l of targets(rows)) console.log(l);
    results.codec = rows;
  }
  if (!only || only === 'stream') results.stream = runStream(quick);
  if (!only || only === 'fanout') results.fanout = await runFanout(quick);
  if (jsonFile) {
    writeFileSync(jsonFile, JSON.stringify(results, null, 2));
    console.log(`\nresults written to ${jsonFile}`);
  }
}

function msgpackrVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../node_modules/msgpackr/package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '';
  }
}

await main();
