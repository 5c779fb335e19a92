/**
 * Reading EventRestoreConnection. The reference says only that its UserData
 * "contains the reference to the backup T-Server"; src/backup-reference.ts
 * reads every form a server may spell it in (this kit's simulator uses the
 * pairs backup_host and backup_port).
 */
import { backupReference } from '../backup-reference.js';
import type { Message } from '../codec/types.js';
import { SERVER_ROLE } from '../registry.js';
import { makeEndpoint, type Endpoint } from './endpoint.js';
import { ClientError } from './errors.js';

type RestoreConnection =
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
  const found = backupReference(event.UserData ?? []);
  if (!found) throw bad(event, 'UserData does not name the backup (backup_host and backup_port, host:port, a URI, or a nested list of them)');
  try {
    return { role: 'primary', backup: makeEndpoint(found.host, found.port, 'EventRestoreConnection UserData') };
  } catch (error) {
    throw bad(event, (error as Error).message);
  }
}

function bad(event: Message, why: string): ClientError {
  return new ClientError('BAD_RESTORE_CONNECTION', `EventRestoreConnection from ${String(event.Server)}: ${why}`, { server: event.Server, event });
}
