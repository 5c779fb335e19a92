/**
 * The simulator's application password (test/sim/registration.test.ts checks
 * the wire answers): through TClient, and what an unauthenticated connection
 * can reach, which is nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TClient, isClientError } from '../../src/client/index.js';
import { SIM_ERROR, startSimulator, type SimHandle } from '../../src/sim/index.js';
import { connectRegistered, connectWire, request } from '../sim/wire-client.js';

let sim: SimHandle | undefined;
const clients: TClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close();
  await sim?.close();
  sim = undefined;
});

function client(password: string | undefined): TClient {
  const c = new TClient({ primary: sim!.primary, backup: sim!.backup, applicationName: 'app', password, reconnect: { randomDelayMs: 0, switchoverDelayMs: 0, retryDelaysMs: [10], maxPasses: 3 } });
  clients.push(c);
  return c;
}

describe('application password', () => {
  it('a wrong or missing password is REGISTRATION_REFUSED at once, never retried on the other server', async () => {
    sim = await startSimulator({ password: 's3cret' });
    for (const password of ['wrong', undefined, '', 's3cret ']) {
      const c = client(password);
      let attempts = 0;
      c.on('attemptFailed', () => attempts++);
      const error = await c.open().catch((e: unknown) => e);
      expect(isClientError(error, 'REGISTRATION_REFUSED')).toBe(true);
      expect((error as { event?: { ErrorCode?: number } }).event?.ErrorCode).toBe(SIM_ERROR.BAD_PASSWORD.code);
      expect(attempts).toBe(0);
    }
  });

  it('the right password opens the primary and the hot-standby backup', async () => {
    sim = await startSimulator({ password: 's3cret' });
    const c = client('s3cret');
    await c.open();
    await new Promise<void>((resolve) => c.on('backupConnected', () => resolve()));
    expect(c.backupServer).toBe(`${sim.backup!.host}:${sim.backup!.port}`);
  });

  it('a connection refused registration cannot register a DN, so it hears none of its events', async () => {
    sim = await startSimulator({ pair: false, password: 's3cret' });
    const intruder = await connectWire(sim.primary.port);
    expect(await request(intruder, { Event: 'RequestRegisterClient', ApplicationName: 'x', ApplicationPassword: 'guess' })).toMatchObject({ Event: 'EventError' });
    expect(await request(intruder, { Event: 'RequestRegisterAddress', ThisDN: '5000', RegisterMode: 0 })).toMatchObject({ ErrorCode: SIM_ERROR.NOT_REGISTERED.code });
    const insider = await connectRegistered(sim.primary.port, 'insider', 's3cret');
    expect(await request(insider, { Event: 'RequestDistributeUserEvent', ThisDN: '5000', UserData: [['secret', 1]] })).toMatchObject({ Event: 'EventACK' });
    await request(intruder, { Event: 'RequestQueryLocation' });
    expect(intruder.messages.some((m) => m.Event === 'EventUserEvent')).toBe(false);
    intruder.close();
    insider.close();
  });
});
