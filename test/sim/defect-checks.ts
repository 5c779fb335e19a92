/**
 * One check per server-side defect: a small scenario against a fresh
 * simulator that returns null when the defect's rule holds, or what it saw
 * when the rule is broken. defects.test.ts runs every check with every
 * defect to show each defect breaks its own rule and no other.
 */
import type { Message } from '../../src/index.js';
import { startSimulator, type DefectName, type SimHandle } from '../../src/sim/index.js';
import { ask, barrier, connectRegistered, registerDn, request, type WireClient } from './wire-client.js';

type ServerDefect = Exclude<DefectName, 'restore-connection-delivered'>;
type Violation = string | null;

interface Scene {
  sim: SimHandle;
  client(port?: number): Promise<WireClient>;
}

/** The EventHardwareErrors a client registered on 7001 gets after a checksum switch fault there. */
async function hardwareErrorsAfterFault({ sim, client }: Scene): Promise<Message[]> {
  const c = await client();
  await registerDn(c, '7001');
  sim.ctl.switchFault('checksum', { ThisDN: '7001' });
  await barrier(c);
  return got(c, 'EventHardwareError');
}

/** Run a scenario on its own simulator, closing everything afterwards. */
/** The agent every scene's switch lacks. */
const GHOST_AGENT = 'ghost';

async function scene(defects: readonly string[], pair: boolean, body: (s: Scene) => Promise<Violation>): Promise<Violation> {
  const sim = await startSimulator({ defects, pair, unknownAgents: [GHOST_AGENT] });
  const clients: WireClient[] = [];
  try {
    return await body({
      sim,
      client: async (port) => {
        const c = await connectRegistered(port ?? sim.primary.port);
        clients.push(c);
        return c;
      },
    });
  } finally {
    for (const c of clients) c.close();
    await sim.close();
  }
}

const got = (c: WireClient, event: string): Message[] => c.messages.filter((m) => m.Event === event);
const show = (m: Message | undefined): string => (m ? JSON.stringify(m, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) : 'nothing');

async function userEventScene(defects: readonly string[], who: 'listener' | 'bystander' = 'listener'): Promise<Message[]> {
  let events: Message[] = [];
  await scene(defects, false, async ({ client }) => {
    const sender = await client();
    const listener = await client();
    const bystander = await client();
    await registerDn(listener, '7001');
    await registerDn(bystander, '7002');
    await ask(sender, { Event: 'RequestDistributeUserEvent', ThisDN: '7001', UserData: [['k', 'v']] }, 'EventACK');
    await Promise.all([barrier(listener), barrier(bystander)]);
    events = got(who === 'listener' ? listener : bystander, 'EventUserEvent');
    return null;
  });
  return events;
}

async function switchoverClients(defects: readonly string[]): Promise<{ oldPrimary: Message[]; newPrimary: Message[] }> {
  let result = { oldPrimary: [] as Message[], newPrimary: [] as Message[] };
  await scene(defects, true, async ({ sim, client }) => {
    const a = await client();
    const b = await client(sim.backup!.port);
    await sim.ctl.switchover();
    await Promise.all([barrier(a), barrier(b)]);
    result = { oldPrimary: got(a, 'EventPrimaryChanged'), newPrimary: got(b, 'EventPrimaryChanged') };
    return null;
  });
  return result;
}

async function reserveOnlyAgent(defects: readonly string[]): Promise<Message> {
  let reply: Message | undefined;
  await scene(defects, false, async ({ client }) => {
    reply = await request(await client(), { Event: 'RequestReserveAgent', AgentID: 'agent-1' });
    return null;
  });
  return reply!;
}

async function reserveScene(defects: readonly string[]) {
  let onDn: WireClient | undefined;
  let bystander: WireClient | undefined;
  let reply: Message | undefined;
  await scene(defects, false, async ({ client }) => {
    const requester = await client();
    onDn = await client();
    bystander = await client();
    await registerDn(onDn, '7001');
    await registerDn(bystander, '7002');
    reply = await request(requester, { Event: 'RequestReserveAgent', ThisDN: '7001', AgentID: 'agent-1', Place: 'P1', Timeout: 15000 });
    await Promise.all([barrier(onDn), barrier(bystander)]);
    return null;
  });
  return { reply: reply!, onDn: got(onDn!, 'EventAgentReserved'), bystander: got(bystander!, 'EventAgentReserved') };
}

async function privateScene(defects: readonly string[]) {
  let requester: Message[] = [];
  let bystander: Message[] = [];
  await scene(defects, false, async ({ client }) => {
    const r = await client();
    const b = await client();
    await registerDn(b, '7002');
    await ask(r, { Event: 'RequestPrivateService', PrivateEvent: 4001, ThisDN: '7001' }, 'EventACK');
    // The barrier is the fence even for a late leak: the simulator writes it before its answer.
    await Promise.all([barrier(r), barrier(b)]);
    requester = got(r, 'EventPrivateInfo');
    bystander = got(b, 'EventPrivateInfo');
    return null;
  });
  return { requester, bystander };
}

async function monitoring(defects: readonly string[], stopOp: 2 | 3): Promise<{ start: Message; other: Message }> {
  let result: { start: Message; other: Message } | undefined;
  await scene(defects, false, async ({ client }) => {
    const c = await client();
    const start = await ask(c, { Event: 'RequestTransactionMonitoring', SubscriptionOperation: 1 }, 'EventACK');
    const other = await ask(c, { Event: 'RequestTransactionMonitoring', SubscriptionOperation: stopOp, SubscriptionID: start.SubscriptionID ?? 'sub-1' }, 'EventACK');
    result = { start, other };
    return null;
  });
  return result!;
}

async function switchoverSequence(defects: readonly string[], primaryUp: boolean, backupUp: boolean): Promise<string[]> {
  let seq: string[] = [];
  await scene(defects, true, async ({ sim, client }) => {
    const b = await client(sim.backup!.port);
    sim.ctl.setLink('primary', primaryUp);
    sim.ctl.setLink('backup', backupUp);
    const from = b.messages.length;
    await sim.ctl.switchover();
    await barrier(b);
    seq = b.messages.slice(from).map((m) => m.Event).filter((e) => e.startsWith('EventLink') || e === 'EventPrimaryChanged');
    return null;
  });
  return seq;
}

async function restoreOnRegister(defects: readonly string[]): Promise<Message | undefined> {
  let restore: Message | undefined;
  await scene(defects, true, async ({ client }) => {
    const c = await client();
    await barrier(c);
    restore = got(c, 'EventRestoreConnection')[0];
    return null;
  });
  return restore;
}

export const CHECKS: Record<ServerDefect, (defects: readonly string[]) => Promise<Violation>> = {
  'ack-no-reference-id': (d) =>
    scene(d, false, async ({ client }) => {
      const c = await client();
      c.send({ Event: 'RequestDistributeEvent', ReferenceID: 555 });
      const ack = await c.waitFor((m) => m.Event === 'EventACK');
      return ack.ReferenceID === undefined ? `EventACK without ReferenceID: ${show(ack)}` : null;
    }),
  'ack-wrong-reference-id': (d) =>
    scene(d, false, async ({ client }) => {
      const c = await client();
      c.send({ Event: 'RequestDistributeEvent', ReferenceID: 555 });
      const ack = await c.waitFor((m) => m.Event === 'EventACK');
      return ack.ReferenceID !== undefined && ack.ReferenceID !== 555 ? `EventACK ReferenceID ${ack.ReferenceID} for request 555` : null;
    }),
  'ack-wrong-user-event': (d) =>
    scene(d, false, async ({ client }) => {
      const c = await client();
      c.send({ Event: 'RequestDistributeEvent', ReferenceID: 556 });
      const ack = await c.waitFor((m) => m.Event === 'EventACK');
      return ack.UserEvent === 49 ? null : `EventACK for RequestDistributeEvent (49) with UserEvent ${ack.UserEvent}`;
    }),
  'ack-missing-set-input-mask': (d) =>
    scene(d, false, async ({ client }) => {
      const c = await client();
      c.send({ Event: 'RequestSetInputMask', ReferenceID: 556 });
      await barrier(c);
      return got(c, 'EventACK').length === 1 ? null : 'no EventACK for RequestSetInputMask';
    }),
  'subscription-id-missing-on-start': async (d) => {
    const { start } = await monitoring(d, 2);
    return start.SubscriptionID === undefined ? `SubscriptionStart acknowledged without SubscriptionID: ${show(start)}` : null;
  },
  'subscription-id-on-stop': async (d) => {
    const stop = (await monitoring(d, 2)).other;
    const modify = (await monitoring(d, 3)).other;
    return stop.SubscriptionID !== undefined || modify.SubscriptionID !== undefined ? `SubscriptionID on stop/modify: ${show(stop)} ${show(modify)}` : null;
  },
  'reserved-no-identity': async (d) => {
    const { reply } = await reserveScene(d);
    return reply.AgentID === undefined && reply.Place === undefined && reply.ThisDN === undefined ? `no AgentID/Place/ThisDN: ${show(reply)}` : null;
  },
  'reserved-wrong-echo': async (d) => {
    const { reply } = await reserveScene(d);
    const wrong = (['AgentID', 'Place', 'ThisDN'] as const).filter((k) => reply[k] !== undefined && reply[k] !== { AgentID: 'agent-1', Place: 'P1', ThisDN: '7001' }[k]);
    return wrong.length > 0 ? `${wrong.join(', ')} differ from the request: ${show(reply)}` : null;
  },
  'reserved-timeout-seconds': async (d) => {
    const { reply } = await reserveScene(d);
    return reply.Timeout !== 15000 ? `Timeout ${String(reply.Timeout)} for a 15000 ms reservation` : null;
  },
  'reserved-not-to-registered': async (d) => {
    const { onDn } = await reserveScene(d);
    return onDn.length === 0 ? 'the client registered on the agent DN got no EventAgentReserved' : null;
  },
  'reserved-leak': async (d) => {
    const { bystander } = await reserveScene(d);
    return bystander.length > 0 ? 'a client registered elsewhere got EventAgentReserved' : null;
  },
  'call-info-no-conn-id': (d) =>
    scene(d, false, async ({ sim, client }) => {
      const c = await client();
      const ConnID = sim.ctl.addCall({ ThisDN: '7001' });
      const changed = await request(c, { Event: 'RequestSetCallInfo', ConnID, CustomerID: 'x' });
      return changed.ConnID === undefined ? `EventCallInfoChanged without ConnID: ${show(changed)}` : null;
    }),
  'reserved-unknown-agent': (d) =>
    scene(d, false, async ({ client }) => {
      const reply = await request(await client(), { Event: 'RequestReserveAgent', AgentID: GHOST_AGENT, Timeout: 1000 });
      return reply.Event === 'EventError' ? null : `an agent the switch does not have was reported reserved: ${show(reply)}`;
    }),
  'call-info-unknown-call': (d) =>
    scene(d, false, async ({ client }) => {
      const reply = await request(await client(), { Event: 'RequestSetCallInfo', ConnID: '00000000000000ff', CustomerID: 'x' });
      return reply.Event === 'EventError' ? null : `the information of no call was reported changed: ${show(reply)}`;
    }),
  'private-info-leak': async (d) => ((await privateScene(d)).bystander.length > 0 ? 'EventPrivateInfo reached an unrelated client' : null),
  'private-info-no-private-event': async (d) => {
    const info = (await privateScene(d)).requester[0];
    return info?.PrivateEvent === undefined ? `EventPrivateInfo without PrivateEvent: ${show(info)}` : null;
  },
  'user-event-no-this-dn': async (d) => {
    const events = await userEventScene(d);
    return events.some((m) => m.ThisDN !== '7001') ? `EventUserEvent without ThisDN: ${show(events[0])}` : null;
  },
  'user-event-not-delivered': async (d) => ((await userEventScene(d)).length === 0 ? 'no EventUserEvent reached the client on ThisDN' : null),
  'missing-time': async (d) => {
    const info = (await privateScene(d)).requester[0];
    return info?.time === undefined ? `EventPrivateInfo without time: ${show(info)}` : null;
  },
  'obsolete-event': (d) =>
    scene(d, false, async ({ client }) => {
      const c = await client();
      await registerDn(c, '7001');
      await barrier(c);
      const obsolete = c.messages.find((m) => m.Obsolete);
      return obsolete ? `obsolete ${obsolete.Event} emitted` : null;
    }),
  'link-disconnected-after-primary-changed': async (d) => {
    const seq = await switchoverSequence(d, true, false);
    return seq.join() === 'EventLinkDisconnected,EventPrimaryChanged' ? null : `sequence ${seq.join(', ')}`;
  },
  'link-connected-before-primary-changed': async (d) => {
    const seq = await switchoverSequence(d, false, true);
    return seq.join() === 'EventPrimaryChanged,EventLinkConnected' ? null : `sequence ${seq.join(', ')}`;
  },
  'resync-query-location-fails': (d) =>
    scene(d, true, async ({ sim, client }) => {
      await sim.ctl.switchover();
      const b = await client(sim.backup!.port);
      const loc = await request(b, { Event: 'RequestQueryLocation' });
      return loc.Event === 'EventLocationInfo' ? null : `new primary answered TQueryLocation with ${show(loc)}`;
    }),
  'restore-connection-wrong-role': async (d) => {
    const restore = await restoreOnRegister(d);
    return restore?.ServerRole === 0 ? null : `EventRestoreConnection from the primary: ${show(restore)}`;
  },
  'restore-connection-backup-role-0': (d) =>
    scene(d, true, async ({ sim, client }) => {
      const c = await client();
      await barrier(c);
      const from = c.messages.length;
      await sim.ctl.switchover();
      const restore = await c.waitFor((m) => m.Event === 'EventRestoreConnection', undefined, from);
      return restore.ServerRole === 1 ? null : `EventRestoreConnection from the primary turned backup: ${show(restore)}`;
    }),
  'restore-connection-no-backup': async (d) => {
    const restore = await restoreOnRegister(d);
    const keys = (restore?.UserData ?? []).map(([k]) => k);
    return keys.includes('backup_host') && keys.includes('backup_port') ? null : `EventRestoreConnection names no backup: ${show(restore)}`;
  },
  'ack-subscription-id-stray': (d) =>
    scene(d, false, async ({ client }) => {
      const ack = await ask(await client(), { Event: 'RequestDistributeEvent', ThisDN: '7001' }, 'EventACK');
      return ack.SubscriptionID === undefined ? null : `SubscriptionID on an EventACK to TSendEvent(): ${show(ack)}`;
    }),
  'reserved-echoes-absent-parameter': async (d) => {
    const reply = await reserveOnlyAgent(d);
    return reply.Place === undefined && reply.ThisDN === undefined ? null : `Place/ThisDN not in the request: ${show(reply)}`;
  },
  'call-info-wrong-conn-id': (d) =>
    scene(d, false, async ({ sim, client }) => {
      const ConnID = sim.ctl.addCall({ ThisDN: '7001' });
      const changed = await request(await client(), { Event: 'RequestSetCallInfo', ConnID, CustomerID: 'x' });
      return changed.ConnID === undefined || changed.ConnID === ConnID ? null : `EventCallInfoChanged for another call: ${show(changed)}`;
    }),
  // The same rule as private-info-leak, broken later (DefectDef.variantOf).
  'private-info-leak-late': async (d) => ((await privateScene(d)).bystander.length > 0 ? 'EventPrivateInfo reached an unrelated client' : null),
  'user-event-leak-late': async (d) => ((await userEventScene(d, 'bystander')).length > 0 ? 'EventUserEvent reached a client registered on another DN' : null),
  'user-event-drops-user-data': async (d) => {
    const [m] = await userEventScene(d);
    return m === undefined || m.UserData !== undefined ? null : `EventUserEvent without the initiator's UserData: ${show(m)}`;
  },
  'primary-changed-no-time': async (d) => {
    const [m] = (await switchoverClients(d)).newPrimary;
    return m === undefined || m.time !== undefined ? null : `EventPrimaryChanged without time: ${show(m)}`;
  },
  'primary-changed-from-old-primary': async (d) => {
    const { oldPrimary } = await switchoverClients(d);
    return oldPrimary.length === 0 ? null : 'a client of the old primary got EventPrimaryChanged';
  },
  'restore-connection-names-sender': (d) =>
    scene(d, true, async ({ sim, client }) => {
      const c = await client();
      await barrier(c);
      const restore = got(c, 'EventRestoreConnection')[0];
      const port = restore?.UserData?.find(([k]) => k === 'backup_port')?.[1];
      return port === undefined || port === sim.backup!.port ? null : `EventRestoreConnection names port ${String(port)}, not the backup's ${sim.backup!.port}`;
    }),
  'hardware-error-no-time': (d) =>
    scene(d, false, async (s) => {
      const m = (await hardwareErrorsAfterFault(s))[0];
      return m === undefined || m.time !== undefined ? null : `EventHardwareError without time: ${show(m)}`;
    }),
  'hardware-error-missing': (d) =>
    scene(d, false, async (s) => ((await hardwareErrorsAfterFault(s)).length === 1 ? null : 'no EventHardwareError after a switch fault')),
};
