/**
 * Events of a DN reach only the clients entitled to them. Over many random
 * requests (seeded, so a failure replays), every client's received
 * EventUserEvent / EventPrivateInfo / EventAgentReserved is checked against
 * a model of who should get what: the requester its answer, clients
 * registered on the DN the notification, nobody else anything. An outsider
 * registered on an unrelated DN must receive none of them. The simulator's
 * leak defects show the check fails when the rule is broken.
 */
import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/index.js';
import { startSimulator, type SimHandle } from '../../src/sim/index.js';
import { barrier, connectRegistered, registerDn, type WireClient } from '../sim/wire-client.js';
import { closeAfterEach } from '../helpers/close-after-each.js';

const WATCHED = ['E1', 'E2', 'E3'];
const KINDS = ['EventUserEvent', 'EventPrivateInfo', 'EventAgentReserved'] as const;

let sim: SimHandle | undefined;
const open: WireClient[] = [];
closeAfterEach(() => [...open.splice(0), sim], () => (sim = undefined));

interface Member {
  wire: WireClient;
  dns: string[];
}

/** Expected counts per member and kind, and the members' actual counts, after `count` random requests. */
async function run(defects: string[], count: number, seed: number): Promise<{ expected: number[][]; actual: number[][]; outsider: Message[] }> {
  sim = await startSimulator({ pair: false, defects });
  const layout = [['E1'], ['E1', 'E2'], ['E2'], ['E3'], ['E1', 'E3'], []];
  const members: Member[] = [];
  for (const [i, dns] of layout.entries()) {
    const wire = await connectRegistered(sim.primary.port, `member-${i}`);
    open.push(wire);
    for (const dn of dns) await registerDn(wire, dn);
    members.push({ wire, dns });
  }
  const outsider = await connectRegistered(sim.primary.port, 'outsider');
  open.push(outsider);
  await registerDn(outsider, 'OUTSIDE');

  let s = seed >>> 0;
  const rnd = (n: number) => ((s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0) >>> 8) % n;
  const expected = members.map(() => KINDS.map(() => 0));
  for (let i = 0; i < count; i++) {
    const from = rnd(members.length);
    const dn = WATCHED[rnd(WATCHED.length)]!;
    const kind = rnd(3);
    const sender = members[from]!;
    const ReferenceID = 50_000 + i;
    if (kind === 0) sender.wire.send({ Event: 'RequestDistributeUserEvent', ReferenceID, ThisDN: dn, UserData: [['n', i]] });
    if (kind === 1) sender.wire.send({ Event: 'RequestPrivateService', ReferenceID, ThisDN: dn, PrivateEvent: 7 });
    if (kind === 2) sender.wire.send({ Event: 'RequestReserveAgent', ReferenceID, ThisDN: dn, AgentID: `agent-${i}` });
    members.forEach((m, j) => {
      const registered = m.dns.includes(dn);
      // EventUserEvent goes to everyone registered on the DN, the sender included; the other two answer the requester and notify the others registered.
      if (kind === 0 && registered) expected[j]![0]!++;
      if (kind !== 0 && (j === from || registered)) expected[j]![kind]!++;
    });
  }
  for (const m of members) await barrier(m.wire);
  await barrier(outsider);
  const actual = members.map((m) => KINDS.map((k) => m.wire.messages.filter((e) => e.Event === k).length));
  return { expected, actual, outsider: outsider.messages.filter((e) => (KINDS as readonly string[]).includes(e.Event)) };
}

describe('events reach only entitled clients', () => {
  it('600 random user events, private services and agent reservations: each client gets exactly its share, the outsider nothing', async () => {
    const { expected, actual, outsider } = await run([], 600, 20240607);
    expect(actual).toEqual(expected);
    expect(outsider).toEqual([]);
    // Every kind was exercised, so the equality above is not vacuous.
    for (const k of KINDS.keys()) expect(expected.reduce((sum, row) => sum + row[k]!, 0)).toBeGreaterThan(50);
  });

  it.each(['private-info-leak', 'reserved-leak'])('the check catches the %s defect', async (defect) => {
    const { expected, actual, outsider } = await run([defect], 200, 7);
    expect(actual).not.toEqual(expected);
    expect(outsider.length).toBeGreaterThan(0);
  });
});
