/** SimControl: what a test, the conformance runner or the control channel can do to a running simulator. */
import type { SimContext } from './context.js';
import { isSwitchFaultKind, type SwitchFaultKind } from './error-codes.js';
import { SimError } from './errors.js';
import { backupConnected, switchover } from './hot-standby.js';
import { otherServer, type ServerId } from './pair-state.js';
import { switchFault, type FaultLocation } from './switch-faults.js';

export interface SimState {
  /** Which server is primary now ('a' starts as primary). */
  primary: ServerId;
  /** Each server's CTI link. */
  links: { a: boolean; b: boolean };
  /** Connected clients, both servers together. */
  clients: number;
  switchovers: number;
  /** Transaction-monitoring subscriptions running, all clients together. */
  subscriptions: number;
  /** DN registrations, all clients together, and the bytes of their names. */
  registrations: { count: number; bytes: number };
  defects: string[];
}

export interface SimControl {
  /** The backup becomes primary (and back on the next call). */
  switchover(): Promise<void>;
  /** Set the CTI link of the server that currently has this role. Changes state only; link events come with a switchover. */
  setLink(server: 'primary' | 'backup', up: boolean): void;
  /** A switch-side fault, reported as EventHardwareError. */
  switchFault(kind: SwitchFaultKind, where?: FaultLocation): void;
  /** The primary's connection to the backup is (re)established: EventRestoreConnection ServerRole 0. */
  backupConnected(): void;
  /** Put a call on the switch so that TQueryCall / TSetCallInfo / faults can name it; returns its ConnID. */
  addCall(call: { ThisDN: string; ConnID?: string; CustomerID?: string }): string;
  /** Switch a server-side defect on or off while running. */
  setDefect(name: string, on: boolean): void;
  state(): SimState;
}

const CONN_ID = /^[0-9a-f]{16}$/;

export function createControl(ctx: SimContext): SimControl {
  const { state } = ctx;
  const roleToServer = (role: 'primary' | 'backup'): ServerId => (role === 'primary' ? state.primary : otherServer(state.primary));
  return {
    switchover: async () => switchover(ctx),
    setLink(server, up) {
      if (server !== 'primary' && server !== 'backup') throw new SimError('BAD_OPTION', `server must be "primary" or "backup", got ${JSON.stringify(server)}`);
      if (typeof up !== 'boolean') throw new SimError('BAD_OPTION', `up must be true or false, got ${JSON.stringify(up)}`);
      state.links[roleToServer(server)] = up;
    },
    switchFault(kind, where) {
      if (!isSwitchFaultKind(kind)) throw new SimError('BAD_OPTION', `fault kind must be checksum, missing-attributes or incomplete-flow, got ${JSON.stringify(kind)}`);
      switchFault(ctx, kind, where);
    },
    backupConnected: () => backupConnected(ctx),
    addCall(call) {
      if (typeof call?.ThisDN !== 'string' || call.ThisDN === '') throw new SimError('BAD_OPTION', 'addCall needs a ThisDN string');
      if (call.ConnID !== undefined && !CONN_ID.test(call.ConnID)) throw new SimError('BAD_OPTION', 'ConnID must be 16 lowercase hex digits');
      if (call.CustomerID !== undefined && typeof call.CustomerID !== 'string') throw new SimError('BAD_OPTION', 'CustomerID must be a string');
      const { ThisDN, ConnID, CustomerID } = call;
      return state.addCall({ ThisDN, ...(ConnID === undefined ? {} : { ConnID }), ...(CustomerID === undefined ? {} : { CustomerID }) }).ConnID;
    },
    setDefect: (name, on) => ctx.defects.set(name, on),
    state: () => ({
      primary: state.primary,
      links: { ...state.links },
      clients: state.connections('a') + state.connections('b'),
      switchovers: state.switchovers,
      subscriptions: state.subscriptionCount,
      registrations: state.registrationLoad,
      defects: ctx.defects.list(),
    }),
  };
}
