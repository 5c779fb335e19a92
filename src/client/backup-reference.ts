/**
 * The backup reference in EventRestoreConnection's UserData. The reference
 * fixes no form ("UserData—This attribute contains the reference to the
 * backup T-Server"), so every form a server is known to write is read:
 * backup_host with backup_port (an integer or a decimal string), and
 * BackupServer as "host:port" or "tcp://host:port" (spec/library-bridge-contract.md).
 */
import type { KVList } from '../codec/types.js';
import { makeEndpoint, toEndpoint, type Endpoint } from './endpoint.js';

export type BackupReference = { ok: true; backup: Endpoint } | { ok: false; why: string };

const WHAT = 'EventRestoreConnection UserData';

export function readBackupReference(userData: KVList | undefined): BackupReference {
  const list = userData ?? [];
  const host = lookup(list, 'backup_host');
  const port = lookup(list, 'backup_port');
  const server = lookup(list, 'BackupServer');
  try {
    if (host !== undefined || port !== undefined) {
      if (host === undefined || port === undefined) return { ok: false, why: 'UserData has one of backup_host and backup_port but not the other' };
      return { ok: true, backup: makeEndpoint(host, typeof port === 'string' && /^\d{1,5}$/.test(port) ? Number(port) : port, WHAT) };
    }
    if (typeof server === 'string') return { ok: true, backup: toEndpoint(server, `${WHAT} BackupServer`) };
  } catch (error) {
    return { ok: false, why: (error as Error).message };
  }
  return { ok: false, why: 'UserData does not name the backup (backup_host and backup_port, or BackupServer "host:port")' };
}

function lookup(list: KVList, key: string): unknown {
  for (const pair of list) if (Array.isArray(pair) && pair[0] === key) return pair[1];
  return undefined;
}
