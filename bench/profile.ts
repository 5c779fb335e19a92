/**
 * A profiling target: `node --cpu-prof --cpu-prof-dir=<dir> --import tsx
 * bench/profile.ts <encode|decode|walk|stream> [shape index | mixed] [seconds]`
 * runs one operation in a tight loop, on one shape or on the mixed traffic
 * (traffic.ts, every message through one call site), or the stream
 * benchmark's decoding, for `node --cpu-prof`.
 * `node bench/profile-summary.mjs <file.cpuprofile>` prints self time by function.
 */
import { performance } from 'node:perf_hooks';
import { decode, encode, type Message } from '../src/index.js';
import { consume, walk } from './harness.js';
import { SHAPES } from './shapes.js';
import { buildStream, decodeChunks } from './stream.js';
import { buildTraffic } from './traffic.js';

const [op = 'decode', shapeArg = 'mixed', secondsArg = '3'] = process.argv.slice(2);
const messages: readonly Message[] = shapeArg === 'mixed' ? buildTraffic(8192).messages : [SHAPES[Number(shapeArg)]!.message];
const options = { allowObsolete: true };
const frames = messages.map((m) => encode(m, options));
const decoded = frames.map((f) => decode(f));
const stream = op === 'stream' ? buildStream(4 << 20) : undefined;
const end = performance.now() + Number(secondsArg) * 1000;
let n = 0;
let k = 0;
while (performance.now() < end) {
  if (stream) {
    consume(decodeChunks(stream.chunks));
    n++;
    continue;
  }
  for (let i = 0; i < 256; i++) {
    k = k + 1 === frames.length ? 0 : k + 1;
    if (op === 'encode') consume(encode(messages[k]!, options).length);
    else if (op === 'walk') consume(walk(decoded[k]));
    else consume(walk(decode(frames[k]!)));
  }
  n += 256;
}
const what = shapeArg === 'mixed' ? 'mixed traffic' : SHAPES[Number(shapeArg)]!.name;
console.log(`${op} ${stream ? 'stream' : what}: ${Math.round(n / Number(secondsArg)).toLocaleString('en-US')} ${stream ? 'passes' : 'ops'}/s`);
