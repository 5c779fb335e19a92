/**
 * The real-server choices (CHOICES.md #28-#34) and the presets, on the raw
 * wire: each is on only when asked for, and does what CHOICES.md says.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';

import { startVendorPair, type VendorHandle } from './start.js';
import { WireClient } from './wire-client.js';
import { switchFault } from './control.js';
import { optionsFromArgs } from './args.js';
import { PRESETS, type ServerOptions } from './options.js';
import { closeAfterEach } from '../helpers/close-after-each.js';

let handle: VendorHandle | undefined;
const clients: WireClient[] = [];

closeAfterEach(() => [...clients.splice(0), handle], () => (handle = undefined));

async function pairWith(options: Partial<ServerOptions>): Promise<VendorHandle> {
  handle = await startVendorPair({ controlPort: -1, ...options });
  return handle;
}

async function client(endpoint: { host: string; port: number }, password?: string): Promise<WireClient> {
  const c = await WireClient.open(endpoint);
  clients.push(c);
  const connected = await c.request({ Event: 'RequestRegisterClient', ApplicationName: 'choices', ...(password ? { ApplicationPassword: password } : {}) }, 'EventServerConnected');
  expect(connected.Event).toBe('EventServerConnected');
  return c;
}

/** A request answered in order on the same connection: everything written before it has arrived. */
async function barrier(c: WireClient): Promise<void> {
  await c.request({ Event: 'RequestQueryLocation' }, 'EventLocationInfo');
}

describe('the realistic preset', () => {
  it('writes EventSequenceNumber (one counter per server) and ServerStartTime on every event but EventRestoreConnection', async () => {
    const h = await pairWith(PRESETS.realistic!);
    const a = await client(h.primary);
    const b = await client(h.backup);
    await a.register('7001');
    await a.request({ Event: 'RequestDistributeEvent', ThisDN: '7001' }, 'EventACK');
    await a.waitFor((m) => m.Event === 'EventRestoreConnection');
    await barrier(a);
    await barrier(b);
    const conventional = a.received.filter((m) => m.Event !== 'EventRestoreConnection');
    expect(conventional.length).toBeGreaterThanOrEqual(4);
    for (const m of [...conventional, ...b.received]) {
      expect(typeof m.EventSequenceNumber, m.Event).toBe('bigint');
      expect(m.ServerStartTime, m.Event).toBe(h.pair.startTime);
    }
    const numbers = conventional.map((m) => m.EventSequenceNumber as bigint);
    expect(numbers).toEqual([...numbers].sort((x, y) => (x < y ? -1 : 1)));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(a.of('EventRestoreConnection')[0]).not.toHaveProperty('EventSequenceNumber');
    expect(a.of('EventRestoreConnection')[0]).not.toHaveProperty('ServerStartTime');
  });

  it('puts the request ThisDN on EventACK, and none where the request had none', async () => {
    const h = await pairWith(PRESETS.realistic!);
    const a = await client(h.primary);
    expect(await a.request({ Event: 'RequestDistributeUserEvent', ThisDN: '7002', UserData: [['k', 'v']] }, 'EventACK')).toMatchObject({ Event: 'EventACK', ThisDN: '7002', UserEvent: 48 });
    const mask = await a.request({ Event: 'RequestSetInputMask', InputMask: new Uint8Array(64) }, 'EventACK');
    expect(mask.Event).toBe('EventACK');
    expect(mask).not.toHaveProperty('ThisDN');
  });

  it('answers TPrivateService() with EventPrivateInfo alone', async () => {
    const h = await pairWith(PRESETS.realistic!);
    const a = await client(h.primary);
    const id = a.send({ Event: 'RequestPrivateService', PrivateEvent: 7, ThisDN: '7003' });
    expect(await a.waitFor((m) => m.ReferenceID === id)).toMatchObject({ Event: 'EventPrivateInfo', PrivateEvent: 7 });
    await barrier(a);
    expect(a.received.filter((m) => m.ReferenceID === id).map((m) => m.Event)).toEqual(['EventPrivateInfo']);
  });

  it('is off by default: no sequence number, no start time, no ThisDN on EventACK, EventACK after EventPrivateInfo', async () => {
    const h = await pairWith({});
    const a = await client(h.primary);
    const id = a.send({ Event: 'RequestPrivateService', PrivateEvent: 7, ThisDN: '7003' });
    await a.waitFor((m) => m.Event === 'EventACK' && m.ReferenceID === id);
    expect(a.received.filter((m) => m.ReferenceID === id).map((m) => m.Event)).toEqual(['EventPrivateInfo', 'EventACK']);
    for (const m of a.received) {
      expect(m).not.toHaveProperty('EventSequenceNumber');
      expect(m).not.toHaveProperty('ServerStartTime');
      if (m.Event === 'EventACK') expect(m).not.toHaveProperty('ThisDN');
    }
  });
});

describe('the other flipped choices', () => {
  it('names the backup in the nested form [BackupServer, [[uri, "tcp://host:port"]]]', async () => {
    const h = await pairWith({ restoreReference: 'nested' });
    const a = await client(h.primary);
    expect(await a.waitFor((m) => m.Event === 'EventRestoreConnection')).toEqual({
      Event: 'EventRestoreConnection',
      ServerRole: 0,
      UserData: [['BackupServer', [['uri', `tcp://127.0.0.1:${h.backup.port}`]]]],
    });
  });

  it('draws the fan-out jitter from its seed: the same seed, the same delays', async () => {
    const draws = async (seed: number) => {
      const h = await startVendorPair({ controlPort: -1, seed });
      try {
        return Array.from({ length: 20 }, () => h.pair.draw(0, 121));
      } finally {
        await h.close();
      }
    };
    const first = await draws(7);
    expect(await draws(7)).toEqual(first);
    expect(await draws(8)).not.toEqual(first);
    expect(first.every((d) => d >= 0 && d <= 120)).toBe(true);
  });

  it('with jitter, delivers EventUserEvent to every receiver but the sender, and only then acknowledges it', async () => {
    const h = await pairWith({ fanoutJitterMs: 120 });
    const sender = await client(h.primary);
    const r1 = await client(h.primary);
    const r2 = await client(h.backup);
    for (const c of [sender, r1, r2]) await c.register('7004');
    await sender.request({ Event: 'RequestDistributeUserEvent', ThisDN: '7004', UserData: [['n', 1]] }, 'EventACK');
    // The ACK is written after every copy: each receiver's copy is already on its way.
    for (const r of [r1, r2]) expect(await r.waitFor((m) => m.Event === 'EventUserEvent')).toMatchObject({ ThisDN: '7004', UserData: [['n', 1]] });
    await barrier(sender);
    expect(sender.of('EventUserEvent')).toEqual([]);
  });

  it('reports a switch fault on the backup too, with time', async () => {
    const h = await pairWith({ hardwareErrorOnBackup: true });
    const onBackup = await client(h.backup);
    await switchFault(h.pair, 'checksum', { ThisDN: '7005' });
    const e = await onBackup.waitFor((m) => m.Event === 'EventHardwareError');
    expect(e).toMatchObject({ ThisDN: '7005', ErrorCode: 501 });
    expect(e.time).toBeDefined();
  });
});

describe('the lab preset and its profile', () => {
  const profile = JSON.parse(readFileSync(new URL('./lab-profile.json', import.meta.url), 'utf8')) as {
    dns: Array<{ dn: string }>;
    agents: Array<{ agentId: string; place?: string }>;
    credentials: { applicationPassword: string };
  };

  it('lab-profile.json is valid against spec/profile.schema.json', () => {
    const schema = JSON.parse(readFileSync(new URL('../../spec/profile.schema.json', import.meta.url), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    expect(validate(profile), JSON.stringify(validate.errors)).toBe(true);
  });

  it('describes the pair --preset lab starts: its DNs, agents, places and password', () => {
    const lab = optionsFromArgs(['--preset', 'lab', '--quiet']) as Partial<ServerOptions>;
    expect(lab.resources?.dns).toEqual(profile.dns.map((d) => d.dn));
    expect(lab.resources?.dns).toEqual(Array.from({ length: 16 }, (_, i) => String(5101 + i)));
    expect(lab.resources?.agents).toEqual(profile.agents.map((a) => a.agentId));
    expect(lab.resources?.places).toEqual(profile.agents.map((a) => a.place));
    expect(lab.password).toBe(profile.credentials.applicationPassword);
    expect(lab).toMatchObject({ fanoutJitterMs: 120, restoreReference: 'nested', eventSequenceNumber: true, privateInfoAlone: true, ackThisDN: true, serverStartTime: true, hardwareErrorOnBackup: true });
  });

  it('serves the profile resources with the password, refuses others, and never echoes a user event to its sender', async () => {
    const h = await pairWith(PRESETS.lab!);
    const wrong = await WireClient.open(h.primary);
    clients.push(wrong);
    expect((await wrong.request({ Event: 'RequestRegisterClient', ApplicationName: 'x' }, 'EventServerConnected')).Event).toBe('EventError');
    const sender = await client(h.primary, 'lab-s3cret');
    const receiver = await client(h.primary, 'lab-s3cret');
    await sender.register('5116');
    await receiver.register('5116');
    expect((await sender.request({ Event: 'RequestRegisterAddress', ThisDN: '5117' }, 'EventRegistered')).Event).toBe('EventError');
    expect((await sender.request({ Event: 'RequestReserveAgent', AgentID: '1007', ThisDN: '5101' }, 'EventAgentReserved')).Event).toBe('EventError');
    expect(await sender.request({ Event: 'RequestReserveAgent', AgentID: '1006', Place: 'Place_1006', ThisDN: '5101' }, 'EventAgentReserved')).toMatchObject({ AgentID: '1006', Place: 'Place_1006' });
    await sender.request({ Event: 'RequestDistributeUserEvent', ThisDN: '5116' }, 'EventACK');
    expect(await receiver.waitFor((m) => m.Event === 'EventUserEvent')).toMatchObject({ ThisDN: '5116' });
    await barrier(sender);
    expect(sender.of('EventUserEvent')).toEqual([]);
  });

  it('the flags override a preset', () => {
    expect(optionsFromArgs(['--preset', 'realistic', '--jitter-ms', '30', '--restore-reference', 'nested', '--quiet'])).toMatchObject({ eventSequenceNumber: true, fanoutJitterMs: 30, restoreReference: 'nested' });
    expect(() => optionsFromArgs(['--preset', 'nope'])).toThrow(/unknown preset "nope": realistic, flipped, lab/);
    expect(() => optionsFromArgs(['--restore-reference', 'xml'])).toThrow(/flat or nested/);
  });
});

