/**
 * The hot-standby events: EventPrimaryChanged with the reference's link
 * ordering, and EventRestoreConnection. Only the primary delivers events
 * to its clients; the backup's clients hear from it only about roles.
 */
import type { KVList, Message } from '../index.js';
import type { ServerInfo, SimContext } from './context.js';
import { deliver } from './deliver.js';
import { SimError } from './errors.js';
import { event } from './events.js';
import { otherServer, type ServerId } from './pair-state.js';
import type { Session } from './session.js';

/**
 * UserData "contains the reference to the backup T-Server. T-Library uses
 * this information to try to connect to that server." With ServerRole 1 the
 * sender itself is the backup, so it also names the new primary, the server
 * a client needs to reach.
 */
function backupReference(ctx: SimContext, sender: ServerId, role: 0 | 1): KVList {
  const peer = serverInfo(ctx, otherServer(sender));
  const self = serverInfo(ctx, sender);
  const backup = role === 0 && !ctx.defects.has('restore-connection-names-sender') ? peer : self;
  const list: KVList = [
    ['backup_host', backup.host],
    ['backup_port', backup.port],
  ];
  if (role === 1) list.push(['primary_host', peer.host], ['primary_port', peer.port]);
  return list;
}

function serverInfo(ctx: SimContext, id: ServerId): ServerInfo {
  const info = ctx.servers[id];
  if (!info) throw new SimError('NO_BACKUP', 'the simulator runs without a backup (pair: false)');
  return info;
}

function wrongRole(ctx: SimContext, role: 0 | 1): 0 | 1 {
  if (role === 0 && ctx.defects.has('restore-connection-wrong-role')) return 1;
  if (role === 1 && ctx.defects.has('restore-connection-backup-role-0')) return 0;
  return role;
}

/** EventRestoreConnection from `sender` to the given clients of it. */
export function sendRestoreConnection(ctx: SimContext, sender: ServerId, recipients: readonly Session[], role: 0 | 1): void {
  if (recipients.length === 0) return;
  const sentRole = wrongRole(ctx, role);
  // No `time`: EventRestoreConnection "does not use the conventional event
  // contents structure"; the reference gives it ServerRole and UserData only.
  const message: Message = ctx.defects.has('restore-connection-no-backup')
    ? { Event: 'EventRestoreConnection', ServerRole: sentRole }
    : { Event: 'EventRestoreConnection', ServerRole: sentRole, UserData: backupReference(ctx, sender, role) };
  deliver(recipients, message);
}

/** "The primary T-Server generates EventRestoreConnection, with the attribute ServerRole set to 0, when the connection to the backup T-Server has been established." */
export function backupConnected(ctx: SimContext): void {
  serverInfo(ctx, 'b');
  sendRestoreConnection(ctx, ctx.state.primary, [...ctx.state.clients(ctx.state.primary)], 0);
}

export function switchover(ctx: SimContext): void {
  const { state, defects } = ctx;
  const oldPrimary = state.primary;
  const newPrimary = otherServer(oldPrimary);
  const info = serverInfo(ctx, newPrimary);
  state.primary = newPrimary;
  state.switchovers++;
  sendRestoreConnection(ctx, oldPrimary, [...state.clients(oldPrimary)], 1);

  const clients = [...state.clients(newPrimary)];
  const oldUp = state.links[oldPrimary];
  const newUp = state.links[newPrimary];
  const linkLost = oldUp && !newUp;
  const linkGained = !oldUp && newUp;
  const lostAfter = linkLost && defects.has('link-disconnected-after-primary-changed');
  const gainedBefore = linkGained && defects.has('link-connected-before-primary-changed');

  if (linkLost && !lostAfter) deliver(clients, event('EventLinkDisconnected'));
  if (gainedBefore) deliver(clients, event('EventLinkConnected'));
  const changed = event('EventPrimaryChanged', { ApplicationName: info.name });
  if (defects.has('primary-changed-no-time')) delete changed.time;
  deliver(clients, changed);
  if (defects.has('primary-changed-from-old-primary')) deliver(state.clients(oldPrimary), changed);
  if (lostAfter) deliver(clients, event('EventLinkDisconnected'));
  if (linkGained && !gainedBefore) deliver(clients, event('EventLinkConnected'));
}
