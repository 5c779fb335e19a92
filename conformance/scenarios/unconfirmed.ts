/**
 * A request naming something the switch does not have: whatever answers it
 * is accepted and recorded, except the event that would confirm it, which
 * would report what did not happen.
 */
import type { Message } from '../../src/codec/types.js';
import { sentence, type SentenceId } from '../../src/reference/sentences.js';
import type { ScenarioContext, WireClient } from '../model/scenario.js';
import { blame } from './check.js';
import type { FamilyMember } from './family.js';

export interface Unconfirmable {
  id: string;
  title: string;
  /** The sentence the confirmation would break, cited and quoted. */
  cite: SentenceId;
  /** The client that sends the request, as reports name it. */
  client: string;
  /** What the switch does not have: the profile's "absent" entry the scenario leases. */
  kind: 'agent' | 'call';
  /** The request, naming the absent object. */
  request: (name: string) => Message;
  /** The service asked for, as the reference names it: `TSetCallInfo()`. */
  service: string;
  /** How the service names its object: `on` a call, `for` an agent. */
  preposition: 'on' | 'for';
  /** What the absent object is: `a call the switch does not have`. */
  absent: string;
  /** The event that would confirm the request. */
  confirmation: string;
  /** Why no confirmation may come: `the information of no call has been changed`. */
  because: string;
}

/** The scenario that sends `u.request` for an absent object and fails on its confirmation. */
export function unconfirmedScenario(u: Unconfirmable): FamilyMember {
  const quoted = sentence(u.cite);
  return {
    id: u.id,
    title: u.title,
    uses: { absent: u.kind },
    cites: [u.cite],
    run: async (ctx) => {
      const a = await ctx.client(u.client);
      await mustNotConfirm(ctx, a, u, ctx.resources.absent(u.kind), quoted);
    },
  };
}

/** Sends the request from `a` and fails if the answer, or anything before the barrier, is the confirmation. */
async function mustNotConfirm(ctx: ScenarioContext, a: WireClient, u: Unconfirmable, name: string, quoted: string): Promise<void> {
  const ref = a.request(u.request(name));
  await a.expect({ what: `an answer to ${u.service} (ReferenceID ${ref}) ${u.preposition} ${name}, ${u.absent}`, match: (x) => x.ReferenceID === ref || x.Event === u.confirmation });
  await a.sync();
  const wrong = a.received.find((x) => x.Event === u.confirmation);
  if (wrong) blame(a, wrong, `${u.confirmation} for ${name}, ${u.absent}`, `no ${u.confirmation} (an EventError, say): ${u.because}`, undefined, quoted);
  ctx.seen(`${u.service} ${u.preposition} an unknown ${u.kind} answered by ${a.received.find((x) => x.ReferenceID === ref)?.Event ?? 'nothing'}`);
}
