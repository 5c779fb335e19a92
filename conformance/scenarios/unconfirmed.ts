/**
 * A request naming something the switch does not have: whatever answers it
 * is accepted and recorded, except the event that would confirm it, which
 * would report what did not happen.
 */
import type { Message } from '../../src/codec/types.js';
import type { ScenarioContext, WireClient } from '../model/scenario.js';
import { blame } from './check.js';

export interface Unconfirmable {
  /** The service asked for, as the reference names it: `TSetCallInfo()`. */
  service: string;
  /** How the service names its object: `on` a call, `for` an agent. */
  preposition: 'on' | 'for';
  /** The absent object's name as the request gives it. */
  name: string;
  /** What the object would be: `call`. */
  kind: string;
  /** What the absent object is: `a call the switch does not have`. */
  absent: string;
  /** The event that would confirm the request. */
  confirmation: string;
  /** Why no confirmation may come: `the information of no call has been changed`. */
  because: string;
  sentence: string;
}

/** Sends `request` from `a` and fails if the answer, or anything before the barrier, is the confirmation. */
export async function mustNotConfirm(ctx: ScenarioContext, a: WireClient, request: Message, u: Unconfirmable): Promise<void> {
  const ref = a.request(request);
  await a.expect({ what: `an answer to ${u.service} (ReferenceID ${ref}) ${u.preposition} ${u.name}, ${u.absent}`, match: (x) => x.ReferenceID === ref || x.Event === u.confirmation });
  await a.sync();
  const wrong = a.received.find((x) => x.Event === u.confirmation);
  if (wrong) blame(a, wrong, `${u.confirmation} for ${u.name}, ${u.absent}`, `no ${u.confirmation} (an EventError, say): ${u.because}`, undefined, u.sentence);
  ctx.seen(`${u.service} ${u.preposition} an unknown ${u.kind} answered by ${a.received.find((x) => x.ReferenceID === ref)?.Event ?? 'nothing'}`);
}
