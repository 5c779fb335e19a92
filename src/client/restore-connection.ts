/**
 * Reading EventRestoreConnection. The reference says only that its UserData
 * "contains the reference to the backup T-Server"; this kit's simulator (and
 * spec/client.md) spell that reference as the pairs backup_host and
 * backup_port (an integer or a decimal string).
 */
import type { KVList, Message } from '../codec/types.js';
import { SERVER_ROLE } from '../registry.js';
import { makeEndpoint, type Endpoint } from './endpoint.js';
import { ClientError } from './errors.js';

export type RestoreConnection =
  /** The sender is primary and its connection to `backup` is established. */
  | { role: 'primary'; backup: Endpoint }
  /** The sender has been changed from primary to backup. */
  | { role: 'backup' };

/** Throws ClientError BAD_RESTORE_CONNECTION when the event cannot be acted on. */
export function readRestoreConnection(event: Message): RestoreConnection {
  if (event.ServerRole === SERVER_ROLE.Backup) return { role: 'backup' };
  if (event.ServerRole !== SERVER_ROLE.Primary) {
    throw bad(event, `ServerRole must be 0 (primary) or 1 (backup), got ${String(event.ServerRole)}`);
  }
  const userData = event.UserData ?? [];
  const host = lookup(userData, 'backup_host');
  const port = lookup(userData, 'backup_port');
  if (host === undefined || port === undefined) throw bad(event, 'UserData does not name the backup (backup_host, backup_port)');
  try {
    return { role: 'primary', backup: makeEndpoint(host, typeof port === 'string' ? Number(port) : port, 'EventRestoreConnection UserData') };
  } catch (error) {
    throw bad(event, (error as Error).message);
  }
}

function lookup(list: KVList, key: string): unknown {
  return list.find(([k]) => k === key)?.[1];
}

function bad(event: Message, why: string): ClientError {
  return new ClientError('BAD_RESTORE_CONNECTION', `EventRestoreConnection from ${String(event.Server)}: ${why}`, { server: event.Server, event });
}
