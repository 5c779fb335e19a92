/**
 * Attribute values and keys that look like code or like the names
 * JavaScript objects treat specially travel as data: the simulator serves
 * them, TClient dispatches them unchanged, JSON conversion keeps them, and no
 * prototype is polluted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TClient } from '../../src/client/index.js';
import { decode, encode, fromJSON, toJSON, type KVList, type Message } from '../../src/index.js';
import { startSimulator, type SimHandle } from '../../src/sim/index.js';
import { connectRegistered, registerDn, request } from '../sim/wire-client.js';

const CODE = ['${process.exit(1)}', '`${process.exit(1)}`', "'); process.exit(1); ('", '{{constructor.constructor("process.exit(1)")()}}', '<script>alert(1)</script>'];
const KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', '__defineGetter__', 'polluted'];

function hostileList(): KVList {
  const nested: KVList = KEYS.map((k): [string, KVList] => [k, [['polluted', 'yes']]]);
  return [...KEYS.map((k, i): [string, string] => [k, CODE[i % CODE.length]!]), ['nested', nested], ...CODE.map((c): [string, number] => [c, 1])];
}

function prototypeClean(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(BASELINE);
  expect(typeof Object.prototype.toString).toBe('function');
}

const BASELINE = Object.getOwnPropertyNames(Object.prototype).sort();

let sim: SimHandle | undefined;
let client: TClient | undefined;
afterEach(async () => {
  await client?.close();
  await sim?.close();
  client = sim = undefined;
});

describe('hostile attribute values and keys', () => {
  it('round-trip through the codec and the JSON form as data', () => {
    const message: Message = { Event: 'EventUserEvent', ThisDN: '__proto__', CustomerID: CODE[0], UserData: hostileList() };
    expect(decode(encode(message)).UserData).toEqual(hostileList());
    const json = JSON.parse(JSON.stringify(toJSON(message)));
    expect(fromJSON(json).UserData).toEqual(hostileList());
    prototypeClean();
  });

  it('JSON input with __proto__ and constructor members pollutes nothing', () => {
    const raw = JSON.parse('{"Event":"EventUserEvent","ThisDN":"7001","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}');
    try {
      fromJSON(raw);
    } catch {
      // Refusing such input is as good as ignoring it; only pollution would be a failure.
    }
    prototypeClean();
  });

  it('the simulator and TClient carry them as ThisDN, ApplicationName and UserData without breaking', async () => {
    sim = await startSimulator({ pair: false });
    const log: string[] = [];
    const dispatched: Message[] = [];
    client = new TClient({ primary: sim.primary, applicationName: '__proto__', reconnect: { enabled: false }, onEvent: (e) => dispatched.push(e) });
    client.on('error', (e) => log.push(e.message));
    await client.open();
    const dns = ['__proto__', 'constructor', 'prototype', CODE[0]!, CODE[3]!];
    for (const dn of dns) await client.registerAddress(dn);
    const raw = await connectRegistered(sim.primary.port, 'constructor');
    await registerDn(raw, 'constructor');
    for (const dn of dns) {
      expect(await client.sendUserEvent(dn, hostileList(), { CustomerID: CODE[1] })).toMatchObject({ Event: 'EventACK' });
      expect(await client.privateService(dn, 1, { UserData: hostileList() })).toMatchObject({ Event: expect.stringMatching(/EventPrivateInfo|EventACK/) });
      expect(await client.reserveAgent({ ThisDN: dn, AgentID: CODE[2] })).toMatchObject({ Event: 'EventAgentReserved', AgentID: CODE[2] });
    }
    const userEvents = dispatched.filter((e) => e.Event === 'EventUserEvent');
    expect(userEvents.map((e) => e.ThisDN)).toEqual(dns);
    for (const e of userEvents) expect(e.UserData).toEqual(hostileList());
    expect(await client.queryAddress('__proto__')).toMatchObject({ Event: 'EventAddressInfo', ThisDN: '__proto__' });
    expect(await request(raw, { Event: 'RequestQueryLocation' })).toMatchObject({ Event: 'EventLocationInfo' });
    expect(raw.messages.filter((e) => e.Event === 'EventUserEvent')).toHaveLength(1);
    expect(log).toEqual([]);
    expect(sim.ctl.state().clients).toBe(2);
    raw.close();
    prototypeClean();
  });
});
