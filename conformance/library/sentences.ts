/**
 * What library scenarios cite: sentences of the reference by their catalogue
 * id (spec/reference/sentences.json), and the kit's own rules, which the
 * reference does not state and which say so. One fact in one place.
 */
import { sentence, type SentenceId } from '../../src/reference/sentences.js';

export const KIT_RULES = {
  'kit.no-event-lost-or-doubled':
    "The kit's own rule, beyond the reference: every EventUserEvent the primary of the moment delivers on a DN the application registered reaches the application exactly once across a switchover.",
  'kit.close-closes-everything': "The kit's own rule, beyond the reference: after the application closes the library, every connection it opened is closed and it opens no other.",
} as const;

export type KitRuleId = keyof typeof KIT_RULES;
export type LibrarySentenceId = SentenceId | KitRuleId;

/** The sentences about T-Library and what reaches the application, as the library scenarios cite them. */
export const S = {
  restoreNotDelivered: 'EventRestoreConnection.important.0',
  restoreNeverDelivered: 'EventPrimaryChanged.important.0',
  userDataReference: 'EventRestoreConnection.attribute.UserData.0',
  userDataConnect: 'EventRestoreConnection.attribute.UserData.1',
  serverRole1: 'EventRestoreConnection.attribute.ServerRole.1',
  serverRoleRace: 'EventRestoreConnection.attribute.ServerRole.2',
  reliesOnPrimaryChanged: 'EventRestoreConnection.attribute.ServerRole.3',
  resync: 'EventPrimaryChanged.warning.0',
  linkDisconnectedBefore: 'EventPrimaryChanged.warning.2',
  linkConnectedAfter: 'EventPrimaryChanged.warning.3',
  orderingSimplifies: 'EventPrimaryChanged.warning.4',
  serverMandatory: 'EventUserEvent.row.Server',
  noEventLost: 'kit.no-event-lost-or-doubled',
  closeClosesEverything: 'kit.close-closes-everything',
} as const satisfies Record<string, LibrarySentenceId>;

export function isKitRule(id: string): id is KitRuleId {
  return Object.prototype.hasOwnProperty.call(KIT_RULES, id);
}

/** The text of a sentence or kit rule. */
export function textOf(id: LibrarySentenceId): string {
  return isKitRule(id) ? KIT_RULES[id] : sentence(id);
}

/** The sentences one after another, as the reports quote a scenario's reference (a kit rule says it is the kit's). */
export function quote(...ids: LibrarySentenceId[]): string {
  return ids.map(textOf).join(' ');
}
