/**
 * `--target tcp://host:port [--backup tcp://host:port]`: any server speaking
 * the wire format. Scenarios share it, so the engine runs the ones that use
 * control actions one at a time; a switchover swaps which address is primary.
 */
import { targetError } from '../failure.js';
import type { Control, Need, ServerSide } from '../scenario.js';
import { controlInfo, type Target, type TargetSession } from '../target.js';
import { connectTcp, formatAddress, type TcpAddress } from '../transport.js';

export interface TcpTargetOptions {
  primary: TcpAddress;
  backup?: TcpAddress;
  control?: Control;
  /** How the control hook was given, for the description. */
  controlLabel?: string;
  connectTimeoutMs: number;
}

export function tcpTarget(o: TcpTargetOptions): Target {
  const roles: Record<ServerSide, TcpAddress | undefined> = { primary: o.primary, backup: o.backup };
  const control: Control | undefined = o.control && {
    ...o.control,
    switchover: async () => {
      await o.control!.switchover();
      [roles.primary, roles.backup] = [roles.backup, roles.primary];
    },
  };
  const description = [
    formatAddress(o.primary),
    o.backup ? `backup ${formatAddress(o.backup)}` : undefined,
    o.controlLabel ? `control ${o.controlLabel}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return {
    description,
    info: { kind: 'tcp', primary: { ...o.primary }, ...(o.backup ? { backup: { ...o.backup } } : {}), ...controlInfo(o.controlLabel) },
    isolated: false,
    unmet: (need) => unmetNeed(need, o),
    session: async (): Promise<TargetSession> => {
      const snapshot = { ...roles };
      return {
        connect: async (server) => {
          const address = snapshot[server];
          if (!address) throw targetError(`no ${server} address: give --backup tcp://host:port`);
          return connectTcp(address, o.connectTimeoutMs);
        },
        control,
        openApp: () => Promise.reject(targetError('a TCP target has no application view')),
        release: async () => undefined,
      };
    },
    preflight: async () => {
      for (const address of [o.primary, o.backup]) if (address) (await connectTcp(address, o.connectTimeoutMs)).close();
    },
    close: async () => undefined,
  };
}

function unmetNeed(need: Need, o: TcpTargetOptions): string | undefined {
  switch (need) {
    case 'pair':
      return o.backup ? undefined : 'no backup server: give --backup tcp://host:port';
    case 'control:switchover':
    case 'control:link':
    case 'control:fault':
      return o.control ? undefined : `no control hook for ${need.slice(8)}: give --control <command> or --control tcp://host:port`;
    case 'app-view':
      return 'a TCP target has no client library: certify one with --target exec:<bridge command>';
    case 'second-client':
    case 'raw-wire':
      return undefined;
  }
}
