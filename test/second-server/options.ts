/**
 * Options of the second T-Server pair ("vendor" server). Written from the
 * reference and spec/ alone; shares no code with src/sim or conformance/.
 */

/** A call that exists on the switch before any client asks about it. */
export interface CallSpec {
  ConnID: string;
  ThisDN: string;
  CustomerID?: string;
}

/**
 * Strict resources: the server serves only these DNs, agents and places and
 * knows only these calls; anything else is refused with EventError.
 */
export interface ResourceSpec {
  dns: string[];
  agents: string[];
  places: string[];
  calls: CallSpec[];
}

export interface ServerOptions {
  host: string;
  /** Listener of server "one" (initial primary); 0 = a free port. */
  primaryPort: number;
  /** Listener of server "two" (initial backup); 0 = a free port. */
  backupPort: number;
  /** JSON-lines control listener; 0 = a free port, -1 = none. */
  controlPort: number;
  /** Pause between two socket writes to one client, in ms (each frame is its own write). */
  writeGapMs: number;
  /** Delay between EventServerConnected and EventRestoreConnection ServerRole 0, in ms. */
  restoreDelayMs: number;
  /** Longest reservation granted by TReserveAgent(), in ms. A longer request is granted this. */
  maxReserveMs: number;
  /** Reservation granted when the request names no Timeout, in ms. */
  defaultReserveMs: number;
  /** ApplicationPassword required from clients; undefined = none. */
  password?: string;
  /** Strict-resources mode; undefined = every DN, agent and place is served and calls are made on demand. */
  resources?: ResourceSpec;
  /** Id of one mutant of mutants.json to switch on (breaks exactly one sentence of the reference). */
  mutant?: string;
  /** Receives one line per notable thing the server did (refusals, closes). */
  log?: (line: string) => void;
}

export const DEFAULT_OPTIONS: ServerOptions = {
  host: '127.0.0.1',
  primaryPort: 0,
  backupPort: 0,
  controlPort: 0,
  writeGapMs: 1,
  restoreDelayMs: 15,
  maxReserveMs: 20_000,
  defaultReserveMs: 5_000,
};

export function resolveOptions(partial: Partial<ServerOptions> = {}): ServerOptions {
  const options = { ...DEFAULT_OPTIONS };
  for (const [key, value] of Object.entries(partial)) {
    if (value !== undefined) (options as unknown as Record<string, unknown>)[key] = value;
  }
  return options;
}

/** DNs "7001-7010" or "7001,7005" into a list; a bad range is a clear error. */
export function expandList(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const range = /^(\d+)-(\d+)$/.exec(part);
    if (!range) {
      out.push(part);
      continue;
    }
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (to < from || to - from > 10_000) throw new Error(`range "${part}" must go upwards and name at most 10,000 items`);
    for (let n = from; n <= to; n++) out.push(String(n));
  }
  return out;
}
