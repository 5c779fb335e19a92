/**
 * Reading EventRestoreConnection: its ServerRole, and with ServerRole 0 the
 * backup its UserData names (backup-reference.ts reads every known form).
 */
import type { Message } from '../codec/types.js';
import { SERVER_ROLE } from '../registry.js';
import { readBackupReference } from './backup-reference.js';
import type { Endpoint } from './endpoint.js';
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
  const reference = readBackupReference(event.UserData);
  if (!reference.ok) throw bad(event, reference.why);
  return { role: 'primary', backup: reference.backup };
}

function bad(event: Message, why: string): ClientError {
  return new ClientError('BAD_RESTORE_CONNECTION', `EventRestoreConnection from ${String(event.Server)}: ${why}`, { server: event.Server, event });
}
