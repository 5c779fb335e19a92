/**
 * Which sentences of the reference (spec/reference/sentences.json) each
 * validator rule enforces. A table row's rules (`<Event>/<Attribute>/mandatory`,
 * `/type`) cite the row; the rest are named here. A rule citing none rests on
 * the public numbers (spec/reference/tlib-numbers.md: message types, value
 * kinds), which its reference text names.
 */
import { allSentences, isSentenceId, type SentenceId } from '../reference/sentences.js';

/** Rules that rest on the same sentences, each mapped to them. */
function alike(ids: readonly string[], cites: readonly SentenceId[]): Record<string, readonly SentenceId[]> {
  return Object.fromEntries(ids.map((id) => [id, cites]));
}

const NAMED: Readonly<Record<string, readonly SentenceId[]>> = {
  'EventACK/request/acknowledged': ['EventACK.description.1'],
  'EventACK/ReferenceID/echo': ['EventACK.description.0'],
  'EventACK/UserEvent/echo': ['EventACK.note.a.0', 'EventACK.note.a.1'],
  ...alike(['start', 'stop-modify', 'transaction-monitoring-only'].map((w) => `EventACK/SubscriptionID/${w}`), ['EventACK.note.b.0']),
  'EventAgentReserved/request/reserve-agent': ['EventAgentReserved.description.0'],
  'EventAgentReserved/ReferenceID/echo': ['EventAgentReserved.description.0'],
  ...alike(['AgentID', 'Place', 'ThisDN'].map((a) => `EventAgentReserved/${a}/echo`), ['EventAgentReserved.note.a.1', 'EventAgentReserved.description.0']),
  'EventAgentReserved/Timeout/milliseconds': ['EventAgentReserved.note.b.0'],
  'EventAgentReserved/identity/at-least-one': ['EventAgentReserved.note.a.0'],
  'EventPrivateInfo/request/private-service': ['EventPrivateInfo.description.0'],
  'EventPrivateInfo/ReferenceID/echo': ['EventPrivateInfo.description.0', 'EventPrivateInfo.distribution.1'],
  'EventRestoreConnection/not-delivered': ['EventRestoreConnection.important.0', 'EventPrimaryChanged.important.0'],
  'EventRestoreConnection/no-other-attributes': ['EventRestoreConnection.important.1'],
  ...alike(['EventRestoreConnection/ServerRole/type', 'EventRestoreConnection/ServerRole/mandatory'], ['EventRestoreConnection.attribute.ServerRole.0', 'EventRestoreConnection.attribute.ServerRole.1']),
  ...alike(['EventRestoreConnection/UserData/type', 'EventRestoreConnection/UserData/mandatory'], ['EventRestoreConnection.attribute.UserData.0']),
  'EventUserEvent/attribute-names': ['EventUserEvent.contents.1'],
  'message/Obsolete/type': ['EventResourceAllocated.title', 'EventResourceFreed.title'],
};

const OBSOLETE: ReadonlySet<string> = new Set(['EventResourceAllocated', 'EventResourceFreed']);

/** The sentence ids the rule `id` (scope: its event, or "message") enforces. */
export function citesOf(id: string, scope: string): readonly SentenceId[] {
  if (Object.hasOwn(NAMED, id)) return NAMED[id]!;
  const [event = '', attribute = '', what = ''] = id.split('/');
  if (OBSOLETE.has(scope)) return [`${scope}.title` as SentenceId];
  const row = `${event}.row.${attribute}`;
  if (isSentenceId(row)) return [row];
  if (event === 'EventUserEvent' && what === 'type') return ['EventUserEvent.contents.1'];
  if (attribute === 'no-other-attributes') return rowsOf(event);
  return [];
}

function rowsOf(event: string): SentenceId[] {
  const prefix = `${event}.row.`;
  return ROW_IDS.filter((id) => id.startsWith(prefix));
}

const ROW_IDS: readonly SentenceId[] = allSentences()
  .map((s) => s.id)
  .filter((id): id is SentenceId => id.includes('.row.'));
