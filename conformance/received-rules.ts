/**
 * The rules that hold for every instance of an event, whichever scenario
 * received it: each special event against its table (Mandatory rows, kinds,
 * no other attributes) and, when it answers a request this client sent, the
 * request-dependent rules; and no obsolete event at all. One check for every
 * wire client, so a Mandatory attribute missing from an event a scenario did
 * not ask about still fails the run.
 */
import { messageByName, type Message } from '../src/index.js';
import type { Violation } from './scenario.js';
import { allSentences, isSentenceId, sentence, type SentenceId } from '../src/reference/sentences.js';
import { REQUEST_RULES } from '../src/validate/request-rules.js';
import { citesOf } from '../src/validate/rule-sentences.js';

export type Judge = (m: Message, context?: { request?: Message }) => Violation[];

export interface Broken {
  message: string;
  expected: string;
  actual: string;
  sentence: string;
}

/** The heading that declares an obsolete event no longer supported (EventResourceAllocated.title, EventResourceFreed.title). */
function obsoleteSentence(event: string): string {
  const id = `${event}.title`;
  return isSentenceId(id) ? sentence(id) : `${event} (Obsolete—No Longer Supported)`;
}

export function judgeReceived(judge: Judge, m: Message, request: Message | undefined): Broken | undefined {
  const info = messageByName(m.Event);
  if (m.Obsolete === true || info?.obsolete === true) {
    return {
      message: `${m.Event}, an obsolete event that is no longer supported`,
      expected: 'no obsolete event (EventResourceAllocated, EventResourceFreed)',
      actual: m.Event,
      sentence: obsoleteSentence(m.Event),
    };
  }
  if (info?.special !== true) return undefined;
  const [v] = judge(m, request ? { request } : {});
  if (!v) return undefined;
  return { message: `${m.Event} that breaks ${v.rule}: ${v.message}`, expected: v.expected, actual: v.actual, sentence: v.reference ?? v.rule };
}

/** The runner's own checks, by the ids spec/sentence-audit.json maps sentences to. */
export const RUNNER_CHECKS = {
  'received/table': 'every special event any wire client receives is checked against its table (Mandatory rows, kinds, no other attributes)',
  'received/request-rules': "an event that answers a request the client sent is checked against the validator's request-dependent rules",
  'received/obsolete': 'an obsolete event received on any connection fails the run',
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
  'absence/barrier': ['EventAgentReserved.description.1', 'EventPrivateInfo.distribution.0', 'EventPrivateInfo.distribution.3', 'EventUserEvent.description.0'],
};
