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
import { decode, encode, encodeInto, toJSON, type JsonMessage, type Message } from '../src/index.js';
import { validate } from '../src/validate/index.js';
import { bytesPerOp } from './alloc.js';
import { frameParser } from './binary-parser-grammar.js';
import { consume, measureGroup, walk, type Case, type HarnessOptions } from './harness.js';
import { SHAPES } from './shapes.js';
import { runStream, type StreamResult } from './stream.js';
import { buildTraffic } from './traffic.js';
import { runFanout } from './fanout.js';

const USAGE = `usage: npm run bench -- [--quick] [--json <file>] [--only <codec|stream|fanout>]
  --quick          short rounds (a smoke run; numbers are noisier)
  --json <file>    also write the results as JSON
  --only <part>    run one part: codec (mixed traffic, shapes and stream), stream, or fanout`;

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
  /** Bytes per message (the mean, for the mixed stream). */
  bytes: number;
  opsPerSec: number;
  mbPerSec: number;
}

/** The same messages as each contender carries them. */
interface Contenders {
  messages: readonly Message[];
  json: readonly JsonMessage[];
  ours: readonly Uint8Array[];
  jsonBytes: readonly Uint8Array[];
  mp: readonly Uint8Array[];
  mpJs: readonly Uint8Array[];
}

/** Obsolete events are part of the traffic; one options object for every encode. */
const ENCODE_OPTIONS = { allowObsolete: true } as const;
const sameJson = (a: unknown, b: unknown) => isDeepStrictEqual(toJSON(a as Message), toJSON(b as Message));

/**
 * Every contender must reproduce every message before it is timed, and
 * every message must be valid against its schema: a benchmark of invalid
 * messages measures traffic no client sees.
 */
function prepare(messages: readonly Message[], label: (i: number) => string): Contenders {
  const c: Contenders = { messages, json: [], ours: [], jsonBytes: [], mp: [], mpJs: [] };
  messages.forEach((m, i) => {
    const violations = validate(m);
    if (violations.length > 0) throw new Error(`${label(i)}: not valid: ${violations.map((v) => v.message).join('; ')}`);
    const j = toJSON(m);
    const c0 = encode(m, ENCODE_OPTIONS);
    const c1 = textEncoder.encode(JSON.stringify(j));
    const c2 = packr.pack(m);
    const c3 = packrJs.pack(m);
    if (!isDeepStrictEqual(decode(c0), m) || !isDeepStrictEqual(JSON.parse(textDecoder.decode(c1)), j) || !sameJson(packr.unpack(c2), m) || !sameJson(packrJs.unpack(c3), m)) {
      throw new Error(`${label(i)}: a contender does not round-trip`);
    }
    (c.json as JsonMessage[]).push(j);
    (c.ours as Uint8Array[]).push(c0);
    (c.jsonBytes as Uint8Array[]).push(c1);
    (c.mp as Uint8Array[]).push(c2);
    (c.mpJs as Uint8Array[]).push(c3);
  });
  return c;
}

/**
 * The timed cases over a list of messages, taken in turn through one call
 * site each: for one message this is the per-shape row, for the traffic the
 * mixed one. The loops are the same functions for both, so after the mixed
 * run every site has seen every shape.
 */
function cases(c: Contenders): { encode: Case[]; decode: Case[] } {
  const { messages, json, ours, jsonBytes, mp, mpJs } = c;
  const n0 = messages.length;
  const into = new Uint8Array(64 * 1024);
  let k = 0;
  const next = () => (k + 1 === n0 ? (k = 0) : ++k);
  return {
    encode: [
      { id: 'tlib-kit', run: (n) => { for (let i = 0; i < n; i++) consume(encode(messages[next()]!, ENCODE_OPTIONS).length); } },
      { id: INTO, run: (n) => { for (let i = 0; i < n; i++) consume(encodeInto(messages[next()]!, into, 0, ENCODE_OPTIONS)); } },
      { id: 'JSON', run: (n) => { for (let i = 0; i < n; i++) consume(textEncoder.encode(JSON.stringify(json[next()]!)).length); } },
      { id: 'msgpackr', run: (n) => { for (let i = 0; i < n; i++) consume(packr.pack(messages[next()]!).length); } },
      { id: 'msgpackr-js', run: (n) => { for (let i = 0; i < n; i++) consume(packrJs.pack(messages[next()]!).length); } },
    ],
    decode: [
      { id: 'tlib-kit', run: (n) => { for (let i = 0; i < n; i++) consume(walk(decode(ours[next()]!))); } },
      { id: 'JSON', run: (n) => { for (let i = 0; i < n; i++) consume(walk(JSON.parse(textDecoder.decode(jsonBytes[next()]!)))); } },
      { id: 'msgpackr', run: (n) => { for (let i = 0; i < n; i++) consume(walk(packr.unpack(mp[next()]!))); } },
      { id: 'msgpackr-js', run: (n) => { for (let i = 0; i < n; i++) consume(walk(packrJs.unpack(mpJs[next()]!))); } },
      { id: 'binary-parser', run: (n) => { for (let i = 0; i < n; i++) consume(walk(frameParser.parse(ours[next()]!))); } },
    ],
  };
}

/** encode into a caller's buffer: a tlib-kit row of its own, compared with the peers' encode. */
const INTO = 'tlib-kit into';
const mean = (xs: readonly Uint8Array[]) => xs.reduce((s, x) => s + x.length, 0) / xs.length;

function measureRows(shape: string, c: Contenders): Row[] {
  const rows: Row[] = [];
  const size: Record<string, number> = { 'tlib-kit': mean(c.ours), [INTO]: mean(c.ours), JSON: mean(c.jsonBytes), msgpackr: mean(c.mp), 'msgpackr-js': mean(c.mpJs), 'binary-parser': mean(c.ours) };
  const cs = cases(c);
  for (const [op, group] of [['encode', cs.encode], ['decode', cs.decode]] as const) {
    for (const t of measureGroup(group, opts)) {
      const bytes = size[t.id]!;
      rows.push({ shape, op, contender: t.id, bytes, opsPerSec: t.opsPerSec, mbPerSec: (t.opsPerSec * bytes) / 1e6 });
    }
  }
  return rows;
}

interface MixedResult {
  messages: number;
  mix: Record<string, number>;
  rows: Row[];
  allocBytesPerDecode: Record<string, number>;
  walkOnlyPerSec: number;
}

/**
 * The deep walk alone, over messages decoded beforehand: every decode row
 * includes it, so it bounds every ratio. A decoder taking no time at all
 * would be walk-only / peer's decode+walk times faster than that peer.
 */
function walkFloor(c: Contenders, rows: Row[]): number {
  const decoded = c.ours.map((f) => decode(f));
  let k = 0;
  const [t] = measureGroup([{ id: 'walk', run: (n) => { for (let i = 0; i < n; i++) { k = k + 1 === decoded.length ? 0 : k + 1; consume(walk(decoded[k])); } } }], opts);
  const peer = (id: string) => rows.find((r) => r.op === 'decode' && r.contender === id)!.opsPerSec;
  console.log(`  the deep walk alone (of already decoded messages): ${fmt(t!.opsPerSec)} messages/s; a decoder taking no time at all would be ${(t!.opsPerSec / peer('msgpackr')).toFixed(2)}x msgpackr and ${(t!.opsPerSec / peer('JSON')).toFixed(2)}x JSON`);
  return t!.opsPerSec;
}

function mixedPart(): { mixed: MixedResult; contenders: Contenders } {
  const traffic = buildTraffic(quick ? 2048 : 8192);
  const c = prepare(traffic.messages, (i) => `traffic message ${i} (${traffic.ids[i]})`);
  const mix: Record<string, number> = {};
  for (const id of traffic.ids) mix[id] = (mix[id] ?? 0) + 1;
  const sizes = c.ours.map((f) => f.length).sort((a, b) => a - b);
  console.log(`\nmixed traffic: ${traffic.messages.length} messages of ${Object.keys(mix).length} kinds (every message type of the registry), each valid against its schema, values varying; taken in turn through one call site`);
  console.log(`  sizes (tlib-kit frames): mean ${mean(c.ours).toFixed(0)} B, median ${sizes[sizes.length >> 1]} B, max ${sizes[sizes.length - 1]} B; JSON mean ${mean(c.jsonBytes).toFixed(0)} B, msgpackr mean ${mean(c.mp).toFixed(0)} B`);
  const byCount = Object.entries(mix).sort((a, b) => b[1] - a[1]);
  console.log(`  mix: ${byCount.map(([id, n]) => `${id} ${((100 * n) / traffic.messages.length).toFixed(1)}%`).join(', ')}`);
  const rows = measureRows('mixed traffic', c);
  printShape(rows);
  const allocBytesPerDecode = allocation(c);
  const walkOnly = walkFloor(c, rows);
  return { mixed: { messages: traffic.messages.length, mix, rows, allocBytesPerDecode, walkOnlyPerSec: walkOnly }, contenders: c };
}

/** Bytes allocated per decoded message of the mixed stream (result and temporaries), per decoder. */
function allocation(c: Contenders): Record<string, number> {
  const n = Math.min(512, c.ours.length);
  let k = 0;
  const at = () => (k + 1 >= c.ours.length ? (k = 0) : ++k);
  const keep: unknown[] = new Array(n);
  const out: Record<string, number> = {
    'tlib-kit': bytesPerOp((m) => { for (let i = 0; i < m; i++) keep[i] = decode(c.ours[at()]!); }, n),
    JSON: bytesPerOp((m) => { for (let i = 0; i < m; i++) keep[i] = JSON.parse(textDecoder.decode(c.jsonBytes[at()]!)); }, n),
    msgpackr: bytesPerOp((m) => { for (let i = 0; i < m; i++) keep[i] = packr.unpack(c.mp[at()]!); }, n),
  };
  console.log(`  allocation per decoded message (heap growth over GC-free batches of ${n}, median): ${Object.entries(out).map(([id, b]) => `${id} ${Math.round(b)} B`).join(', ')}`);
  return out;
}

function shapesPart(): Row[] {
  const rows: Row[] = [];
  console.log('\nper shape, measured after the mixed run (every call site has seen every message type):');
  for (const shape of SHAPES) {
    const shapeRows = measureRows(shape.name, prepare([shape.message], () => shape.name));
    printShape(shapeRows);
    rows.push(...shapeRows);
  }
  return rows;
}

function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1);
}

function printShape(rows: Row[]): void {
  console.log(`\n${rows[0]!.shape}`);
  console.log(`  ${'op'.padEnd(11)}${'contender'.padEnd(15)}${'ops/s'.padStart(12)}${'MB/s'.padStart(9)}${'bytes'.padStart(8)}   tlib-kit is`);
  for (const r of rows) {
    const ourRow = rows.find((x) => x.op === r.op && x.contender === 'tlib-kit')!;
    const mp = rows.find((x) => x.op === r.op && x.contender === 'msgpackr')!;
    const ratio = r.contender === 'tlib-kit' ? '' : r.contender === INTO ? `(encodeInto: ${(r.opsPerSec / mp.opsPerSec).toFixed(2)}x msgpackr)` : `${(ourRow.opsPerSec / r.opsPerSec).toFixed(2)}x`;
    console.log(`  ${r.op.padEnd(11)}${r.contender.padEnd(15)}${fmt(r.opsPerSec).padStart(12)}${fmt(r.mbPerSec).padStart(9)}${r.bytes.toFixed(0).padStart(8)}   ${ratio}`);
  }
}

const mark = (ok: boolean) => (ok ? 'ok  ' : 'MISS');

function targets(rows: Row[], stream?: StreamResult): string[] {
  const lines: string[] = [];
  const ops = (shape: string, op: string, c: string) => rows.find((r) => r.shape === shape && r.op === op && r.contender === c)?.opsPerSec ?? Number.NaN;
  const line = (shape: string, dm: number, dj: number, em: number) =>
    `  ${shape.padEnd(26)} decode/msgpackr ${dm.toFixed(2)}x ${mark(dm >= (shape === MIXED ? 1.5 : 1.2))}  decode/JSON ${dj.toFixed(2)}x ${shape === MIXED ? mark(dj >= 3) : '    '}  encode/msgpackr ${em.toFixed(2)}x ${mark(em >= (shape === MIXED ? 1.2 : 1.0))}`;
  for (const shape of [...new Set(rows.map((r) => r.shape))]) {
    const d = ops(shape, 'decode', 'tlib-kit');
    const e = ops(shape, 'encode', 'tlib-kit');
    lines.push(line(shape, d / ops(shape, 'decode', 'msgpackr'), d / ops(shape, 'decode', 'JSON'), e / ops(shape, 'encode', 'msgpackr')));
  }
  const into = ops(MIXED, 'encode', INTO) / ops(MIXED, 'encode', 'msgpackr');
  if (Number.isFinite(into)) lines.push(`  ${'mixed, encodeInto'.padEnd(26)} encode/msgpackr ${into.toFixed(2)}x (no target; for comparison)`);
  if (stream) lines.push(`  ${'stream'.padEnd(26)} FrameDecoder+decode+walk ${stream.decodeMBps.toFixed(0)} MB/s ${mark(stream.decodeMBps >= 300)}`);
  return lines;
}

const MIXED = 'mixed traffic';

async function main(): Promise<void> {
  console.log(`tlib-kit bench${quick ? ' (quick)' : ''}: node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${os.platform()} ${os.arch()}, ${new Date().toISOString().slice(0, 10)}`);
  console.log(`peers: JSON (the JSON form: stringify+TextEncoder / TextDecoder+parse), msgpackr ${msgpackrVersion()} Packr({ useRecords: false }) (native string extraction: ${isNativeAccelerationEnabled ? 'on' : 'off'}; msgpackr-js = its pure-JS build), binary-parser grammar (decode)`);
  console.log(`rounds ${opts.rounds} x ~${opts.batchMs} ms (CPU time) per contender, interleaved; medians; every decoded result walked deeply`);
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, quick };
  let rows: Row[] = [];
  if (!only || only === 'codec') {
    const { mixed } = mixedPart();
    results.mixed = mixed;
    rows = [...mixed.rows, ...shapesPart()];
    results.codec = rows;
  }
  let stream: StreamResult | undefined;
  if (!only || only === 'codec' || only === 'stream') results.stream = stream = runStream(quick);
  if (rows.length > 0 || stream) {
    console.log('\ntargets (mixed: decode >= 1.5x msgpackr and >= 3x JSON, encode >= 1.2x msgpackr; each shape: decode >= 1.2x, encode >= 1.0x msgpackr; stream >= 300 MB/s):');
    for (const l of targets(rows, stream)) console.log(l);
  }
  if (!only || only === 'fanout') results.fanout = await runFanout(quick);
  if (jsonFile) {
    writeFileSync(jsonFile, JSON.stringify(results, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2));
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
