/**
 * Resynchronisation after EventPrimaryChanged. The reference: "After a client
 * receives EventPrimaryChanged, it should re-synchronize with the new primary
 * T-Server (the one reporting this event) by calling the TQueryLocation()
 * function and either the TQueryAddress() or TQueryCall() function."
 * This client queries the location, then every DN it has registered.
 */
import type { Message } from '../codec/types.js';
import { outcome, type Outcome } from './outcome.js';
import { queryAddress, queryLocation, type TLibRequest } from './tlib-requests.js';

export interface ResyncResult {
  /** The new primary the queries went to ("host:port"). */
  server: string;
  /** True when every query was answered without EventError. */
  ok: boolean;
  location: Outcome;
  addresses: Array<{ dn: string } & Outcome>;
}

/** `send` sends one request to the new primary and resolves with its answer. */
export async function resynchronise(server: string, dns: readonly string[], send: (request: TLibRequest) => Promise<Message>): Promise<ResyncResult> {
  const location = await outcome(send(queryLocation()));
  const addresses = await Promise.all(
    dns.map(async (dn) => ({ dn, ...(await outcome(send(queryAddress(dn)))) })),
  );
  return { server, ok: location.ok && addresses.every((a) => a.ok), location, addresses };
}
