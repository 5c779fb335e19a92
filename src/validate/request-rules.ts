/**
 * Rules that depend on the request an event answers, which no schema of the
 * event alone can state. Each quotes its sentence of the reference; each
 * check returns what it found, or nothing when the message keeps the rule.
 */
import type { JsonMessage } from '../codec/json.js';
import { SUBSCRIPTION_OPERATION, messageByName, requestsAnsweredBy } from '../registry.js';
import { CARDINALITY } from './cardinality.js';
import { show } from './violations.js';

interface Finding {
  path: string;
  actual: string;
}

interface RequestRule {
  id: string;
  event: string;
  expected: string;
  reference: string;
  check(event: JsonMessage, request: JsonMessage): Finding | undefined;
}

const ACK = CARDINALITY.EventACK;
const RESERVED = CARDINALITY.EventAgentReserved;
const PRIVATE = CARDINALITY.EventPrivateInfo;

/** The requests the reference names as answered by EventACK (TSendEventEx() is RequestDistributeEvent too). */
const ACKNOWLEDGED = requestsAnsweredBy('EventACK');
const STOP_OR_MODIFY: readonly unknown[] = [SUBSCRIPTION_OPERATION.SubscriptionStop, SUBSCRIPTION_OPERATION.SubscriptionModify];

function isMonitoring(request: JsonMessage): boolean {
  return request.Event === 'RequestTransactionMonitoring';
}

function answers(id: string, event: string, requests: readonly string[], reference: string): RequestRule {
  return {
    id,
    event,
    expected: `an answer to ${requests.join(', ')}`,
    reference,
    check: (_e, request) => (requests.includes(request.Event) ? undefined : { path: '', actual: `an answer to ${request.Event}` }),
  };
}

/** The event carries the request's ReferenceID (when it carries one, or always if `always`). */
function referenceEcho(id: string, event: string, reference: string, always: boolean): RequestRule {
  return {
    id,
    event,
    expected: `ReferenceID equal to the request's${always ? '' : ' when present'}`,
    reference,
    check: (e, request) => {
      if (request.ReferenceID === undefined || (!always && e.ReferenceID === undefined)) return undefined;
      return e.ReferenceID === request.ReferenceID ? undefined : { path: 'ReferenceID', actual: `${show(e.ReferenceID)} (request: ${show(request.ReferenceID)})` };
    },
  };
}

/**
 * An attribute the request had may be left out (each is Optional; footnote a
 * asks for one of the three only), but one the event carries must equal the
 * request's parameter, and one the request lacked has no parameter to equal.
 */
function parameterEcho(id: string, event: string, attribute: string, reference: string): RequestRule {
  return {
    id,
    event,
    expected: `${attribute}, when present, equal to the request's ${attribute}; absent when the request had none`,
    reference,
    check: (e, request) =>
      e[attribute] === undefined || e[attribute] === request[attribute] ? undefined : { path: attribute, actual: `${show(e[attribute])} (request: ${show(request[attribute])})` },
  };
}

/** EventACK footnote b: when SubscriptionID must and must not be there; `wrong` says what is wrong, if anything. */
function subscriptionId(which: string, expected: string, wrong: (e: JsonMessage, request: JsonMessage) => string | undefined): RequestRule {
  return {
    id: `EventACK/SubscriptionID/${which}`,
    event: 'EventACK',
    expected,
    reference: `EventACK: b. ${ACK.footnotes.b}`,
    check: (e, request) => {
      const actual = wrong(e, request);
      return actual === undefined ? undefined : { path: 'SubscriptionID', actual };
    },
  };
}

/**
 * The server chooses the duration it grants (the reference gives only the
 * unit), so any value is a duration in milliseconds, except the requested
 * duration converted to seconds: that is the unit the footnote rules out.
 */
function inSeconds(granted: unknown, requested: unknown): boolean {
  if (typeof granted !== 'number' || typeof requested !== 'number' || granted === requested) return false;
  return granted === Math.floor(requested / 1000) || granted === Math.ceil(requested / 1000);
}

export const REQUEST_RULES: readonly RequestRule[] = [
  answers('EventACK/request/acknowledged', 'EventACK', ACKNOWLEDGED, ACK.description),
  referenceEcho('EventACK/ReferenceID/echo', 'EventACK', `EventACK: ${ACK.description.split('. ')[0]}.`, true),
  {
    id: 'EventACK/UserEvent/echo',
    event: 'EventACK',
    expected: "UserEvent, when present, equal to the request's message type id",
    reference: `EventACK: a. ${ACK.footnotes.a}`,
    check: (e, request) => {
      const id = messageByName(request.Event)?.id;
      return e.UserEvent === undefined || e.UserEvent === id ? undefined : { path: 'UserEvent', actual: `${show(e.UserEvent)} (request ${request.Event} is ${show(id)})` };
    },
  },
  subscriptionId('start', 'SubscriptionID present in the answer to TTransactionMonitoring() SubscriptionStart', (e, request) =>
    isMonitoring(request) && request.SubscriptionOperation === SUBSCRIPTION_OPERATION.SubscriptionStart && e.SubscriptionID === undefined ? 'absent' : undefined,
  ),
  subscriptionId('stop-modify', 'no SubscriptionID in the answer to TTransactionMonitoring() SubscriptionStop or SubscriptionModify', (e, request) =>
    isMonitoring(request) && STOP_OR_MODIFY.includes(request.SubscriptionOperation) && e.SubscriptionID !== undefined ? show(e.SubscriptionID) : undefined,
  ),
  subscriptionId('transaction-monitoring-only', 'no SubscriptionID in an EventACK that does not answer TTransactionMonitoring()', (e, request) =>
    !isMonitoring(request) && e.SubscriptionID !== undefined ? `${show(e.SubscriptionID)} (answering ${request.Event})` : undefined,
  ),
  answers('EventAgentReserved/request/reserve-agent', 'EventAgentReserved', ['RequestReserveAgent'], RESERVED.description),
  referenceEcho('EventAgentReserved/ReferenceID/echo', 'EventAgentReserved', RESERVED.description, false),
  ...['AgentID', 'Place', 'ThisDN'].map((a) =>
    parameterEcho(`EventAgentReserved/${a}/echo`, 'EventAgentReserved', a, `EventAgentReserved: a. ${RESERVED.footnotes.a} ${RESERVED.description}`),
  ),
  {
    id: 'EventAgentReserved/Timeout/milliseconds',
    event: 'EventAgentReserved',
    expected: "Timeout in milliseconds: any granted duration but the request's Timeout converted to seconds",
    reference: `EventAgentReserved: b. ${RESERVED.footnotes.b}`,
    check: (e, request) =>
      inSeconds(e.Timeout, request.Timeout) ? { path: 'Timeout', actual: `${show(e.Timeout)}: the requested ${show(request.Timeout)} ms in seconds` } : undefined,
  },
  answers('EventPrivateInfo/request/private-service', 'EventPrivateInfo', ['RequestPrivateService'], PRIVATE.description),
  referenceEcho('EventPrivateInfo/ReferenceID/echo', 'EventPrivateInfo', PRIVATE.description, false),
];
