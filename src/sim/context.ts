/** What every request handler and control action works with. */
import type { DefectSet } from './defect-set.js';
import type { Dispatcher } from './dispatch.js';
import type { SimLimits } from './limits.js';
import type { PairState, ServerId } from './pair-state.js';
import type { Scheduler } from './scheduler.js';

export interface ServerInfo {
  readonly id: ServerId;
  /** The ApplicationName this server reports (EventServerConnected, EventPrimaryChanged). */
  readonly name: string;
  readonly host: string;
  readonly port: number;
}

export interface SimContext {
  readonly state: PairState;
  readonly defects: DefectSet;
  readonly dispatcher: Dispatcher;
  /** The clock of connection deadlines and rates, the dispatcher's too. */
  readonly scheduler: Scheduler;
  readonly limits: SimLimits;
  /** Server 'a', and 'b' when running as a hot-standby pair. */
  readonly servers: { readonly a: ServerInfo; readonly b: ServerInfo | undefined };
  readonly password: string | undefined;
  /** AgentIDs the switch does not have (SimulatorOptions.unknownAgents). */
  readonly unknownAgents: ReadonlySet<string>;
  log(line: string): void;
}
