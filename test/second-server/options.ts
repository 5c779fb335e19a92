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
  /**
   * EventSequenceNumber (148) on every event but EventRestoreConnection, one
   * counter per server, as real T-Servers write it (CHOICES.md #28).
   */
  eventSequenceNumber: boolean;
  /** ServerStartTime (147, seconds) on every event but EventRestoreConnection (CHOICES.md #29). */
  serverStartTime: boolean;
  /** EventACK carries the request's ThisDN when it had one (CHOICES.md #30). */
  ackThisDN: boolean;
  /** TPrivateService() is answered by EventPrivateInfo alone, no EventACK (CHOICES.md #31). */
  privateInfoAlone: boolean;
  /** How UserData of EventRestoreConnection names the backup (CHOICES.md #3, #32). */
  restoreReference: 'flat' | 'nested';
  /** Copies to clients other than the requester wait 0..N ms each, drawn from `seed` (CHOICES.md #33). */
  fanoutJitterMs: number;
  /** The backup reports switch faults to its own clients too (CHOICES.md #34). */
  hardwareErrorOnBackup: boolean;
  /** Seed of the jitter and of the late mutants' delays: the same seed, the same delays. */
  seed: number;
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
  eventSequenceNumber: false,
  serverStartTime: false,
  ackThisDN: false,
  privateInfoAlone: false,
  restoreReference: 'flat',
  fanoutJitterMs: 0,
  hardwareErrorOnBackup: false,
  seed: 1,
};

/** The four things real T-Servers send that the reference's tables do not list. */
const REALISTIC: Partial<ServerOptions> = {
  eventSequenceNumber: true,
  serverStartTime: true,
  ackThisDN: true,
  privateInfoAlone: true,
};

/**
 * Presets: `realistic` (what real servers send), `flipped` (that, and every
 * other choice of CHOICES.md made the unusual way), and `lab` (`flipped` in
 * strict-resources mode with a password: the pair lab-profile.json
 * describes).
 */
export const PRESETS: Readonly<Record<string, Partial<ServerOptions>>> = {
  realistic: REALISTIC,
  flipped: { ...REALISTIC, restoreReference: 'nested', fanoutJitterMs: 120, hardwareErrorOnBackup: true },
  lab: {
    ...REALISTIC,
    restoreReference: 'nested',
    fanoutJitterMs: 120,
    hardwareErrorOnBackup: true,
    password: 'lab-s3cret',
    resources: {
      dns: expandList('5101-5116'),
      agents: expandList('1001-1006'),
      places: expandList('1001-1006').map((n) => `Place_${n}`),
      calls: [],
    },
  },
};

export function presetOptions(name: string): Partial<ServerOptions> {
  if (!Object.prototype.hasOwnProperty.call(PRESETS, name)) throw new Error(`unknown preset "${name}": ${Object.keys(PRESETS).join(', ')}`);
  return PRESETS[name]!;
}

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
