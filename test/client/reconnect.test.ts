/** Warm-standby reconnection over loopback TCP: pool, delays, re-registration, refusal. */
import { afterEach, describe, expect, it } from 'vitest';
import { ClientError, TClient, type TClientOptions } from '../../src/client/index.js';
import { event, namingBackup, startFakeServer, unusedPort, type FakeServer } from './fake-server.js';
import { FAST_RECONNECT, HANG_GUARD_MS, next, until } from './helpers.js';

let client: TClient | undefined;
const fakes: FakeServer[] = [];
afterEach(async () => {
  await client?.close();
  for (const f of fakes.splice(0)) await f.close();
  client = undefined;
});

async function fake(options: Parameters<typeof startFakeServer>[0] = {}): Promise<FakeServer> {
  const f = await startFakeServer(options);
  fakes.push(f);
  return f;
}

function makeClient(options: Partial<TClientOptions> & Pick<TClientOptions, 'primary'>): TClient {
  client = new TClient({ applicationName: 'app', openTimeoutMs: 500, ...options, reconnect: { ...FAST_RECONNECT, ...options.reconnect } });
  return client;
}

const registrations = (f: FakeServer, event: string) => f.received.filter((m) => m.Event === event).length;

describe('reconnection', () => {
  it('reconnects to the same server after a drop and re-registers its DNs', async () => {
    const primary = await fake();
    const c = makeClient({ primary: primary.name });
    await c.open();
    await c.registerAddress('9001');
    const disconnected = next(c, 'disconnected');
    const opened = next(c, 'opened');
    primary.connections[0]!.destroy();
    const [lost] = await disconnected;
    expect(lost).toMatchObject({ server: primary.name, role: 'primary' });
    const [info] = await opened;
    expect(info.reconnected).toBe(true);
    expect(info.registrations.map((r) => [r.dn, r.ok])).toEqual([['9001', true]]);
    expect(registrations(primary, 'RequestRegisterClient')).toBe(2);
    expect(registrations(primary, 'RequestRegisterAddress')).toBe(2);
  });

  it('moves to the backup of the pool after the switchover delay when the primary is gone', async () => {
    const primary = await fake();
    const backup = await fake();
    const c = makeClient({ primary: primary.name, backup: backup.name, reconnect: { switchoverDelayMs: 80 } });
    await c.open();
    const switched = next(c, 'switched');
    const lostAt = Date.now();
    await primary.close();
    const [info] = await switched;
    expect(info).toEqual({ from: primary.name, to: backup.name, reason: 'reconnect' });
    expect(Date.now() - lostAt).toBeGreaterThanOrEqual(80);
    expect(c.server).toBe(backup.name);
    expect(registrations(backup, 'RequestRegisterClient')).toBe(1);
  });

  it('escalates the delay between passes over the pool and gives up after maxPasses', async () => {
    const [p, b] = [await unusedPort(), await unusedPort()];
    const c = makeClient({ primary: `127.0.0.1:${p}`, backup: `127.0.0.1:${b}`, reconnect: { maxPasses: 3 } });
    const failures: Array<{ at: number; pass: number; server: string }> = [];
    c.on('attemptFailed', (f) => failures.push({ at: Date.now(), pass: f.pass, server: f.server }));
    const error = await c.open().catch((e: ClientError) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).code).toBe('ALL_ENDPOINTS_FAILED');
    expect(failures.map((f) => [f.pass, f.server])).toEqual([
      [0, `127.0.0.1:${p}`],
      [0, `127.0.0.1:${b}`],
      [1, `127.0.0.1:${p}`],
      [1, `127.0.0.1:${b}`],
      [2, `127.0.0.1:${p}`],
      [2, `127.0.0.1:${b}`],
    ]);
    const gaps = failures.slice(1).map((f, i) => f.at - failures[i]!.at);
    // switchover 20, retry[0] 30, switchover 20, retry[1] 60, switchover 20 (timers may fire 1 ms early)
    [20, 30, 20, 60, 20].forEach((min, i) => expect(gaps[i]).toBeGreaterThanOrEqual(min - 1));
    expect(c.phase).toBe('idle');
  });

  it('reports refused registration at once and never retries it, not even on the backup', async () => {
    const primary = await fake({ password: 'secret' });
    const backup = await fake();
    const c = makeClient({ primary: primary.name, backup: backup.name, password: 'wrong' });
    const error = await c.open().catch((e: ClientError) => e);
    expect(error).toMatchObject({ code: 'REGISTRATION_REFUSED' });
    expect((error as ClientError).event?.Event).toBe('EventError');
    // Idle is the reducer's word for "nothing scheduled": no pass over the pool can follow. The refused connection is closed.
    expect(c.phase).toBe('idle');
    await Promise.all(primary.connections.map((conn) => conn.closed));
    expect(c.phase).toBe('idle');
    expect(registrations(primary, 'RequestRegisterClient')).toBe(1);
    expect(registrations(backup, 'RequestRegisterClient')).toBe(0);
  });

  it('stops reconnecting when registration is refused on reconnect, and says so', async () => {
    let accepted = false;
    const primary = await fake({
      respond: (request) => {
        if (request.Event !== 'RequestRegisterClient') return undefined;
        if (accepted) return [event('EventError', { ReferenceID: request.ReferenceID, ErrorMessage: 'licence exhausted' })];
        accepted = true;
        return [event('EventServerConnected', { ReferenceID: request.ReferenceID })];
      },
    });
    const c = makeClient({ primary: primary.name });
    await c.open();
    const failed = next(c, 'error');
    primary.connections[0]!.destroy();
    const [error] = await failed;
    expect(error).toMatchObject({ code: 'REGISTRATION_REFUSED' });
    expect(error.message).toContain('licence exhausted');
    await until(() => c.phase === 'down', HANG_GUARD_MS, 'phase down');
    expect(registrations(primary, 'RequestRegisterClient')).toBe(2);
  });

  it('promotes the hot standby when the primary is lost and no EventPrimaryChanged comes within the switchover delay', async () => {
    const backup = await fake();
    const primary = await fake({
      respond: namingBackup(backup),
    });
    const c = makeClient({ primary: primary.name });
    const connected = next(c, 'backupConnected');
    await c.open();
    await connected;
    const switched = next(c, 'switched');
    await primary.close();
    const [info] = await switched;
    expect(info).toEqual({ from: primary.name, to: backup.name, reason: 'primary-lost' });
    expect((await c.queryLocation()).Server).toBe(backup.name);
  });

  it('stays down after a drop when reconnect is disabled', async () => {
    const primary = await fake();
    const c = makeClient({ primary: primary.name, reconnect: { enabled: false } });
    await c.open();
    const disconnected = next(c, 'disconnected');
    primary.connections[0]!.destroy();
    await disconnected;
    await until(() => c.phase === 'down', HANG_GUARD_MS, 'phase down');
    expect(registrations(primary, 'RequestRegisterClient')).toBe(1);
    await expect(c.queryLocation()).rejects.toMatchObject({ code: 'NOT_OPEN' });
  });
});
