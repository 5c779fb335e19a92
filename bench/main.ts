/**
 * `npm run bench`: tlib-kit's codec against its peers on the same messages,
 * in one Node process. Flags: --quick (short run), --json <file> (results),
 * --only <codec|stream|fanout> (one part).
 *
 * Peers (bench/peers.ts; dev dependencies only, never imported by src/):
 * msgpackr maps and records with shared structures, cbor-x records, avsc,
 * protobufjs, @bufbuild/protobuf; JSON (stringify + TextEncoder /
 * TextDecoder + parse); a binary-parser grammar of our own format (decode).
 * Every decoder's result is walked deeply by the same function
 * (harness.ts) in the decode + walk rows. Rounds are interleaved, and each
 * ratio is taken per round (tlib-kit's round r against the peer's round r)
 * and reported as min / median / max.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { decode, encode, encodeInto, toJSON, type JsonMessage, type Message } from '../src/index.js';
import { validate } from '../src/validate/index.js';
import { bytesPerOp } from './alloc.js';
import { frameParser } from './binary-parser-grammar.js';
import { consume, measureGroup, median, walk, type Case, type HarnessOptions, type Timing } from './harness.js';
import { buildPeers, type Peer } from './peers.js';
import { SHAPES } from './shapes.js';
import { runStream, STREAM_TARGET_MBPS, type StreamResult } from './stream.js';
import { buildTraffic } from './traffic.js';
import { runFanout } from './fanout.js';

const USAGE = `usage: npm run bench -- [--quick] [--json <file>] [--only <codec|stream|fanout>]
  --quick          short rounds (a smoke run; numbers are noisier)
  --json <file>    also write the results as JSON
  --only <part>    run one part: codec (mixed traffic, shapes and stream), mixed (the mixed traffic alone), stream, or fanout`;

type Part = 'codec' | 'mixed' | 'stream' | 'fanout';

function parseFlags(): { quick: boolean; jsonFile?: string; only?: Part } {
  try {
    const { values } = parseArgs({
      options: { quick: { type: 'boolean' }, json: { type: 'string' }, only: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    if (values.only !== undefined && !['codec', 'mixed', 'stream', 'fanout'].includes(values.only)) throw new Error(`--only must be codec, mixed, stream or fanout, not "${values.only}"`);
    return { quick: values.quick ?? false, jsonFile: values.json, only: values.only as Part | undefined };
  } catch (e) {
    console.error(`bench: ${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const { quick, jsonFile, only } = parseFlags();

const opts: HarnessOptions = quick ? { batchMs: 15, rounds: 5, warmupMs: 100 } : { batchMs: 40, rounds: 11, warmupMs: 500 };

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

type Op = 'decode + walk' | 'decode alone' | 'encode long-lived' | 'encode fresh';
const OPS: readonly Op[] = ['decode + walk', 'decode alone', 'encode long-lived', 'encode fresh'];

interface Row {
  shape: string;
  op: Op;
  contender: string;
  /** Bytes per message (the mean, for the mixed stream). */
  bytes: number;
  opsPerSec: number;
  mbPerSec: number;
  /** tlib-kit's ops/s over this contender's, per round: min, median, max (absent on tlib-kit's own row). */
  ratio?: { min: number; median: number; max: number };
  rounds: number[];
}

/** The same messages as each contender carries them. */
interface Contenders {
  messages: readonly Message[];
  ours: readonly Uint8Array[];
  json: readonly JsonMessage[];
  jsonBytes: readonly Uint8Array[];
  peers: readonly { peer: Peer; values: readonly unknown[]; bytes: readonly Uint8Array[] }[];
}

/** Obsolete events are part of the traffic; one options object for every encode. */
const ENCODE_OPTIONS = { allowObsolete: true } as const;

/**
 * Every contender must reproduce every message before it is timed, and
 * every message must be valid against its schema: a benchmark of invalid
 * messages measures traffic no client sees.
 */
function prepare(messages: readonly Message[], peers: readonly Peer[], label: (i: number) => string): Contenders {
  const c: Contenders = { messages, ours: [], json: [], jsonBytes: [], peers: peers.map((peer) => ({ peer, values: [], bytes: [] })) };
  messages.forEach((m, i) => {
    const violations = validate(m);
    if (violations.length > 0) throw new Error(`${label(i)}: not valid: ${violations.map((v) => v.message).join('; ')}`);
    const j = toJSON(m);
    const ours = encode(m, ENCODE_OPTIONS).slice();
    const jb = textEncoder.encode(JSON.stringify(j));
    if (!isDeepStrictEqual(decode(ours), m) || !isDeepStrictEqual(JSON.parse(textDecoder.decode(jb)), j)) throw new Error(`${label(i)}: tlib-kit or JSON does not round-trip`);
    (c.ours as Uint8Array[]).push(ours);
    (c.json as JsonMessage[]).push(j);
    (c.jsonBytes as Uint8Array[]).push(jb);
    for (const p of c.peers) {
      const v = p.peer.from(m);
      const b = p.peer.encode(v).slice();
      if (!isDeepStrictEqual(toJSON(p.peer.back(p.peer.decode(b))), j)) throw new Error(`${label(i)}: ${p.peer.id} does not round-trip`);
      (p.values as unknown[]).push(v);
      (p.bytes as Uint8Array[]).push(b);
    }
  });
  return c;
}

/**
 * A fresh copy of a message in any contender's form, as an application
 * builds one per send: objects and arrays new, leaves (strings, numbers,
 * bigints, byte arrays) shared. The same function for every contender.
 */
function fresh(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v)) return v;
  if (Array.isArray(v)) return v.map(fresh);
  const out: Record<string, unknown> = {};
  for (const k in v) if (Object.hasOwn(v, k)) out[k] = fresh((v as Record<string, unknown>)[k]);
  return out;
}

/**
 * The timed cases over a list of messages, taken in turn through one call
 * site each: for one message this is the per-shape row, for the traffic the
 * mixed one.
 */
function cases(c: Contenders): Record<Op, Case[]> {
  const { messages, ours, json, jsonBytes } = c;
  const n0 = messages.length;
  const into = new Uint8Array(64 * 1024);
  let k = 0;
  const next = () => (k + 1 === n0 ? (k = 0) : ++k);
  const peer = (fn: (p: Contenders['peers'][number]) => Case) => c.peers.map(fn);
  return {
    'decode + walk': [
      { id: 'tlib-kit', run: (n) => { for (let i = 0; i < n; i++) consume(walk(decode(ours[next()]!))); } },
      { id: 'JSON', run: (n) => { for (let i = 0; i < n; i++) consume(walk(JSON.parse(textDecoder.decode(jsonBytes[next()]!)))); } },
      ...peer((p) => ({ id: p.peer.id, run: (n) => { for (let i = 0; i < n; i++) consume(walk(p.peer.decode(p.bytes[next()]!))); } })),
      { id: 'binary-parser', run: (n) => { for (let i = 0; i < n; i++) consume(walk(frameParser.parse(ours[next()]!))); } },
    ],
    'decode alone': [
      { id: 'tlib-kit', run: (n) => { for (let i = 0; i < n; i++) consume(decode(ours[next()]!) === null ? 0 : 1); } },
      { id: 'JSON', run: (n) => { for (let i = 0; i < n; i++) consume(JSON.parse(textDecoder.decode(jsonBytes[next()]!)) === null ? 0 : 1); } },
      ...peer((p) => ({ id: p.peer.id, run: (n) => { for (let i = 0; i < n; i++) consume(p.peer.decode(p.bytes[next()]!) === null ? 0 : 1); } })),
    ],
    'encode long-lived': [
      { id: 'tlib-kit', run: (n) => { for (let i = 0; i < n; i++) consume(encode(messages[next()]!, ENCODE_OPTIONS).length); } },
      { id: INTO, run: (n) => { for (let i = 0; i < n; i++) consume(encodeInto(messages[next()]!, into, 0, ENCODE_OPTIONS)); } },
      { id: 'JSON', run: (n) => { for (let i = 0; i < n; i++) consume(textEncoder.encode(JSON.stringify(json[next()]!)).length); } },
      ...peer((p) => ({ id: p.peer.id, run: (n) => { for (let i = 0; i < n; i++) consume(p.peer.encode(p.values[next()]).length); } })),
    ],
    'encode fresh': [
      { id: 'tlib-kit', run: (n) => { for (let i = 0; i < n; i++) consume(encode(fresh(messages[next()]!) as Message, ENCODE_OPTIONS).length); } },
      { id: INTO, run: (n) => { for (let i = 0; i < n; i++) consume(encodeInto(fresh(messages[next()]!) as Message, into, 0, ENCODE_OPTIONS)); } },
      { id: 'JSON', run: (n) => { for (let i = 0; i < n; i++) consume(textEncoder.encode(JSON.stringify(fresh(json[next()]!))).length); } },
      ...peer((p) => ({ id: p.peer.id, run: (n) => { for (let i = 0; i < n; i++) consume(p.peer.encode(fresh(p.values[next()])).length); } })),
    ],
  };
}

/** encode into a caller's buffer: a tlib-kit row of its own, compared with the peers' encode. */
const INTO = 'tlib-kit into';
const mean = (xs: readonly Uint8Array[]) => xs.reduce((s, x) => s + x.length, 0) / xs.length;

function ratioOf(ours: Timing, theirs: Timing): Row['ratio'] {
  const r = ours.rounds.map((x, i) => x / theirs.rounds[i]!).sort((a, b) => a - b);
  return { min: r[0]!, median: median(r), max: r[r.length - 1]! };
}

function measureRows(shape: string, c: Contenders, ops: readonly Op[]): Row[] {
  const rows: Row[] = [];
  const size: Record<string, number> = { 'tlib-kit': mean(c.ours), [INTO]: mean(c.ours), JSON: mean(c.jsonBytes), 'binary-parser': mean(c.ours) };
  for (const p of c.peers) size[p.peer.id] = mean(p.bytes);
  const cs = cases(c);
  for (const op of ops) {
    const timings = measureGroup(cs[op], opts);
    const ours = timings.find((t) => t.id === 'tlib-kit')!;
    for (const t of timings) {
      const bytes = size[t.id]!;
      rows.push({ shape, op, contender: t.id, bytes, opsPerSec: t.opsPerSec, mbPerSec: (t.opsPerSec * bytes) / 1e6, rounds: t.rounds, ...(t.id === 'tlib-kit' ? {} : { ratio: t.id === INTO ? ratioOf(t, ours) : ratioOf(ours, t) }) });
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
 * The deep walk alone, over messages decoded beforehand: every decode + walk
 * row includes it, so it bounds every ratio.
 */
function walkFloor(c: Contenders, rows: Row[]): number {
  const decoded = c.ours.map((f) => decode(f));
  let k = 0;
  const [t] = measureGroup([{ id: 'walk', run: (n) => { for (let i = 0; i < n; i++) { k = k + 1 === decoded.length ? 0 : k + 1; consume(walk(decoded[k])); } } }], opts);
  const peer = (id: string) => rows.find((r) => r.op === 'decode + walk' && r.contender === id)!.opsPerSec;
  console.log(`  the deep walk alone (of already decoded messages): ${fmt(t!.opsPerSec)} messages/s; a decoder taking no time at all would be ${(t!.opsPerSec / peer(RECORDS)).toFixed(2)}x msgpackr records and ${(t!.opsPerSec / peer('JSON')).toFixed(2)}x JSON`);
  return t!.opsPerSec;
}

function mixedPart(peersFor: (m: readonly Message[]) => Peer[]): { mixed: MixedResult; peers: Peer[] } {
  const traffic = buildTraffic(quick ? 2048 : 8192);
  const peers = peersFor(traffic.messages);
  const c = prepare(traffic.messages, peers, (i) => `traffic message ${i} (${traffic.ids[i]})`);
  const mix: Record<string, number> = {};
  for (const id of traffic.ids) mix[id] = (mix[id] ?? 0) + 1;
  const sizes = c.ours.map((f) => f.length).sort((a, b) => a - b);
  console.log(`\nmixed traffic: ${traffic.messages.length} messages of ${Object.keys(mix).length} kinds (every message type of the registry), each valid against its schema, values varying; taken in turn through one call site`);
  console.log(`  sizes (tlib-kit frames): mean ${mean(c.ours).toFixed(0)} B, median ${sizes[sizes.length >> 1]} B, max ${sizes[sizes.length - 1]} B`);
  const byCount = Object.entries(mix).sort((a, b) => b[1] - a[1]);
  console.log(`  mix: ${byCount.map(([id, n]) => `${id} ${((100 * n) / traffic.messages.length).toFixed(1)}%`).join(', ')}`);
  const rows = measureRows(MIXED, c, OPS);
  printShape(rows);
  const allocBytesPerDecode = allocation(c);
  const walkOnly = walkFloor(c, rows);
  return { mixed: { messages: traffic.messages.length, mix, rows, allocBytesPerDecode, walkOnlyPerSec: walkOnly }, peers };
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
  };
  for (const p of c.peers) out[p.peer.id] = bytesPerOp((m) => { for (let i = 0; i < m; i++) keep[i] = p.peer.decode(p.bytes[at()]!); }, n);
  console.log(`  allocation per decoded message (heap growth over GC-free batches of ${n}, median): ${Object.entries(out).map(([id, b]) => `${id} ${Math.round(b)} B`).join(', ')}`);
  return out;
}

function shapesPart(peers: readonly Peer[]): Row[] {
  const rows: Row[] = [];
  console.log('\nper shape, measured after the mixed run (every call site has seen every message type):');
  for (const shape of SHAPES) {
    const shapeRows = measureRows(shape.name, prepare([shape.message], peers, () => shape.name), ['decode + walk', 'encode long-lived']);
    printShape(shapeRows);
    rows.push(...shapeRows);
  }
  return rows;
}

function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1);
}

function printShape(rows: Row[]): void {
  console.log(`\n${rows[0]!.shape}   (ratio: tlib-kit / contender per round, min / median / max; for "tlib-kit into": into / encode)`);
  console.log(`  ${'op'.padEnd(18)}${'contender'.padEnd(20)}${'ops/s'.padStart(12)}${'MB/s'.padStart(9)}${'bytes'.padStart(7)}   ratio min / median / max`);
  for (const r of rows) {
    const ratio = r.ratio ? `${r.ratio.min.toFixed(2)} / ${r.ratio.median.toFixed(2)} / ${r.ratio.max.toFixed(2)}` : '';
    console.log(`  ${r.op.padEnd(18)}${r.contender.padEnd(20)}${fmt(r.opsPerSec).padStart(12)}${fmt(r.mbPerSec).padStart(9)}${r.bytes.toFixed(0).padStart(7)}   ${ratio}`);
  }
}

const mark = (ok: boolean) => (ok ? 'ok  ' : 'MISS');
const RECORDS = 'msgpackr records';
const MAPS = 'msgpackr maps';

/** The issue's targets, on the mixed traffic, judged on the median per-round ratio. */
function targets(rows: Row[], stream?: StreamResult): string[] {
  const lines: string[] = [];
  const r = (op: Op, c: string) => rows.find((x) => x.shape === MIXED && x.op === op && x.contender === c)?.ratio?.median ?? Number.NaN;
  const t = (what: string, v: number, want: number) => lines.push(`  ${what.padEnd(46)} ${v.toFixed(2)}x  (>= ${want}x) ${mark(v >= want)}`);
  if (rows.length > 0) {
    t('decode + walk / msgpackr records', r('decode + walk', RECORDS), 1.15);
    t('decode + walk / msgpackr maps', r('decode + walk', MAPS), 1.8);
    t('encode long-lived / msgpackr records', r('encode long-lived', RECORDS), 1.5);
    t('encode long-lived / msgpackr maps', r('encode long-lived', MAPS), 1.8);
    t('encode fresh / msgpackr records', r('encode fresh', RECORDS), 1.5);
    t('encode fresh / msgpackr maps', r('encode fresh', MAPS), 1.8);
  }
  if (stream) lines.push(`  ${'stream: FrameDecoder + decode + walk'.padEnd(46)} ${stream.decodeMBps.toFixed(0)} MB/s  (>= ${STREAM_TARGET_MBPS}) ${mark(stream.decodeMBps >= STREAM_TARGET_MBPS)}`);
  return lines;
}

const MIXED = 'mixed traffic';

async function main(): Promise<void> {
  const [l1, l5, l15] = os.loadavg();
  console.log(`tlib-kit bench${quick ? ' (quick)' : ''}: node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${os.platform()} ${os.arch()}, ${new Date().toISOString().slice(0, 16)}Z, load average ${l1!.toFixed(2)} ${l5!.toFixed(2)} ${l15!.toFixed(2)}`);
  console.log(`peers: ${['msgpackr', 'cbor-x', 'avsc', 'protobufjs', '@bufbuild/protobuf'].map((p) => `${p} ${versionOf(p)}`).join(', ')}; JSON (stringify+TextEncoder / TextDecoder+parse); binary-parser grammar (decode)`);
  console.log(`rounds ${opts.rounds} x ~${opts.batchMs} ms (CPU time) per contender, interleaved; ratios per round; every decoded result walked deeply in "decode + walk"`);
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, loadavg: os.loadavg(), quick };
  let rows: Row[] = [];
  if (!only || only === 'codec' || only === 'mixed') {
    const { mixed, peers } = mixedPart(buildPeers);
    results.mixed = mixed;
    rows = only === 'mixed' ? mixed.rows : [...mixed.rows, ...shapesPart(peers)];
    results.codec = rows;
  }
  let stream: StreamResult | undefined;
  if (!only || only === 'codec' || only === 'stream') results.stream = stream = runStream(quick);
  if (rows.length > 0 || stream) {
    console.log('\ntargets (mixed traffic, median of the per-round ratios):');
    for (const l of targets(rows, stream)) console.log(l);
  }
  const [e1, e5, e15] = os.loadavg();
  console.log(`load average at the end: ${e1!.toFixed(2)} ${e5!.toFixed(2)} ${e15!.toFixed(2)}`);
  if (!only || only === 'fanout') results.fanout = await runFanout(quick);
  if (jsonFile) {
    writeFileSync(jsonFile, JSON.stringify(results, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2));
    console.log(`\nresults written to ${jsonFile}`);
  }
}

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(new URL(`../node_modules/${pkg}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '';
  }
}

await main();
