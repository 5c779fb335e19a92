/**
 * Switchover, link states, switch faults and the control channel of the
 * vendor pair, on the raw wire.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import type { Message } from '../../src/index.js';
import { startVendorPair, type VendorHandle } from './start.js';
import { WireClient, pause } from './wire-client.js';
import { FAULT_CODE } from './errors.js';
import { closeAfterEach } from '../helpers/close-after-each.js';

const run = promisify(execFile);
let handle: VendorHandle | undefined;
const clients: WireClient[] = [];

closeAfterEach(() => [...clients.splice(0), handle], () => (handle = undefined));

async function setup(): Promise<{ h: VendorHandle; onOne: WireClient; onTwo: WireClient }> {
  handle = await startVendorPair({ controlPort: 0 });
  const onOne = await WireClient.registered(handle.primary, 'on-one');
  const onTwo = await WireClient.registered(handle.backup, 'on-two');
  clients.push(onOne, onTwo);
  await onOne.waitFor((m) => m.Event === 'EventRestoreConnection');
  return { h: handle, onOne, onTwo };
}

/** A switchover with one server's link down: the first two events the new primary's client gets, once `last` has come. */
async function switchoverWithLinkDown(server: 'primary' | 'backup', last: string): Promise<string[]> {
  const { h, onTwo } = await setup();
  await control(h.controlPort!, { action: 'setLink', server, up: false });
  const from = onTwo.received.length;
  await control(h.controlPort!, { action: 'switchover' });
  await onTwo.waitFor((m) => m.Event === last, from);
  return names(onTwo.received.slice(from)).slice(0, 2);
}

/** One JSON line to the control channel, one answer line back. */
function control(port: number, request: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${typeof request === 'string' ? request : JSON.stringify(request)}\n`));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n')) {
        socket.destroy();
        resolve(JSON.parse(text.slice(0, text.indexOf('\n'))) as Record<string, unknown>);
      }
    });
    socket.on('error', reject);
  });
}

const names = (events: Message[]) => events.map((m) => m.Event);

describe('switchover', () => {
  it('new primary: EventPrimaryChanged with time; old primary: EventRestoreConnection ServerRole 1 naming itself as backup', async () => {
    const { h, onOne, onTwo } = await setup();
    const fromOne = onOne.received.length;
    const fromTwo = onTwo.received.length;
    expect(await control(h.controlPort!, { action: 'switchover' })).toEqual({ ok: true });
    const changed = await onTwo.waitFor((m) => m.Event === 'EventPrimaryChanged', fromTwo);
    expect(changed.time?.seconds).toBeGreaterThan(0);
    expect(changed).not.toHaveProperty('ApplicationName');
    const restore = await onOne.waitFor((m) => m.Event === 'EventRestoreConnection', fromOne);
    expect(restore).toEqual({ Event: 'EventRestoreConnection', ServerRole: 1, UserData: [['BackupServer', `127.0.0.1:${h.primary.port}`], ['BackupApplication', 'vendor-tserver-one']] });
    // The new primary's clients then learn where the backup is.
    const told = await onTwo.waitFor((m) => m.Event === 'EventRestoreConnection', fromTwo);
    expect(told).toMatchObject({ ServerRole: 0, UserData: [['BackupServer', `127.0.0.1:${h.primary.port}`], ['BackupApplication', 'vendor-tserver-one']] });
    expect(onOne.received.slice(fromOne).some((m) => m.Event === 'EventPrimaryChanged')).toBe(false);
    // Roles have swapped: the new primary serves, the old one refuses.
    expect((await onTwo.request({ Event: 'RequestSetInputMask' }, 'EventACK')).Event).toBe('EventACK');
    expect((await onOne.request({ Event: 'RequestSetInputMask' }, 'EventACK')).Event).toBe('EventError');
    expect(await control(h.controlPort!, { action: 'state' })).toMatchObject({ ok: true, state: { primary: 'two', switchovers: 1 } });
  });

  it('EventLinkDisconnected just prior to EventPrimaryChanged when the new primary has no link', async () => {
    expect(await switchoverWithLinkDown('backup', 'EventPrimaryChanged')).toEqual(['EventLinkDisconnected', 'EventPrimaryChanged']);
  });

  it('EventLinkConnected immediately after EventPrimaryChanged when only the new primary has a link', async () => {
    expect(await switchoverWithLinkDown('primary', 'EventLinkConnected')).toEqual(['EventPrimaryChanged', 'EventLinkConnected']);
  });

  it('EventPrimaryChanged alone when both links are alike; a link change is reported to that server own clients at once', async () => {
    const { h, onOne, onTwo } = await setup();
    const fromOne = onOne.received.length;
    await control(h.controlPort!, { action: 'setLink', server: 'primary', up: false });
    expect(names(onOne.received.slice(fromOne))).toEqual(['EventLinkDisconnected']);
    await control(h.controlPort!, { action: 'setLink', server: 'backup', up: false });
    const from = onTwo.received.length;
    await control(h.controlPort!, { action: 'switchover' });
    await onTwo.waitFor((m) => m.Event === 'EventRestoreConnection', from);
    expect(names(onTwo.received.slice(from))).toEqual(['EventPrimaryChanged', 'EventRestoreConnection']);
  });
});

describe('switch faults and calls', () => {
  it('EventHardwareError with ErrorCode, ThisDN and time to every client of the primary', async () => {
    const { h, onOne, onTwo } = await setup();
    const other = await WireClient.registered(h.primary);
    clients.push(other);
    expect(await control(h.controlPort!, { action: 'switchFault', kind: 'checksum', ThisDN: '7001' })).toEqual({ ok: true });
    for (const c of [onOne, other]) {
      const e = await c.waitFor((m) => m.Event === 'EventHardwareError');
      expect(e).toMatchObject({ ErrorCode: FAULT_CODE.checksum, ThisDN: '7001' });
      expect(e.time).toBeDefined();
    }
    expect(onTwo.of('EventHardwareError')).toEqual([]);
    const added = await control(h.controlPort!, { action: 'addCall', ThisDN: '7002', CustomerID: 'cu' });
    expect(added.connId).toMatch(/^[0-9a-f]{16}$/);
    await control(h.controlPort!, { action: 'switchFault', kind: 'incomplete-flow', ConnID: added.connId });
    const e = await onOne.waitFor((m) => m.Event === 'EventHardwareError' && m.ErrorCode === FAULT_CODE['incomplete-flow']);
    expect(e).toMatchObject({ ThisDN: '7002', ConnID: added.connId, CustomerID: 'cu' });
  });

  it('a known call change reaches the clients registered on its DN', async () => {
    const { h, onOne } = await setup();
    const watcher = await WireClient.registered(h.primary);
    clients.push(watcher);
    await watcher.register('7003');
    const added = await control(h.controlPort!, { action: 'addCall', ThisDN: '7003' });
    await onOne.request({ Event: 'RequestSetCallInfo', ConnID: added.connId as string, CustomerID: 'new' }, 'EventCallInfoChanged');
    expect(await watcher.waitFor((m) => m.Event === 'EventCallInfoChanged')).toMatchObject({ ConnID: added.connId, CustomerID: 'new' });
  });

  it('backupConnected sends EventRestoreConnection ServerRole 0 again', async () => {
    const { h, onOne } = await setup();
    const from = onOne.received.length;
    await control(h.controlPort!, { action: 'backupConnected' });
    expect(await onOne.waitFor((m) => m.Event === 'EventRestoreConnection', from)).toMatchObject({ ServerRole: 0 });
  });
});

describe('control channel and hook', () => {
  it('answers bad lines with ok:false and a sentence, and keeps serving', async () => {
    const { h } = await setup();
    expect(await control(h.controlPort!, '{"action":')).toMatchObject({ ok: false, error: expect.stringContaining('JSON object') });
    expect(await control(h.controlPort!, { action: 'reboot' })).toMatchObject({ ok: false, error: expect.stringContaining('unknown action') });
    expect(await control(h.controlPort!, { action: 'setLink', server: 'x' })).toMatchObject({ ok: false });
    expect(await control(h.controlPort!, { action: 'switchFault', kind: 'fire' })).toMatchObject({ ok: false });
    expect(await control(h.controlPort!, { action: 'state' })).toMatchObject({ ok: true });
  });

  it('hook.mjs maps the runner arguments onto the channel; exit 1 with the reason when refused', async () => {
    const { h, onTwo } = await setup();
    const hook = new URL('./hook.mjs', import.meta.url).pathname;
    const address = `127.0.0.1:${h.controlPort}`;
    await run('node', [hook, address, 'link', 'backup', 'down']);
    await run('node', [hook, address, 'fault', 'missing-attributes', '-', '-']);
    expect(await onTwo.waitFor((m) => m.Event === 'EventLinkDisconnected')).toBeDefined();
    await run('node', [hook, address, 'switchover']);
    expect(await control(h.controlPort!, { action: 'state' })).toMatchObject({ state: { primary: 'two', links: { one: true, two: false } } });
    const failed = await run('node', [hook, address, 'fault', 'fire', '-', '-']).catch((err: { code: number; stderr: string }) => err);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('switchFault needs') });
    const usage = await run('node', [hook, address, 'dance']).catch((err: { code: number; stderr: string }) => err);
    expect(usage).toMatchObject({ code: 2 });
    await pause(10);
  });
});
