/**
 * Runs of the live-server property share one simulator and its DNs. When a
 * time slice ends, fast-check abandons the run in progress without stopping
 * it, and the next run starts at once: runs must wait for each other, or
 * each sees the other's events (found by the fuzzer, seeds 234732226 and
 * 234748064, as unexpected EventAgentReserved / EventUserEvent).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ServerScript } from './arbitrary/server-script.js';
import { closeSharedSimulator, liveServer } from './properties/server.js';

/** Two clients on DN slot 0; events there reach the listener exactly once each. */
const busyScript: ServerScript = {
  clients: 2,
  ops: [
    { kind: 'register', client: 1, dn: 0 },
    ...Array.from({ length: 6 }, () => ({ kind: 'user-event' as const, client: 0, dn: 0 })),
    { kind: 'reserve', client: 0, dn: 0, agent: 0 },
  ],
};

describe('live-server runs', () => {
  afterAll(closeSharedSimulator);

  it('started while another is in progress, waits for it instead of sharing its DNs', async () => {
    const results = await Promise.allSettled([liveServer(busyScript), liveServer(busyScript), liveServer(busyScript)]);
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok']);
  });
});
