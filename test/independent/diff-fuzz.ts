/**
 * npm run diff-fuzz -- [--count N] [--seed S] [--from I] [--replay I] [--streams N]
 *
 * The differential fuzz of differential.test.ts at any size: N mutants of the valid
 * vectors (default 1,000,000) decoded by the kit and by the independent Python
 * codec, then N/10 chunked streams and N/5 faulty JSON-form messages encoded by both. Prints progress, the tally, each disagreement
 * with its hex, both outcomes and the command that replays it. Exit 0 when every
 * disagreement is a known one (known-disagreements.json), 1 otherwise, 2 on usage.
 */
import { CORPUS, describe, describeEncode, runDifferential, runEncodeDifferential } from './differential.js';
import { kitStream } from './kit-outcome.js';
import { mutant } from './mutants.js';
import { runPython, type PyRequest, type PyStreamed } from './python-codec.js';
import { streamCase } from './stream-mutants.js';

const HELP = `usage: npm run diff-fuzz -- [--count N] [--seed S] [--from I] [--replay I] [--streams N] [--encodes N]
  --count N    mutants to run (default 1000000)
  --seed S     run seed (default 20261202, the test's)
  --from I     first mutant index (default 0)
  --replay I   run mutant I alone and print it, whatever the outcome
  --streams N  chunked streams to compare after the mutants (default count/10)
  --encodes N  faulty JSON-form messages to encode with both (default count/5)`;

function args(argv: string[]): Record<string, number> {
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]!;
    if (name === '--help' || name === '-h') { console.log(HELP); process.exit(0); }
    const value = Number(argv[i + 1]);
    if (!['--count', '--seed', '--from', '--replay', '--streams', '--encodes'].includes(name) || !Number.isSafeInteger(value) || value < 0) {
      console.error(`diff-fuzz: bad argument ${name} ${argv[i + 1] ?? ''}\n${HELP}`);
      process.exit(2);
    }
    out[name.slice(2)] = value;
    i++;
  }
  return out;
}

const a = args(process.argv.slice(2));
const seed = a.seed ?? 20261202;

if (a.replay !== undefined) {
  const m = mutant(seed, a.replay, CORPUS);
  const t = runDifferential(seed, a.replay, 1);
  console.log(`seed ${seed} mutant ${a.replay} (${m.ops.join(', ')})${m.limits ? ` limits ${JSON.stringify(m.limits)}` : ''}\n  hex ${m.hex}`);
  console.log(t.disagreements.length ? describe(seed, t.disagreements[0]!) : `  both: ${t.decoded ? 'decoded, same message and canonical bytes' : `failed with ${Object.keys(t.codes)[0]} at the same offset`}`);
  process.exit(t.disagreements.some((d) => !d.known) ? 1 : 0);
}

const count = a.count ?? 1_000_000;
const from = a.from ?? 0;
const started = Date.now();
const t = runDifferential(seed, from, count, 50_000, (p) => {
  process.stderr.write(`\r${p.mutants.toLocaleString('en')} / ${count.toLocaleString('en')} mutants, ${p.disagreements.length} disagreements, ${((Date.now() - started) / 1000).toFixed(0)} s`);
});
process.stderr.write('\n');

const streams = a.streams ?? Math.floor(count / 10);
let streamDiffs = 0;
const streamErrors: Record<string, number> = {};
for (let start = 0; start < streams; start += 20_000) {
  const cases = Array.from({ length: Math.min(20_000, streams - start) }, (_, i) => streamCase(seed, start + i, CORPUS));
  const py = runPython<PyStreamed>(cases.map((c): PyRequest => ({ op: 'stream', chunks: c.chunks, ...(c.maxFrameBytes ? { maxFrameBytes: c.maxFrameBytes } : {}) })));
  cases.forEach((c, i) => {
    const kit = kitStream(c.chunks, c.maxFrameBytes);
    const code = py[i]!.error?.code ?? 'none';
    streamErrors[code] = (streamErrors[code] ?? 0) + 1;
    if (JSON.stringify(kit) !== JSON.stringify(py[i])) {
      streamDiffs++;
      if (streamDiffs <= 20) console.log(`seed ${seed} stream ${c.index}: ${JSON.stringify(c)}\n  kit    ${JSON.stringify(kit)}\n  python ${JSON.stringify(py[i])}`);
    }
  });
}

const encodes = a.encodes ?? Math.floor(count / 5);
const e = runEncodeDifferential(seed, 0, encodes);
const encodeUnknown = e.disagreements.filter((d) => !d.known);
for (const d of encodeUnknown.slice(0, 20)) console.log(describeEncode(seed, d));

const unknown = t.disagreements.filter((d) => !d.known);
for (const d of unknown.slice(0, 50)) console.log(describe(seed, d));
if (unknown.length > 50) console.log(`... and ${unknown.length - 50} more`);
console.log(JSON.stringify({
  seed, from, mutants: t.mutants, bothDecoded: t.decoded, bothFailedAlike: t.failed, failureCodes: t.codes,
  knownDisagreements: t.known, unknownDisagreements: unknown.length,
  streams, streamDisagreements: streamDiffs, streamErrors,
  encodes: e.cases, bothEncoded: e.encoded, bothRefusedAlike: e.refusedAlike, refusalCodes: e.codes,
  knownEncodeDisagreements: e.known, unknownEncodeDisagreements: encodeUnknown.length,
  seconds: Math.round((Date.now() - started) / 1000),
}, null, 2));
process.exit(unknown.length > 0 || streamDiffs > 0 || encodeUnknown.length > 0 ? 1 : 0);
