/**
 * The judge stage of the receive path: the rules that hold for every copy
 * of an event, whichever connection of the runner received it (a scenario's
 * client or an observer), and whenever. Each special event against its
 * table (Mandatory rows, kinds) and, when it answers a request of the runner
 * (by its ReferenceID, or by what it names: conformance/attribution.ts), the
 * request-dependent rules; no obsolete event at all; and the delivery rules:
 * a copy reaches only the clients the reference entitles to it.
 */
import { messageByName, type Message } from '../src/index.js';
import type { Owner } from './attribution.js';
import type { Violation } from './scenario.js';

export type Judge = (m: Message, context?: { request?: Message }) => Violation[];

export interface Broken {
  message: string;
  expected: string;
  actual: string;
  sentence: string;
}

/** The receiving connection as the delivery rules see it. */
export interface Recipient {
  readonly name: string;
  /** Identity of the connection, compared with the sender of the request an event answers. */
  readonly token: object;
  /** The DNs it is registered on. */
  readonly registered: ReadonlySet<string>;
}

export const OBSOLETE_SENTENCES: Readonly<Record<string, string>> = {
  EventResourceAllocated: 'EventResourceAllocated (Obsolete—No Longer Supported)',
  EventResourceFreed: 'EventResourceFreed (Obsolete—No Longer Supported)',
};

export const DELIVERY_SENTENCES = Object.freeze({
  EventAgentReserved:
    "When an agent becomes reserved as the result of TReserveAgent() request, the event is sent to the application that sent the request and to all clients registered on the agent's DN.",
  EventUserEvent: 'A user event from another client application has been received.',
  EventPrivateInfo:
    'This event can be distributed to the following clients: Those who made a request for the private service, TPrivateService(). Those registered on the specified device, depending on the nature of the service. Those who would otherwise be ineligible (for security reasons) for receiving given events, and who thus require additional registration in order to be notified.',
});

/**
 * Who may receive a copy of an event the runner's request caused: its
 * requester, and the clients registered on the DN the event concerns. The
 * sender of a user event may hear its own or not (the reference is silent).
 * Undefined when the DN is unknown: then nothing is judged.
 */
const ENTITLED_DN: Readonly<Record<keyof typeof DELIVERY_SENTENCES, (m: Message, request: Message) => string | undefined>> = {
  EventAgentReserved: (m, r) => m.ThisDN ?? r.ThisDN,
  EventUserEvent: (m) => m.ThisDN,
  EventPrivateInfo: (m, r) => m.ThisDN ?? r.ThisDN,
};

export function judgeReceived(judge: Judge, m: Message, request: Message | undefined): Broken | undefined {
  const info = messageByName(m.Event);
  if (m.Obsolete === true || info?.obsolete === true) {
    return {
      message: `${m.Event}, an obsolete event that is no longer supported`,
      expected: 'no obsolete event (EventResourceAllocated, EventResourceFreed)',
      actual: m.Event,
      sentence: OBSOLETE_SENTENCES[m.Event] ?? `${m.Event} (Obsolete—No Longer Supported)`,
    };
  }
  if (info?.special !== true) return undefined;
  const [v] = judge(m, request ? { request } : {});
  if (!v) return undefined;
  return { message: `${m.Event} that breaks ${v.rule}: ${v.message}`, expected: v.expected, actual: v.actual, sentence: v.reference ?? v.rule };
}

/** A copy of an event the runner caused, received by a connection the reference does not entitle to it. */
export function judgeDelivery(m: Message, owner: Owner | undefined, to: Recipient): Broken | undefined {
  const cause = owner?.cause;
  if (!cause || !(m.Event in ENTITLED_DN) || cause.client === to.token) return undefined;
  const event = m.Event as keyof typeof DELIVERY_SENTENCES;
  const dn = ENTITLED_DN[event](m, cause.request);
  if (dn === undefined || to.registered.has(dn)) return undefined;
  return {
    message: `${m.Event}, which it must not: it neither sent the ${cause.request.Event} nor is registered on ${dn}`,
    expected: `no ${m.Event} for ${to.name} (registered on ${[...to.registered].join(', ') || 'no DN'})`,
    actual: `${m.Event} caused by ${owner!.scenarioId}'s ${cause.request.Event}`,
    sentence: DELIVERY_SENTENCES[event],
  };
}

const CHANGED =
  "A change in the role of one of a pair of synchronized T-Servers in hot standby mode has taken place: the T-Server's role has been changed from backup to primary.";
const REPORTER =
  'After a client receives EventPrimaryChanged, it should re-synchronize with the new primary T-Server (the one reporting this event) by calling the TQueryLocation() function and either the TQueryAddress() or TQueryCall() function.';

/**
 * What one connection's server has said about its own role: EventPrimaryChanged
 * reports that it has become primary, EventRestoreConnection ServerRole 1 that
 * it has become the backup. A second EventPrimaryChanged with no ServerRole 1
 * between them reports a change that did not take place on that server (a
 * copy from the server that became backup, however late it comes).
 */
export class RoleReports {
  private promotions = 0;

  judge(m: Message): Broken | undefined {
    if (m.Event === 'EventRestoreConnection' && m.ServerRole === 1) this.promotions = 0;
    if (m.Event !== 'EventPrimaryChanged') return undefined;
    this.promotions++;
    if (this.promotions < 2) return undefined;
    return {
      message: 'EventPrimaryChanged again, with no change of its server\'s role since the last one (no EventRestoreConnection ServerRole 1 between them)',
      expected: 'one EventPrimaryChanged per change of this server from backup to primary, from the server that became primary',
      actual: `EventPrimaryChanged number ${this.promotions} since this server last said it was the backup`,
      sentence: `${CHANGED} ${REPORTER}`,
    };
  }
}

/** The runner's own checks, by the ids spec/sentence-audit.json maps sentences to. */
export const RUNNER_CHECKS: Readonly<Record<string, string>> = {
  'received/table': 'every special event any connection of the runner receives is checked against its table (Mandatory rows, kinds)',
  'received/request-rules': "an event that answers a request of the runner (by ReferenceID, or by the DN, agent or call it names) is checked against the validator's request-dependent rules",
  'received/obsolete': 'an obsolete event received on any connection fails the run',
  'received/role-reports': 'a connection that receives EventPrimaryChanged twice with no EventRestoreConnection ServerRole 1 between them fails the scenario that changed the pair',
  'received/delivery': 'a copy of an event a request of the runner caused, received by a connection neither the requester nor registered on its DN, fails the scenario that caused it',
  'absence/barrier': "a must-not-receive verdict waits for a round trip on the bystander's own connection, not a quiet time",
};
