/**
 * `--target tcp://host:port [--backup tcp://host:port]`: any server speaking
 * the wire format. Scenarios share it, so the engine runs the ones that use
 * control actions one at a time; a switchover swaps which address is primary,
 * and the pair is restored after each such scenario.
 */
import { targetError } from '../model/failure.js';
import type { Control, Need, ServerSide } from '../model/scenario.js';
import { controlInfo, type Target } from './target.js';
import { connectTcp, formatAddress, type TcpAddress } from '../message-path/transport.js';
import { sharedPairTarget } from './shared-pair.js';

export interface TcpTargetOptions {
  primary: TcpAddress;
  backup?: TcpAddress;
  control?: Control;
  /** How the control hook was given, for the description. */
  controlLabel?: string;
  connectTimeoutMs: number;
}

export function tcpTarget(o: TcpTargetOptions): Target {
  const configured: Record<ServerSide, TcpAddress | undefined> = { primary: o.primary, backup: o.backup };
  const description = [
    formatAddress(o.primary),
    o.backup ? `backup ${formatAddress(o.backup)}` : undefined,
    o.controlLabel ? `control ${o.controlLabel}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return sharedPairTarget(o.control, (pair) => ({
    description,
    info: { kind: 'tcp', primary: { ...o.primary }, ...(o.backup ? { backup: { ...o.backup } } : {}), ...controlInfo(o.controlLabel) },
    unmet: (need) => unmetNeed(need, o),
    session: {
      connect: async (role) => {
        const address = configured[pair.serverOf(role)];
        if (!address) throw targetError(`no ${role} address: give --backup tcp://host:port`);
        return connectTcp(address, o.connectTimeoutMs);
      },
      address: (role) => configured[pair.serverOf(role)],
      openApp: () => Promise.reject(targetError('a TCP target has no application view')),
    },
  }));
}

function unmetNeed(need: Need, o: TcpTargetOptions): string | undefined {
  switch (need) {
    case 'pair':
      return o.backup ? undefined : 'no backup server: give --backup tcp://host:port';
    case 'control:switchover':
    case 'control:link':
    case 'control:fault':
    case 'control:call':
      return o.control ? undefined : `no control hook for ${need.slice(8)}: give --control <command> or --control tcp://host:port`;
    case 'app-view':
      return 'a TCP target has no client library: certify one with --target exec:<bridge command>';
    case 'second-client':
    case 'raw-wire':
      return undefined;
  }
}
