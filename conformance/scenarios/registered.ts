/** Clients registered on a DN: the ones an event concerns, and the bystander it must not reach. */
import type { ScenarioContext, ServerSide, WireClient } from '../model/scenario.js';

/** A client named `name`, registered on `dn` (of `server`, the primary unless given). */
export async function registeredOn(ctx: ScenarioContext, name: string, dn: string, server?: ServerSide): Promise<WireClient> {
  const c = await ctx.client(name, server);
  await c.register(dn);
  return c;
}

/** A client registered only on a DN no scenario event concerns: whatever reaches it has leaked. */
export function bystander(ctx: ScenarioContext): Promise<WireClient> {
  return registeredOn(ctx, 'bystander', ctx.resources.dn('elsewhere'));
}
