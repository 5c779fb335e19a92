/**
 * Actions a runner cannot perform through the protocol: switchover, switch
 * link up/down, switch faults, the backup link coming back, calls on the
 * switch. Each returns once every event it causes has been written.
 */
import type { Message } from '../../src/index.js';
import type { Connection, Role } from './connection.js';
import type { Call, VendorPair } from './pair.js';
import { FAULT_CODE, type FaultKind } from './errors.js';
import { now } from './clock.js';

export async function switchover(pair: VendorPair): Promise<void> {
  const from = pair.sides[pair.primary];
  const to = pair.sides[pair.other(pair.primary)];
  const oldLink = pair.links[from.name];
  const newLink = pair.links[to.name];
  pair.primary = to.name;
  pair.switchovers++;
  to.promoted = true;
  from.promoted = false;

  // The new primary reports the change to its clients (the one reporting
  // EventPrimaryChanged is the new primary), with the link events around it.
  const sequence: Message[] = [];
  const disconnected: Message = { Event: 'EventLinkDisconnected', time: now() };
  const connected: Message = { Event: 'EventLinkConnected', time: now() };
  const changed: Message = { Event: 'EventPrimaryChanged', time: now() };
  if (pair.m('primary-changed-no-time')) delete changed.time;
  const switchBack = to.name === 'one';
  const lost = oldLink && !newLink;
  const gained = !oldLink && newLink;
  if (lost && !pair.m('link-disconnected-after') && !pair.m('link-disconnected-missing')) sequence.push(disconnected);
  if (gained && pair.m('link-connected-before')) sequence.push(connected);
  if (!pair.m('primary-changed-not-sent') && !pair.m('primary-changed-from-old-primary')) sequence.push(changed);
  if (lost && pair.m('link-disconnected-after')) sequence.push(disconnected);
  if (gained && !pair.m('link-connected-before')) sequence.push(connected);
  // Stamped in the order they are delivered.
  for (const event of sequence) if (event.time !== undefined) event.time = now();
  if (switchBack && pair.m('primary-changed-no-time-on-switch-back')) delete changed.time;
  await sendAll(registered(to.conns), sequence);
  if (pair.m('primary-changed-from-old-primary')) await sendAll(registered(from.conns), [changed]);
  if (pair.m('primary-changed-late-to-old-primary')) pair.sendLate(registered(from.conns), changed);

  // Then the old primary says it is the backup now: ServerRole 1, UserData
  // naming the backup, which it is itself from now on.
  if (!pair.m('restore-backup-not-sent')) {
    const roleZero = pair.m('restore-backup-role-0') || (pair.m('restore-backup-role-0-on-switch-back') && switchBack);
    const restore: Message = { Event: 'EventRestoreConnection', ServerRole: roleZero ? 0 : 1 };
    if (!pair.m('restore-no-user-data')) restore.UserData = pair.backupReference(pair.referenceNamed(to.name, from.name));
    if (pair.m('restore-conventional')) {
      restore.time = now();
      restore.ReferenceID = 0;
    }
    await sendAll(registered(from.conns), [restore]);
  }
  // Last, the new primary's connection to its backup is established: its
  // clients learn where the backup now is.
  await backupConnected(pair);
}

/**
 * The switch link of the server that has `role` now. The server tells its
 * own clients at once; the switchover ordering rule applies on top of that.
 */
export async function setLink(pair: VendorPair, role: Role, up: boolean): Promise<void> {
  const side = pair.sideWithRole(role);
  if (pair.links[side.name] === up) return;
  pair.links[side.name] = up;
  await sendAll(registered(side.conns), [{ Event: up ? 'EventLinkConnected' : 'EventLinkDisconnected', time: now() }]);
}

export interface FaultTarget {
  ThisDN?: string;
  ConnID?: string;
}

/**
 * A switch fault: EventHardwareError to every client of the primary, and with
 * hardwareErrorOnBackup to the backup's clients as well (its link to the
 * switch sees the same messaging).
 */
export async function switchFault(pair: VendorPair, kind: FaultKind, target: FaultTarget): Promise<void> {
  if (pair.m('hardware-error-not-sent')) return;
  const event: Message = { Event: 'EventHardwareError', ErrorCode: FAULT_CODE[kind], time: now() };
  const call: Call | undefined = target.ConnID !== undefined ? pair.calls.get(target.ConnID.toLowerCase()) : undefined;
  const dn = target.ThisDN ?? call?.ThisDN;
  if (dn !== undefined) event.ThisDN = dn;
  if (target.ConnID !== undefined) event.ConnID = target.ConnID.toLowerCase();
  if (call?.CustomerID !== undefined) event.CustomerID = call.CustomerID;
  if (pair.m('hardware-error-no-time')) delete event.time;
  const sent = sendAll(registered(pair.sides[pair.primary].conns), [event]);
  const onBackup = pair.options.hardwareErrorOnBackup || pair.m('hardware-error-no-time-on-backup');
  if (!onBackup) return sent;
  const backupCopy: Message = { ...event, time: now() };
  if (pair.m('hardware-error-no-time-on-backup')) delete backupCopy.time;
  await Promise.all([sent, sendAll(registered(pair.sides[pair.other(pair.primary)].conns), [backupCopy])]);
}

/** The primary's connection to the backup is (re)established. */
export async function backupConnected(pair: VendorPair): Promise<void> {
  const conns = registered(pair.sides[pair.primary].conns);
  for (const conn of conns) pair.restorePrimary(conn);
  await Promise.all(conns.map((c) => c.flushed()));
}

export function addCall(pair: VendorPair, spec: { ConnID?: string; ThisDN?: string; CustomerID?: string }): Call {
  return pair.addCall(spec);
}

export function state(pair: VendorPair): Record<string, unknown> {
  return {
    primary: pair.primary,
    links: { ...pair.links },
    clients: pair.sides.one.conns.size + pair.sides.two.conns.size,
    switchovers: pair.switchovers,
    calls: [...pair.calls.values()],
    mutant: pair.options.mutant ?? null,
  };
}

function registered(conns: Iterable<Connection>): Connection[] {
  return [...conns].filter((c) => c.registered);
}

async function sendAll(conns: Connection[], events: Message[]): Promise<void> {
  for (const conn of conns) for (const event of events) conn.send(event);
  await Promise.all(conns.map((c) => c.flushed()));
}
