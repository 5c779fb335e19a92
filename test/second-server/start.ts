/**
 * Starts the vendor pair and its control channel; what tests and main.ts use.
 */
import type { Server } from 'node:net';
import { VendorPair, type Endpoint } from './pair.js';
import type { ServerOptions } from './options.js';
import { startControlChannel } from './control-channel.js';

export interface VendorHandle {
  pair: VendorPair;
  primary: Endpoint;
  backup: Endpoint;
  /** The control channel's port; undefined with controlPort -1. */
  controlPort: number | undefined;
  close(): Promise<void>;
}

export async function startVendorPair(options: Partial<ServerOptions> = {}): Promise<VendorHandle> {
  const pair = new VendorPair(options);
  await pair.listen();
  let control: { server: Server; port: number } | undefined;
  if (pair.options.controlPort >= 0) control = await startControlChannel(pair, pair.options.host, pair.options.controlPort);
  return {
    pair,
    primary: pair.sides.one.endpoint,
    backup: pair.sides.two.endpoint,
    controlPort: control?.port,
    async close() {
      if (control) await new Promise<void>((resolve) => control.server.close(() => resolve()));
      await pair.close();
    },
  };
}
