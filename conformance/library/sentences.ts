/**
 * The sentences of the reference about T-Library that library scenarios
 * enforce, by id (the ids spec/sentence-audit.json uses), plus the kit's own
 * rules, marked as such. One fact in one place: scenarios cite these.
 */
export const LIBRARY_SENTENCES = {
  'restore-connection.not-delivered': 'EventRestoreConnection is processed internally by T-Library, and is not delivered to the user dispatch function.',
  'primary-changed.restore-never-delivered':
    'The event generated for a primary-to-backup switchover—EventRestoreConnection— is different from EventPrimaryChanged in that it is processed internally by T-Library and is never delivered to clients.',
  'restore-connection.user-data': 'UserData—This attribute contains the reference to the backup T-Server. T-Library uses this information to try to connect to that server.',
  'restore-connection.server-role-1':
    'T-Server generates EventRestoreConnection and sets the attribute ServerRole to 1 to indicate that it has been changed from the primary to the backup T-Server. This value is used to prevent a race condition in situations where two or more switchovers happen within a short interval of time.',
  'restore-connection.relies-on-primary-changed': '(Otherwise, T-Library relies on EventPrimaryChanged to identify the primary T-Server.)',
  'primary-changed.resync':
    'After a client receives EventPrimaryChanged, it should re-synchronize with the new primary T-Server (the one reporting this event) by calling the TQueryLocation() function and either the TQueryAddress() or TQueryCall() function.',
  'primary-changed.link-disconnected-before': 'If the former primary T-Server has its link connected, and the new one does not, EventLinkDisconnected is delivered just prior to EventPrimaryChanged.',
  'primary-changed.link-connected-after':
    'If the former primary T-Server has its link disconnected, and the new one has its link connected, EventLinkConnected is delivered immediately after EventPrimaryChanged.',
  'primary-changed.ordering-simplifies':
    'The ordering of these messages is intended to simplify the processing logic on the client side—receiving EventPrimaryChanged when the link is disconnected may be safely ignored.',
  'events.server-mandatory': 'Server Mandatory (in the attribute table of every event the reference lists as delivered to an application)',
  'kit.no-event-lost-or-doubled':
    "The kit's own rule, beyond the reference: every EventUserEvent the primary of the moment delivers on a DN the application registered reaches the application exactly once across a switchover.",
  'kit.close-closes-everything': "The kit's own rule, beyond the reference: after the application closes the library, every connection it opened is closed and it opens no other.",
} as const;

export type LibrarySentenceId = keyof typeof LIBRARY_SENTENCES;

export function quote(id: LibrarySentenceId): string {
  const text = LIBRARY_SENTENCES[id];
  return id.startsWith('kit.') ? text : `"${text}"`;
}
