/**
 * What the engine needs from a target, whatever it is (embedded simulator,
 * a TCP server, a bridge process): sessions that open connections, control
 * actions, an application view, and the reason for every need it cannot meet.
 */
import type { Exchange } from './exchange.js';
import type { TargetInfo } from './report-model.js';
import type { AppView, Control, Need, ServerSide } from './scenario.js';
import { parseTcpUrl, type Transport } from './transport.js';

export interface AppViewOptions {
  name: string;
  exchange: Exchange;
  timeoutMs: number;
  quietMs: number;
  nextReferenceId: () => number;
}

/** The target as one scenario run sees it. */
export interface TargetSession {
  /** Opens a byte pipe to a server (a bridge process for exec targets). */
  connect(server: ServerSide, log: (text: string) => void): Promise<Transport>;
  readonly control: Control | undefined;
  openApp(o: AppViewOptions): Promise<AppView>;
  release(): Promise<void>;
}

export interface Target {
  /** For people: "embedded simulator (hot-standby pair)". */
  readonly description: string;
  /** What it is, as data for the reports and the reproduce command; a Target without it is reported as "custom". */
  readonly info?: Omit<TargetInfo, 'description'>;
  /** Every scenario gets its own server, so all may run at once. */
  readonly isolated: boolean;
  /** Why the target cannot meet a need, or undefined when it can. */
  unmet(need: Need): string | undefined;
  session(): Promise<TargetSession>;
  /** Fails fast with a TARGET_ERROR when the target cannot be reached at all. */
  preflight?(): Promise<void>;
  close(): Promise<void>;
}

/** Wraps control actions so each one appears in the exchange, and a failing hook is a TARGET_ERROR. */
export function recordedControl(control: Control, exchange: Exchange): Control {
  const note = (text: string): void => void exchange.note('runner', 'control', text);
  return {
    switchover: async () => {
      note('control: switchover');
      await control.switchover();
    },
    setLink: async (server, up) => {
      note(`control: ${server} link ${up ? 'up' : 'down'}`);
      await control.setLink(server, up);
    },
    fault: async (kind, where) => {
      note(`control: switch fault ${kind}${where.ThisDN ? ` on ${where.ThisDN}` : ''}${where.ConnID ? ` call ${where.ConnID}` : ''}`);
      await control.fault(kind, where);
    },
  };
}

/** The control hook as the command line gave it: a tcp:// channel or a command. */
export function controlInfo(label: string | undefined): Pick<TargetInfo, 'control'> {
  if (label === undefined) return {};
  const address = label.startsWith('tcp://') ? parseTcpUrl(label) : undefined;
  return { control: address ? { kind: 'channel', address } : { kind: 'command', command: label } };
}
