/**
 * The backup's reference in EventRestoreConnection's UserData ("This
 * attribute contains the reference to the backup T-Server. T-Library uses
 * this information to try to connect to that server."). The reference does
 * not say how it is spelled, so every form a server may use is read: flat
 * host and port keys (backup_host / backup_port, BackupHost / BackupPort,
 * host / port inside a nested list), `host:port` strings, URIs
 * (`tcp://host:port`), and any of these nested in key-value lists, e.g.
 * `[BackupServer, [[uri, "tcp://host:port"]]]`. One parser: the client
 * library and the conformance runner both read UserData with it.
 */
import type { KVList, KVValue } from './codec/types.js';

export interface ServerReference {
  host: string;
  port: number;
  /** The keys that lead to it, outermost first, e.g. ["BackupServer", "uri"]. */
  path: string[];
  /** How it was spelled. */
  form: 'keys' | 'host:port' | 'uri';
}

const HOST_KEY = /^(?:(.*?)[_\-. ]?)?host(?:name)?$/i;
const PORT_KEY = /^(?:(.*?)[_\-. ]?)?port$/i;
// host:port, [v6]:port, optionally behind a scheme and followed by a path.
const ADDRESS = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\[[0-9a-f:.]+\]|[a-z0-9_.-]+):(\d{1,5})(?:\/.*)?$/i;

function portOf(v: KVValue | undefined): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,5}$/.test(v.trim()) ? Number(v.trim()) : undefined;
  return n !== undefined && Number.isInteger(n) && n >= 1 && n <= 65535 ? n : undefined;
}

function fromString(text: string, path: string[]): ServerReference | undefined {
  const m = ADDRESS.exec(text.trim());
  const port = m ? portOf(m[3]) : undefined;
  if (!m || port === undefined || /^\d+$/.test(m[2]!)) return undefined;
  const host = m[2]!.startsWith('[') ? m[2]!.slice(1, -1) : m[2]!;
  return { host, port, path, form: m[1] ? 'uri' : 'host:port' };
}

/** Host and port keys with the same prefix at one level: backup_host + backup_port, host + port. */
function fromKeys(list: KVList, path: string[]): ServerReference[] {
  const out: ServerReference[] = [];
  for (const [hostKey, host] of list) {
    const h = HOST_KEY.exec(hostKey);
    if (!h || typeof host !== 'string' || host.trim() === '') continue;
    const prefix = (h[1] ?? '').toLowerCase();
    const port = list.find(([k]) => PORT_KEY.exec(k)?.[1]?.toLowerCase() === prefix || (prefix === '' && /^port$/i.test(k)));
    const p = portOf(port?.[1]);
    if (p !== undefined) out.push({ host: host.trim(), port: p, path: [...path, hostKey], form: 'keys' });
  }
  return out;
}

/** Every server address the UserData spells, in order, nested lists included. */
export function serverReferences(userData: KVList, path: string[] = []): ServerReference[] {
  const out = fromKeys(userData, path);
  for (const [key, value] of userData) {
    if (typeof value === 'string') {
      const r = fromString(value, [...path, key]);
      if (r) out.push(r);
    } else if (Array.isArray(value)) {
      out.push(...serverReferences(value, [...path, key]));
    }
  }
  return out;
}

const mentionsBackup = (r: ServerReference): boolean => r.path.some((k) => /backup/i.test(k));

/**
 * The backup's reference: the first address under a key that says "backup",
 * else the one address the UserData spells when it spells only one.
 */
export function backupReference(userData: KVList): ServerReference | undefined {
  const all = serverReferences(userData);
  const distinct = new Set(all.map((r) => `${r.host}:${r.port}`));
  return all.find(mentionsBackup) ?? (distinct.size === 1 ? all[0] : undefined);
}
