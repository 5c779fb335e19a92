/**
 * The client opened on a backup finds the primary (reason primary-found).
 * An event another application sends on a registered DN at the moment the
 * client reports the switch must reach the application exactly once: the
 * DNs are registered on the primary before 'switched' is emitted. Counted
 * over 100 runs, each ended by a barrier event, never by a wait.
 */
import { describe, expect, it } from 'vitest';
import { TClient } from '../../src/client/index.js';
import type { Message } from '../../src/index.js';
import { startSimulator } from '../../src/sim/index.js';

const RUNS = 100;
const marker = (m: Message): unknown => (m.Event === 'EventUserEvent' ? m.UserData?.find(([k]) => k === 'n')?.[1] : undefined);

async function oneRun(run: number): Promise<{ atSwitch: number; barrier: number }> {
  const sim = await startSimulator({ pair: true });
  // Server b is primary: the client's configured primary (a) answers ServerRole 1.
  await sim.ctl.switchover();
  const sender = new TClient({ primary: sim.backup!, applicationName: 'sender', reconnect: { enabled: false } });
  const events: Message[] = [];
  const client = new TClient({
    primary: sim.primary,
    backup: sim.backup!,
    applicationName: `receiver-${run}`,
    reconnect: { randomDelayMs: 1, switchoverDelayMs: 1, retryDelaysMs: [1] },
    onEvent: (m) => void events.push(m),
  });
  client.on('error', () => {});
  try {
    await sender.open();
    let barrierSeen: () => void = () => {};
    const barrier = new Promise<void>((r) => (barrierSeen = r));
    client.on('event', (m) => void (marker(m) === 'barrier' && barrierSeen()));
    const switched = new Promise<void>((resolve, reject) => {
      client.on('switched', (s) => {
        if (s.reason !== 'primary-found') return;
        // Sent the moment the switch is reported, before anything else runs.
        sender.sendUserEvent('7001', [['n', 'at-switch']]).then(() => resolve(), reject);
      });
    });
    await client.open();
    await client.registerAddress('7001');
    await switched;
    await sender.sendUserEvent('7001', [['n', 'barrier']]);
    await barrier;
    const count = (n: string): number => events.filter((m) => marker(m) === n).length;
    return { atSwitch: count('at-switch'), barrier: count('barrier') };
  } finally {
    await client.close();
    await sender.close();
    await sim.close();
  }
}

describe('primary found again while on a backup', () => {
  it(`an event sent at the moment of the switch is delivered once, ${RUNS} of ${RUNS} runs`, async () => {
    const results = [];
    for (let run = 0; run < RUNS; run++) results.push(await oneRun(run));
    const wrong = results.map((r, i) => ({ run: i, ...r })).filter((r) => r.atSwitch !== 1 || r.barrier !== 1);
    expect(wrong).toEqual([]);
  }, 120_000);
});
