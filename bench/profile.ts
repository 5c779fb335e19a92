/**
 * A profiling target: `node --cpu-prof --cpu-prof-dir=<dir> --import tsx
 * bench/profile.ts <encode|decode|walk|stream> [shape index] [seconds]` runs
 * one operation on one shape (or the stream benchmark's decoding) in a tight
 * loop, for `node --cpu-prof`.
 * `node bench/profile-summary.mjs <file.cpuprofile>` prints self time by function.
 */
import { performance } from 'node:perf_hooks';
import { decode, encode } from '../src/index.js';
import { consume, walk } from './harness.js';
import { SHAPES } from './shapes.js';
import { buildStream, decodeChunks } from './stream.js';

const [op = 'decode', shapeArg = '3', secondsArg = '3'] = process.argv.slice(2);
const m = SHAPES[Number(shapeArg)]!.message;
const frame = encode(m);
const decoded = decode(frame);
const stream = op === 'stream' ? buildStream(4 << 20) : undefined;
const end = performance.now() + Number(secondsArg) * 1000;
let n = 0;
while (performance.now() < end) {
  for (let i = 0; i < 256; i++) {
    if (stream) {
      consume(decodeChunks(stream.chunks));
      break;
    } else if (op === 'encode') consume(encode(m).length);
    else if (op === 'walk') consume(walk(decoded));
    else consume(walk(decode(frame)));
  }
  n += stream ? 1 : 256;
}
console.log(`${op} ${SHAPES[Number(shapeArg)]!.name}: ${Math.round(n / Number(secondsArg)).toLocaleString('en-US')} ops/s`);
