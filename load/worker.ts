/** A worker thread of `tlib-kit load`: runs one partition and posts its counters and result (threads.ts is the other end). */
import { parentPort, workerData } from 'node:worker_threads';
import { runPartition, type PartitionCounters, type PartitionSettings } from './partition-run.js';
import type { Partition } from './plan.js';

const port = parentPort!;
const { partition, settings } = workerData as { partition: Partition; settings: PartitionSettings };
const counters: PartitionCounters = { phase: 'connect', connected: 0, acked: 0, delivered: 0, expectedDeliveries: 0 };
const report = setInterval(() => port.postMessage({ type: 'counters', counters }), 200);
const go = new Promise<void>((resolve) => port.once('message', () => resolve()));

const result = await runPartition(partition, settings, counters, async () => {
  port.postMessage({ type: 'connected' });
  await go;
});
clearInterval(report);
port.postMessage({ type: 'counters', counters });
port.postMessage({ type: 'result', result }, [result.latencies.buffer as ArrayBuffer]);
