/** A worker thread of `tlib-kit fuzz --workers`: runs one seed stream and posts its lines, failures and summary (parallel.ts is the other end). */
import { parentPort, workerData } from 'node:worker_threads';
import type { FromStream, StreamWork } from './parallel.js';
import { ALL_PROPERTIES } from './properties/index.js';
import { setLiveTarget } from './properties/server.js';
import { runFuzz } from './runner.js';

const port = parentPort!;
const post = (m: FromStream) => port.postMessage(m);
const w = workerData as StreamWork;
const flags = new Int32Array(w.stopFlags);
setLiveTarget(w.stream.target);
const summary = await runFuzz({
  properties: ALL_PROPERTIES.filter((p) => w.propertyNames.includes(p.name)),
  timeSeconds: w.timeSeconds,
  seed: w.stream.seed,
  corpusDir: w.corpusDir,
  reportEveryMs: w.reportEveryMs,
  replayWords: w.stream.replayWords,
  stopped: (name) => Atomics.load(flags, w.propertyNames.indexOf(name)) === 1,
  onFailure: (failure) => post({ type: 'failure', failure }),
  out: (line) => post({ type: 'line', line }),
  progress: (line) => post({ type: 'progress', line }),
});
post({ type: 'done', summary });
