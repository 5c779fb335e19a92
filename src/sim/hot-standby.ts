/**
 * The hot-standby events: EventPrimaryChanged with the reference's link
 * ordering, and EventRestoreConnection. Only the primary delivers events
 * to its clients; the backup's clients hear from it only about roles.
 */
import type { KVList, Message } from '../codec/types.js';
import type { ServerInfo, SimContext } from './context.js';
import { fanout, type Delivery } from './delivery.js';
import { SimError } from './errors.js';
import { event } from './events.js';
import { otherServer, type ServerId } from './pair-state.js';
import type { Session } from './session.js';

/**
 * UserData names the backup T-Server (EventRestoreConnection.attribute.UserData.0,
 * .1). With ServerRole 1 the
 * sender itself is the backup, so it also names the new primary, the server
 * a client needs to reach.
 */
function backupReference(ctx: SimContext, sender: ServerId, role: 0 | 1): KVList {
  const peer = serverInfo(ctx, otherServer(sender));
  const self = serverInfo(ctx, sender);
  const backup = role === 0 ? peer : self;
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

/** EventRestoreConnection from `sender` to the given clients of it. */
export function restoreConnection(ctx: SimContext, sender: ServerId, recipients: readonly Session[], role: 0 | 1): Delivery {
  // No `time`: EventRestoreConnection does not use the conventional event
  // contents (EventRestoreConnection.important.1), only ServerRole and UserData.
  const message: Message = { Event: 'EventRestoreConnection', ServerRole: role, UserData: backupReference(ctx, sender, role) };
  return fanout(recipients, message);
}

/** EventRestoreConnection.attribute.ServerRole.0: ServerRole 0 from the primary once its connection to the backup is up. */
export function backupConnected(ctx: SimContext): void {
  serverInfo(ctx, 'b');
  const server = ctx.state.primary;
  ctx.dispatcher.dispatch([restoreConnection(ctx, server, [...ctx.state.clients(server)], 0)], { ctx, server, action: 'backup-connected' });
}

export function switchover(ctx: SimContext): void {
  const { state } = ctx;
  const oldPrimary = state.primary;
  const newPrimary = otherServer(oldPrimary);
  const info = serverInfo(ctx, newPrimary);
  state.primary = newPrimary;
  state.switchovers++;
  ctx.dispatcher.dispatch([restoreConnection(ctx, oldPrimary, [...state.clients(oldPrimary)], 1)], { ctx, server: oldPrimary, action: 'switchover' });

  const clients = [...state.clients(newPrimary)];
  const oldUp = state.links[oldPrimary];
  const newUp = state.links[newPrimary];
  const out: Delivery[] = [];
  if (oldUp && !newUp) out.push(fanout(clients, event('EventLinkDisconnected')));
  out.push(fanout(clients, event('EventPrimaryChanged', { ApplicationName: info.name })));
  if (!oldUp && newUp) out.push(fanout(clients, event('EventLinkConnected')));
  ctx.dispatcher.dispatch(out, { ctx, server: newPrimary, action: 'switchover' });
}
