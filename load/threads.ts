/**
 * Spreads a load run's partitions over worker threads, one each: they all
 * connect first, then send together (so the send window measures them side
 * by side), and their results come back to be joined.
 */
import type { PartitionCounters, PartitionResult, PartitionSettings } from './partition-run.js';
import type { Partition } from './plan.js';
import { Worker } from 'node:worker_threads';

type FromWorker = { type: 'counters'; counters: PartitionCounters } | { type: 'connected' } | { type: 'result'; result: PartitionResult };

export async function runInWorkers(partitions: readonly Partition[], settings: PartitionSettings, counters: PartitionCounters[]): Promise<PartitionResult[]> {
  // The compiled worker.js beside this file: threads run the built kit (dist/), as users do; tests reach them through dist/.
  const workers = partitions.map((partition) => new Worker(new URL('./worker.js', import.meta.url), { workerData: { partition, settings } }));
  const ready = new Set<number>();
  // A partition that failed before sending posts its result without 'connected': it counts as ready, so the others do not wait for it.
  const markReady = (i: number) => {
    if (ready.has(i)) return;
    ready.add(i);
    if (ready.size === workers.length) for (const x of workers) x.postMessage('go');
  };
  try {
    return await Promise.all(
      workers.map(
        (w, i) =>
          new Promise<PartitionResult>((resolve, reject) => {
            let result: PartitionResult | undefined;
            w.on('message', (m: FromWorker) => {
              if (m.type === 'counters') counters[i] = m.counters;
              else if (m.type === 'result') (result = m.result), markReady(i);
              else markReady(i);
            });
            w.once('error', reject);
            w.once('exit', (code) => (result ? resolve(result) : reject(new Error(`load worker ${i} exited with code ${code} before its result`))));
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
