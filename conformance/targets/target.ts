/**
 * What the engine needs from a target, whatever it is (embedded simulator,
 * a TCP server, a bridge process): sessions that open connections, control
 * actions, an application view, and the reason for every need it cannot meet.
 */
import type { Exchange } from '../message-path/exchange.js';
import type { TargetInfo } from '../report/report-model.js';
import type { AppView, Control, Need, ServerSide } from '../model/scenario.js';
import type { Profile } from '../profile/model.js';
import { parseTcpUrl, type TcpAddress, type Transport } from '../message-path/transport.js';

export interface AppViewOptions {
  name: string;
  exchange: Exchange;
  timeoutMs: number;
  quietMs: number;
  /** How long the session may take to open; not counted against timeoutMs. */
  startupMs: number;
  /** Where the session's own log lines go (a bridge's stderr). */
  log: (line: string) => void;
  /** The profile's ApplicationPassword, sent with RequestRegisterClient. */
  password?: string;
  nextReferenceId: () => number;
}

/** What the control actions of one attempt changed, so a shared pair can be put back. */
export interface ControlChanges {
  switchovers: number;
  /** A link was set up or down. */
  links: boolean;
  /** An action failed or overran: the pair's real state is unknown until it is checked. */
  failed?: boolean;
}

/** The target as one scenario run sees it. */
export interface TargetSession {
  /** Opens a byte pipe to a server (a bridge process for exec targets). */
  connect(server: ServerSide, log: (text: string) => void): Promise<Transport>;
  readonly control: Control | undefined;
  /** Where a server of the pair listens, when the runner connects to it directly (not through a bridge). */
  address?(server: ServerSide): TcpAddress | undefined;
  openApp(o: AppViewOptions): Promise<AppView>;
  /** Shared pairs: puts links up and the original primary back after a scenario changed them. */
  restore?(changes: ControlChanges): Promise<void>;
  release(): Promise<void>;
}

export interface Target {
  /** For people: "embedded simulator (hot-standby pair)". */
  readonly description: string;
  /** What it is, as data for the reports and the reproduce command; a Target without it is reported as "custom". */
  readonly info?: Omit<TargetInfo, 'description'>;
  /** Every scenario gets its own server, so all may run at once. */
  readonly isolated: boolean;
  /** Resources the target knows its switch lacks; they replace the profile's "absent" (a profile cannot tell the embedded switch what it lacks). */
  readonly absent?: Required<NonNullable<Profile['absent']>>;
  /** Why the target cannot meet a need, or undefined when it can. */
  unmet(need: Need): string | undefined;
  session(): Promise<TargetSession>;
  /**
   * A shared pair's lease, seen by every run on it (the shards of one run): held shared by a
   * scenario that leaves the pair as it is, exclusively by one that changes it. Resolves with
   * the release, or undefined when the control hook has none (spec/target-contract.md).
   */
  lease?(mode: 'shared' | 'exclusive'): Promise<(() => void) | undefined>;
  close(): Promise<void>;
}

/** Wraps control actions so each one appears in the exchange, and a failing hook is a TARGET_ERROR. */
export function recordedControl(control: Control, exchange: Exchange, changes: ControlChanges): Control {
  const note = (text: string): void => void exchange.note('runner', 'control', text);
  // A failed or stopped action may have half-changed the pair: the scenario's end checks it (roles.ts).
  const tracked = async <T>(action: Promise<T>): Promise<T> => {
    try {
      return await action;
    } catch (e) {
      changes.failed = true;
      throw e;
    }
  };
  return {
    switchover: async () => {
      note('control: switchover');
      changes.switchovers++;
      await tracked(control.switchover());
    },
    setLink: async (server, up) => {
      note(`control: ${server} link ${up ? 'up' : 'down'}`);
      changes.links = true;
      await tracked(control.setLink(server, up));
    },
    call: async (where) => {
      note(`control: call on ${where.ThisDN}`);
      const connId = await tracked(control.call(where));
      note(`control: call ${connId} on ${where.ThisDN}`);
      return connId;
    },
    fault: async (kind, where) => {
      note(`control: switch fault ${kind}${where.ThisDN ? ` on ${where.ThisDN}` : ''}${where.ConnID ? ` call ${where.ConnID}` : ''}`);
      await tracked(control.fault(kind, where));
    },
  };
}

/** The control hook as the command line gave it: a tcp:// channel or a command. */
export function controlInfo(label: string | undefined): Pick<TargetInfo, 'control'> {
  if (label === undefined) return {};
  const address = label.startsWith('tcp://') ? parseTcpUrl(label) : undefined;
  return { control: address ? { kind: 'channel', address } : { kind: 'command', command: label } };
}
