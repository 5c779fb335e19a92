/**
 * `--target exec:<command>`: every client session is a bridge process that
 * speaks the wire format on stdin/stdout through the vendor's own client
 * library (spec/bridge-contract.md). What comes out of it is what an
 * application sees, so it is also the application view.
 */
import { registerClient } from '../handshake.js';
import type { AppView, Control, Need } from '../scenario.js';
import { controlInfo, type Target, type TargetSession } from '../target.js';
import { spawnBridge } from '../transport.js';
import { RawClient } from '../wire-client.js';

export interface ExecTargetOptions {
  command: string;
  control?: Control;
  controlLabel?: string;
}

/** The environment variable that tells a bridge which session to open. */
export const SESSION_ENV = 'TLIB_KIT_SESSION';

export function execTarget(o: ExecTargetOptions): Target {
  return {
    description: `bridge "${o.command}"${o.controlLabel ? `, control ${o.controlLabel}` : ''}`,
    info: { kind: 'exec', command: o.command, ...controlInfo(o.controlLabel) },
    isolated: false,
    unmet: (need) => unmetNeed(need, o),
    session: async (): Promise<TargetSession> => ({
      connect: async (server, log) => spawnBridge(o.command, { [SESSION_ENV]: server }, log),
      control: o.control,
      openApp: async ({ name, exchange, timeoutMs, quietMs, nextReferenceId }) => {
        const transport = spawnBridge(o.command, { [SESSION_ENV]: 'app' }, (line) => exchange.note(name, 'bridge', line));
        const client = new RawClient({
          name,
          server: 'primary',
          transport,
          exchange,
          nextReferenceId,
          timeoutMs,
          quietMs,
        });
        await registerClient(client, `tlib-kit-${name}`);
        return appViewOf(client);
      },
      release: async () => undefined,
    }),
    close: async () => undefined,
  };
}

function unmetNeed(need: Need, o: ExecTargetOptions): string | undefined {
  switch (need) {
    case 'raw-wire':
      return 'a bridge shows events as its client library delivers them, not the raw wire';
    case 'control:switchover':
    case 'control:link':
    case 'control:fault':
      return o.control ? undefined : `no control hook for ${need.slice(8)}: give --control <command> or --control tcp://host:port`;
    case 'pair':
    case 'second-client':
    case 'app-view':
      return undefined;
  }
}

/** The bridge's output is already the application's view: expose it without the raw-client methods. */
function appViewOf(client: RawClient): AppView {
  return {
    name: client.name,
    get received() {
      return client.received;
    },
    expect: (e, t) => client.expect(e, t),
    expectNone: (e, w) => client.expectNone(e, w),
    recordOf: (m) => client.recordOf(m),
    close: async () => client.close(),
  };
}
