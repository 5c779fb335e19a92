/** startSimulator(): a T-Server, or a hot-standby pair of them, on loopback TCP. */
import type { ServerInfo, SimContext } from './context.js';
import { listenControl, type ControlChannel } from './control-channel.js';
import { createControl, type SimControl } from './control.js';
import { DefectSet } from './defect-set.js';
import type { DefectName } from './defects/index.js';
import { Dispatcher } from './dispatch.js';
import { SimError } from './errors.js';
import { resolveSimLimits, type SimLimits } from './limits.js';
import { PairState } from './pair-state.js';
import { REAL_TIME, type Scheduler } from './scheduler.js';
import { listenServer, type ListeningServer } from './server.js';

export interface SimulatorOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Port of server 'a', the initial primary; 0 (default) picks a free one. */
  port?: number;
  /** Port of server 'b', the initial backup; default 0. Ignored with pair: false. */
  backupPort?: number;
  /** Run a hot-standby pair (default true). */
  pair?: boolean;
  /** Open the JSON-lines control channel on this port (0 = any); off when absent. */
  controlPort?: number;
  /**
   * Interface of the control channel; default 127.0.0.1 whatever `host` is.
   * The channel can switch defects on and stage switchovers, so it is
   * reachable from elsewhere only when asked for.
   */
  controlHost?: string;
  /** Server-side defects to switch on (src/sim/defects/). */
  defects?: readonly (DefectName | string)[];
  /**
   * AgentIDs the switch does not have: TReserveAgent() naming one is refused
   * (UNKNOWN_AGENT), so nothing is reported reserved. Default none: any other
   * AgentID is an agent of the switch.
   */
  unknownAgents?: readonly string[];
  /** When set, RequestRegisterClient must carry this ApplicationPassword. */
  password?: string;
  limits?: Partial<SimLimits>;
  /** The clock of what the simulator does later or measures in time (delayed deliveries, connection deadlines, idle and rate limits); default: real timers. */
  scheduler?: Scheduler;
  /** Receives one line per noteworthy event (closed connections and why); default: discarded. */
  log?: (line: string) => void;
}

export interface Address {
  host: string;
  port: number;
}

export interface SimHandle {
  /** Server 'a' (the initial primary); roles move with switchovers, addresses do not. */
  primary: Address;
  /** Server 'b' (the initial backup), when running as a pair. */
  backup?: Address;
  control?: Address;
  /** The control channel's back-pressure, as tests and operators can watch it. */
  controlChannel?: Pick<ControlChannel, 'paused' | 'peakUnreadBytes'>;
  ctl: SimControl;
  close(): Promise<void>;
}

export const SERVER_NAMES = { a: 'tlib-kit-sim-a', b: 'tlib-kit-sim-b' } as const;

export async function startSimulator(opts: SimulatorOptions = {}): Promise<SimHandle> {
  const host = opts.host ?? '127.0.0.1';
  const pair = opts.pair ?? true;
  checkPort('port', opts.port);
  checkPort('backupPort', opts.backupPort);
  checkPort('controlPort', opts.controlPort);
  const limits = resolveSimLimits(opts.limits);
  const defects = new DefectSet(opts.defects ?? []);
  const state = new PairState();
  const servers: { a: ServerInfo | undefined; b: ServerInfo | undefined } = { a: undefined, b: undefined };
  const ctx: SimContext = {
    state,
    defects,
    dispatcher: new Dispatcher(opts.scheduler ?? REAL_TIME, defects.apply),
    scheduler: opts.scheduler ?? REAL_TIME,
    limits,
    password: opts.password,
    unknownAgents: new Set(opts.unknownAgents ?? []),
    log: opts.log ?? (() => {}),
    get servers() {
      return { a: servers.a!, b: servers.b };
    },
  };
  const listening: (ListeningServer | ControlChannel)[] = [];
  const closeAll = () => Promise.all(listening.map((l) => l.close())).then(() => undefined);
  try {
    const a = await listenServer('a', host, opts.port ?? 0, limits, () => ctx);
    listening.push(a);
    servers.a = { id: 'a', name: SERVER_NAMES.a, host, port: a.port };
    if (pair) {
      const b = await listenServer('b', host, opts.backupPort ?? 0, limits, () => ctx);
      listening.push(b);
      servers.b = { id: 'b', name: SERVER_NAMES.b, host, port: b.port };
    }
    const ctl = createControl(ctx);
    const handle: SimHandle = { primary: { host, port: a.port }, ctl, close: closeAll };
    if (servers.b) handle.backup = { host, port: servers.b.port };
    if (opts.controlPort !== undefined) {
      const controlHost = opts.controlHost ?? '127.0.0.1';
      const control = await listenControl(controlHost, opts.controlPort, ctl, ctx.log);
      listening.push(control);
      handle.control = { host: controlHost, port: control.port };
      handle.controlChannel = control;
    }
    return handle;
  } catch (e) {
    await closeAll();
    throw e;
  }
}

function checkPort(name: string, port: number | undefined): void {
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new SimError('BAD_OPTION', `${name} must be an integer from 0 to 65535, got ${String(port)}`);
  }
}
