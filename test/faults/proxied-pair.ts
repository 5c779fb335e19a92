/**
 * A simulator hot-standby pair with a fault proxy in front of each server,
 * and TClients that reach the pair only through the proxies. Everything is
 * closed after each test.
 */
import { afterEach } from 'vitest';
import { TClient, type TClientOptions } from '../../src/client/index.js';
import type { Message } from '../../src/index.js';
import { startSimulator, type SimHandle, type SimulatorOptions } from '../../src/sim/index.js';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';

export interface ProxiedPair {
  sim: SimHandle;
  /** Proxy of server 'a' (initial primary) and of server 'b' (initial backup). */
  a: FaultProxy;
  b: FaultProxy;
  /** An opened TClient on the pair, collecting what it dispatches. */
  client(name: string, options?: Partial<TClientOptions>): Promise<{ client: TClient; events: Message[] }>;
}

/** Reconnect delays short enough for tests, long enough to order what a test does. */
export const FAST = { randomDelayMs: 5, switchoverDelayMs: 100, retryDelaysMs: [50, 100, 200] };

export function useProxiedPair(): (opts?: SimulatorOptions) => Promise<ProxiedPair> {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  return async (opts = {}) => {
    const sim = await startSimulator({ ...opts, pair: true });
    cleanups.push(() => sim.close());
    const a = await startFaultProxy(sim.primary);
    const b = await startFaultProxy(sim.backup!);
    cleanups.push(() => a.kill(), () => b.kill());
    for (const p of [a, b]) {
      p.portMap.set(sim.primary.port, a.port);
      p.portMap.set(sim.backup!.port, b.port);
    }
    return {
      sim,
      a,
      b,
      async client(name, options = {}) {
        const events: Message[] = [];
        const client = new TClient({ primary: a.address, backup: b.address, applicationName: name, reconnect: FAST, onEvent: (e) => events.push(e), ...options });
        cleanups.push(() => client.close());
        await client.open();
        return { client, events };
      },
    };
  };
}

/** "host:port" of a proxy, the `Server` a client sets on what it dispatches from it. */
export const nameOf = (p: FaultProxy) => `127.0.0.1:${p.port}`;
