/**
 * `npm run load`: the full load run (default 2,000 connections, 100,000 user
 * events). Prints progress each second and the figures at the end; exit 1
 * when anything was lost, duplicated or misrouted, or RSS passed its bound.
 */
import { writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_LOAD, runLoad, type LoadOptions, type LoadResult } from './run-load.js';

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

const program = new Command('load')
  .description('drive the simulator with many T-Library clients and check every user event arrives exactly once, in order, where it should')
  .option('--clients <n>', 'client connections', positive, DEFAULT_LOAD.clients)
  .option('--events <n>', 'user events sent in total', positive, DEFAULT_LOAD.events)
  .option('--senders <n>', 'clients that send (the first n)', positive, DEFAULT_LOAD.senders)
  .option('--window <n>', 'requests in flight per sender', positive, DEFAULT_LOAD.window)
  .option('--max-rss-mb <n>', 'fail when sampled RSS passes this', positive, DEFAULT_LOAD.maxRssMb)
  .option('--timeout-s <n>', 'stop and fail after this many seconds', positive, DEFAULT_LOAD.timeoutMs / 1000)
  .option('--json <file>', 'also write the result as JSON')
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));

program.parse();
const o = program.opts<{ clients: number; events: number; senders: number; window: number; maxRssMb: number; timeoutS: number; json?: string }>();
const options: LoadOptions = { ...DEFAULT_LOAD, clients: o.clients, events: o.events, senders: o.senders, window: o.window, maxRssMb: o.maxRssMb, timeoutMs: o.timeoutS * 1000 };

console.log(`load: ${options.clients} clients, ${options.events} user events from ${options.senders} senders (window ${options.window}), RSS bound ${options.maxRssMb} MiB`);
const result = await runLoad(options, (p) =>
  console.log(`  [${p.phase}] connected ${p.connected}/${options.clients}  acked ${p.acked}/${options.events}  delivered ${p.delivered}/${p.expectedDeliveries}  rss ${p.rssMb} MiB`),
);
print(result);
if (o.json) writeFileSync(o.json, JSON.stringify(result, null, 2) + '\n');
process.exit(result.ok ? 0 : 1);

function print(r: LoadResult): void {
  const t = r.tally;
  console.log(`machine: node ${r.machine.node}, ${r.machine.cpus} cpus, ${r.machine.platform}`);
  console.log(`connect: ${r.clients} clients registered on 2 DNs each in ${r.connect.ms} ms (${r.connect.perSecond}/s)`);
  console.log(`send:    ${t.acked} events acked in ${r.send.ms} ms: ${r.send.eventsPerSecond} events/s, ${r.send.deliveriesPerSecond} deliveries/s`);
  console.log(`latency: p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms (send to receiver dispatch)`);
  console.log(`checks:  expected ${t.expected}, received ${t.received}, lost ${t.lost}, duplicated ${t.duplicated}, misrouted ${t.misrouted}, refused ${t.sendErrors}`);
  console.log(`memory:  peak RSS ${r.rss.peakMb} MiB (bound ${r.rss.boundMb} MiB)`);
  if (r.incidents.samples.length > 0) console.log(`incidents:\n  ${r.incidents.samples.join('\n  ')}`);
  console.log(r.ok ? 'PASS' : `FAIL: ${r.failures.join('; ')}`);
}
