/**
 * The judge stage of the receive path: the rules that hold for every copy
 * of an event, whichever connection of the runner received it (a scenario's
 * client or an observer), and whenever. Each special event against its
 * table (Mandatory rows, kinds) and, when it answers a request of the runner
 * (by its ReferenceID, or by what it names: conformance/rules/attribution.ts), the
 * request-dependent rules; no obsolete event at all; and the delivery rules:
 * a copy reaches only the clients the reference entitles to it.
 */
import { messageByName } from '../../src/registry.js';
import type { Message } from '../../src/codec/types.js';
import type { Owner } from './attribution.js';
import type { Violation } from '../model/scenario.js';
import { allSentences, sentence, type SentenceId } from '../../src/reference/sentences.js';
import { REQUEST_RULES } from '../../src/validate/request-rules.js';
import { citesOf } from '../../src/validate/rule-sentences.js';

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
  EventResourceAllocated: sentence('EventResourceAllocated.title'),
  EventResourceFreed: sentence('EventResourceFreed.title'),
};

export const DELIVERY_SENTENCES = Object.freeze({
  EventAgentReserved: sentence('EventAgentReserved.description.1'),
  EventUserEvent: sentence('EventUserEvent.description.0'),
  EventPrivateInfo: [0, 1, 2, 3].map((n) => sentence(`EventPrivateInfo.distribution.${n}`)).join(' '),
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
    message: `${m.Event}, which it must not: it neither sent the ${cause.request.Event} nor is registered on ${dn} (it is on ${[...to.registered].join(', ') || 'no DN'})`,
    expected: `no ${m.Event} for ${to.name}`,
    actual: `${m.Event} caused by ${owner!.scenarioId}'s ${cause.request.Event}`,
    sentence: DELIVERY_SENTENCES[event],
  };
}

const CHANGED = sentence('EventPrimaryChanged.description.0');
const REPORTER = sentence('EventPrimaryChanged.warning.0');

/**
 * What one connection's server has said about its own role: EventPrimaryChanged
 * reports that it has become primary, EventRestoreConnection ServerRole 1 that
 * it has become the backup. A second EventPrimaryChanged with no ServerRole 1
 * between them reports a change that did not take place on that server (a
 * copy from the server that became backup, however late it comes).
 */
export class RoleReports {
  private promotions = 0;
  private era: string | undefined;
  /** Role reports broken so far on this connection: each is one break, counted apart (a repeat sends one per attempt). */
  private excess = 0;

  /**
   * `era`: who changes the pair now. Counting starts again with each
   * scenario that changes it, so what one scenario's switchovers left
   * uncounted (a ServerRole 1 never sent) is not blamed on the next.
   */
  judge(m: Message, era?: string): (Broken & { ordinal: number }) | undefined {
    if (era !== this.era) {
      this.era = era;
      this.promotions = 0;
    }
    if (m.Event === 'EventRestoreConnection' && m.ServerRole === 1) this.promotions = 0;
    if (m.Event !== 'EventPrimaryChanged') return undefined;
    this.promotions++;
    if (this.promotions < 2) return undefined;
    return {
      ordinal: ++this.excess,
      message: 'EventPrimaryChanged again, with no change of its server\'s role since the last one (no EventRestoreConnection ServerRole 1 between them)',
      expected: 'one EventPrimaryChanged per change of this server from backup to primary, from the server that became primary',
      actual: `EventPrimaryChanged number ${this.promotions} since this server last said it was the backup`,
      sentence: `${CHANGED} ${REPORTER}`,
    };
  }
}

/** The runner's own checks, by the ids spec/sentence-audit.json maps sentences to. */
export const RUNNER_CHECKS = {
  'received/table': 'every special event any connection of the runner receives is checked against its table (Mandatory rows, kinds)',
  'received/request-rules': "an event that answers a request of the runner (by ReferenceID, or by the DN, agent or call it names) is checked against the validator's request-dependent rules",
  'received/obsolete': 'an obsolete event received on any connection fails the run',
  'received/role-reports': 'a connection that receives EventPrimaryChanged twice with no EventRestoreConnection ServerRole 1 between them fails the scenario that changed the pair',
  'received/delivery': 'a copy of an event a request of the runner caused, received by a connection neither the requester nor registered on its DN, fails the scenario that caused it',
  'absence/barrier': "a must-not-receive verdict waits for a round trip on the bystander's own connection, not a quiet time",
} as const satisfies Readonly<Record<string, string>>;

/** The sentences each of the runner's own checks enforces (spec/reference/sentences.json); spec/sentence-audit.json is generated from them. */
export const RUNNER_CHECK_CITES: Readonly<Record<keyof typeof RUNNER_CHECKS, readonly SentenceId[]>> = {
  'received/table': [
    ...allSentences()
      .filter((s) => s.id.includes('.row.'))
      .map((s) => s.id as SentenceId),
    'EventUserEvent.contents.0',
  ],
  'received/request-rules': [...new Set(REQUEST_RULES.flatMap((r) => citesOf(r.id, r.event)))],
  'received/obsolete': ['EventResourceAllocated.title', 'EventResourceFreed.title'],
  'received/role-reports': ['EventPrimaryChanged.description.0', 'EventRestoreConnection.attribute.ServerRole.1'],
  'received/delivery': ['EventAgentReserved.description.1', 'EventUserEvent.description.0', 'EventPrivateInfo.distribution.0'],
  'absence/barrier': ['EventAgentReserved.description.1', 'EventPrivateInfo.distribution.0', 'EventPrivateInfo.distribution.3', 'EventUserEvent.description.0'],
};
