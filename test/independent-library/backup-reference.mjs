// Reads the server references out of EventRestoreConnection's UserData.
// The reference fixes no form ("This attribute contains the reference to the
// backup T-Server"), so this accepts every form we could think of a server
// writing, and returns nothing (rather than guessing) when no address is there.

/** @typedef {{ host: string, port: number }} Address */

const HOST_FIELDS = new Set(['host', 'hostname', 'ip', 'addr']);
const PORT_FIELDS = new Set(['port', 'tcpport']);
// A field whose value may be a whole endpoint ("host:port", a URI, a nested list).
const ENDPOINT_FIELDS = new Set(['', 'server', 'address', 'endpoint', 'url', 'uri', 'tserver', 'location', 'addr', 'host']);

/** "Backup_Host" -> "backuphost": keys differ in case and separators between servers. */
function normalise(key) {
  return String(key).toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Splits a normalised key into the role it names and the field. */
function splitKey(key) {
  for (const role of ['backup', 'primary']) {
    if (key.startsWith(role)) return { role, field: key.slice(role.length) };
  }
  return { role: undefined, field: key };
}

export function parsePort(value) {
  if (typeof value === 'number' && Number.isInteger(value)) return value >= 1 && value <= 65535 ? value : undefined;
  if (typeof value === 'string' && /^\s*\d{1,5}\s*$/.test(value)) return parsePort(Number(value));
  return undefined;
}

/** "127.0.0.1:7000", "[::1]:7000", "tcp://127.0.0.1:7000/", "tserver://h:1?x" -> Address. */
export function parseEndpoint(text) {
  if (typeof text !== 'string') return undefined;
  const s = text.trim();
  const uri = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/?#]+):(\d{1,5})(?:[/?#].*)?$/i.exec(s);
  const plain = uri ?? /^(\[[^\]]+\]|[^\s:/]+):(\d{1,5})$/.exec(s);
  if (!plain) return undefined;
  const host = plain[1].startsWith('[') ? plain[1].slice(1, -1) : plain[1];
  const port = parsePort(plain[2]);
  return port === undefined || host === '' ? undefined : { host, port };
}

/**
 * @param {unknown} userData a key-value list as decode() returns it: [[key, value], ...]
 * @returns {{ backup?: Address, primary?: Address }}
 */
export function readServerReferences(userData) {
  const found = { backup: undefined, primary: undefined, unnamed: undefined };
  walk(userData, undefined, found);
  return {
    // A reference with no role word is the backup's: that is what the attribute holds.
    backup: found.backup ?? found.unnamed,
    primary: found.primary,
  };
}

function walk(list, inheritedRole, found) {
  if (!Array.isArray(list)) return;
  const parts = {}; // role -> { host, port } collected from flat keys
  for (const pair of list) {
    if (!Array.isArray(pair) || pair.length < 2) continue;
    const { role: ownRole, field } = splitKey(normalise(pair[0]));
    const role = ownRole ?? inheritedRole ?? 'unnamed';
    const value = pair[1];
    if (Array.isArray(value)) {
      // Nested list: [["backup", [["host", ...], ["port", ...]]]] or a list of servers.
      walk(value, ownRole ?? (field === 'backup' || field === 'primary' ? field : inheritedRole), found);
      continue;
    }
    const part = (parts[role] ??= {});
    if (PORT_FIELDS.has(field)) {
      part.port ??= parsePort(value);
    } else if (HOST_FIELDS.has(field) && typeof value === 'string' && !value.includes(':')) {
      part.host ??= value.trim();
    } else if (ENDPOINT_FIELDS.has(field)) {
      const address = parseEndpoint(value);
      if (address) found[role] ??= address;
    }
  }
  for (const [role, part] of Object.entries(parts)) {
    if (part.host && part.port !== undefined) found[role] ??= { host: part.host, port: part.port };
  }
}
