/**
 * `--target exec:<command>`: every client session is a bridge process that
 * speaks the wire format on stdin/stdout through the vendor's own client
 * library (spec/bridge-contract.md). What comes out of it is what an
 * application sees, so it is also the application view. The runner follows
 * switchovers: each bridge is told the role it serves and which configured
 * server has that role now, and the pair is restored after control scenarios.
 */
import { registerClient } from '../message-path/handshake.js';
import type { Control, Need, ServerSide } from '../model/scenario.js';
import { appViewOf } from './app-view.js';
import { controlInfo, type Target } from './target.js';
import { spawnBridge } from '../message-path/transport.js';
import { RawClient } from '../message-path/wire-client.js';
import { sharedPairTarget } from './shared-pair.js';

export interface ExecTargetOptions {
  command: string;
  control?: Control;
  controlLabel?: string;
}

/** The environment variable that tells a bridge which session to open: primary, backup or app. */
export const SESSION_ENV = 'TLIB_KIT_SESSION';
/** Which configured server (primary or backup, as the bridge was configured) has that role now. */
export const SERVER_ENV = 'TLIB_KIT_SERVER';

export function bridgeEnv(role: ServerSide | 'app', serverOf: (role: ServerSide) => ServerSide): Record<string, string> {
  // An application session starts on the server that is primary now, as a client library's warm standby would.
  return { [SESSION_ENV]: role, [SERVER_ENV]: serverOf(role === 'app' ? 'primary' : role) };
}

export function execTarget(o: ExecTargetOptions): Target {
  return sharedPairTarget(o.control, (pair) => ({
    description: `bridge "${o.command}"${o.controlLabel ? `, control ${o.controlLabel}` : ''}`,
    info: { kind: 'exec', command: o.command, ...controlInfo(o.controlLabel) },
    unmet: (need) => unmetNeed(need, o),
    session: {
      connect: async (role, log) => spawnBridge(o.command, bridgeEnv(role, pair.serverOf), log),
      openApp: async ({ name, exchange, timeoutMs, quietMs, startupMs, password, nextReferenceId, log }) => {
        const transport = spawnBridge(o.command, bridgeEnv('app', pair.serverOf), log);
        const client = new RawClient({ name, server: 'primary', transport, exchange, nextReferenceId, timeoutMs, quietMs });
        await registerClient(client, `tlib-kit-${name}`, { startupMs, ...(password !== undefined ? { password } : {}) });
        // The bridge's output is already the application's view.
        return appViewOf(client, async () => client.close());
      },
    },
  }));
}

function unmetNeed(need: Need, o: ExecTargetOptions): string | undefined {
  switch (need) {
    case 'raw-wire':
      return 'a bridge shows events as its client library delivers them, not the raw wire';
    case 'control:switchover':
    case 'control:link':
    case 'control:fault':
    case 'control:call':
      return o.control ? undefined : `no control hook for ${need.slice(8)}: give --control <command> or --control tcp://host:port`;
    case 'pair':
    case 'second-client':
    case 'app-view':
      return undefined;
  }
}
