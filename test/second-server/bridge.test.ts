/**
 * The exec bridge on its own: the runner's side of spec/bridge-contract.md.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startVendorPair, type VendorHandle } from './start.js';
import { switchover } from './control.js';
import { requireBuiltCli } from './conform-run.js';
import { BridgeSession } from './bridge-session.js';

let handle: VendorHandle | undefined;
const sessions: BridgeSession[] = [];

beforeAll(() => requireBuiltCli());
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.end()));
  await handle?.close();
  handle = undefined;
});

const address = (e: { host: string; port: number }) => `${e.host}:${e.port}`;

describe('exec bridge', () => {
  it('opens the session the runner asks for, whatever order the addresses come in, with the runner ReferenceID', async () => {
    handle = await startVendorPair({ controlPort: -1 });
    const primary = new BridgeSession('primary', address(handle.backup), address(handle.primary));
    const backup = new BridgeSession('backup', address(handle.backup), address(handle.primary));
    sessions.push(primary, backup);
    primary.send({ Event: 'RequestRegisterClient', ApplicationName: 'p', ReferenceID: 4242 });
    backup.send({ Event: 'RequestRegisterClient', ApplicationName: 'b', ReferenceID: 4343 });
    expect(await primary.waitFor((m) => m.Event === 'EventServerConnected')).toMatchObject({ ReferenceID: 4242, ServerRole: 0 });
    expect(await backup.waitFor((m) => m.Event === 'EventServerConnected')).toMatchObject({ ReferenceID: 4343, ServerRole: 1 });
    primary.send({ Event: 'RequestSetInputMask', InputMask: new Uint8Array(64), ReferenceID: 9 });
    expect(await primary.waitFor((m) => m.Event === 'EventACK')).toMatchObject({ ReferenceID: 9 });
  });

  it('app session: never writes EventRestoreConnection, follows a switchover, sends requests to the new primary', async () => {
    handle = await startVendorPair({ controlPort: -1 });
    const app = new BridgeSession('app', address(handle.primary), address(handle.backup));
    sessions.push(app);
    app.send({ Event: 'RequestRegisterClient', ApplicationName: 'app', ReferenceID: 1 });
    // The bridge answers RequestRegisterClient once both servers registered it: the backup will report the switchover.
    await app.waitFor((m) => m.Event === 'EventServerConnected');
    await switchover(handle.pair);
    expect(await app.waitFor((m) => m.Event === 'EventPrimaryChanged')).toBeDefined();
    app.send({ Event: 'RequestQueryLocation', ReferenceID: 2 });
    expect(await app.waitFor((m) => m.Event === 'EventLocationInfo')).toMatchObject({ ReferenceID: 2, ApplicationName: 'vendor-tserver-two' });
    expect(app.received.filter((m) => m.Event === 'EventRestoreConnection')).toEqual([]);
    // stderr is another pipe than stdout: its note may arrive after the frames.
    await app.waitForStderr(/is primary now/);
  });

  it('exits non-zero with the reason when it cannot open its session', async () => {
    const lost = new BridgeSession('primary', '127.0.0.1:1', '127.0.0.1:2');
    lost.send({ Event: 'RequestRegisterClient', ApplicationName: 'x', ReferenceID: 1 });
    expect(await lost.end()).toBe(1);
    expect(lost.stderr).toMatch(/cannot reach 127\.0\.0\.1:1/);
  });
});
