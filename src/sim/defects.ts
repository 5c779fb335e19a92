/**
 * Defects the simulator can switch on, each breaking exactly one documented
 * rule of the reference. They exist so that every conformance check can be
 * shown to fail (issue 5: "proof that every check can fail").
 *
 * `where` says which part of the embedded target carries the defect: the
 * simulated server itself, or the embedded client library (for the rules
 * the reference states about T-Library, e.g. EventRestoreConnection never
 * reaching the application).
 */
export interface DefectDef {
  readonly name: string;
  readonly where: 'server' | 'client';
  /** What the defect does, one sentence. */
  readonly does: string;
  /** The reference sentence it breaks (quoted from the seed). */
  readonly breaks: string;
  /** Breaks the same rule as that defect, only differently timed (so a check of one sees the other). */
  readonly variantOf?: string;
}

export const DEFECTS = [
  {
    name: 'ack-no-reference-id',
    where: 'server',
    does: 'EventACK is sent without ReferenceID.',
    breaks: 'EventACK: ReferenceID Mandatory',
  },
  {
    name: 'ack-wrong-reference-id',
    where: 'server',
    does: 'EventACK carries a ReferenceID one greater than the request’s.',
    breaks: 'T-Server has acknowledged a request received from a client application.',
  },
  {
    name: 'ack-wrong-user-event',
    where: 'server',
    does: 'EventACK carries a UserEvent naming another request type than the one acknowledged.',
    breaks: 'UserEvent is the identifier of the request that has caused T-Server to generate EventACK. The attribute is derived from the request.',
  },
  {
    name: 'ack-missing-set-input-mask',
    where: 'server',
    does: 'RequestSetInputMask is silently accepted with no EventACK.',
    breaks: 'This event is a response to the TSendUserEvent(), TSendEvent(), TSendEventEx(), TSetInputMask(), TTransactionMonitoring(), and TPrivateSevice() functions.',
  },
  {
    name: 'subscription-id-missing-on-start',
    where: 'server',
    does: 'The EventACK answering TTransactionMonitoring SubscriptionStart has no SubscriptionID.',
    breaks: 'This attribute, applicable only to EventACK in response to TTransactionMonitoring(), is mandatory for the operation SubscriptionStart',
  },
  {
    name: 'subscription-id-on-stop',
    where: 'server',
    does: 'The EventACK answering SubscriptionStop and SubscriptionModify carries a SubscriptionID.',
    breaks: 'This attribute, applicable only to EventACK in response to TTransactionMonitoring(), ... is not present for the operations SubscriptionStop and SubscriptionModify.',
  },
  {
    name: 'reserved-no-identity',
    where: 'server',
    does: 'EventAgentReserved carries none of AgentID, Place, ThisDN.',
    breaks: 'At least one of the AgentID, Place, or ThisDN attributes must be present.',
  },
  {
    name: 'reserved-wrong-echo',
    where: 'server',
    does: 'EventAgentReserved carries an AgentID other than the TReserveAgent() parameter.',
    breaks: 'The attributes are equal to the corresponding parameters of the TReserveAgent() function.',
  },
  {
    name: 'reserved-timeout-seconds',
    where: 'server',
    does: 'EventAgentReserved reports Timeout in seconds instead of milliseconds.',
    breaks: 'The duration of the reservation is in milliseconds.',
  },
  {
    name: 'reserved-not-to-registered',
    where: 'server',
    does: 'EventAgentReserved is sent to the requester only, not to clients registered on the agent’s DN.',
    breaks: 'the event is sent to the application that sent the request and to all clients registered on the agent\'s DN.',
  },
  {
    name: 'reserved-leak',
    where: 'server',
    does: 'EventAgentReserved is also sent to a client registered on no relevant DN.',
    breaks: 'the event is sent to the application that sent the request and to all clients registered on the agent\'s DN.',
  },
  {
    name: 'call-info-no-conn-id',
    where: 'server',
    does: 'EventCallInfoChanged is sent without ConnID.',
    breaks: 'EventCallInfoChanged: ConnID Mandatory',
  },
  {
    name: 'private-info-leak',
    where: 'server',
    does: 'EventPrivateInfo is also sent to a client that neither requested it nor is registered on the device.',
    breaks: 'This event can be distributed to the following clients: Those who made a request for the private service, TPrivateService(). Those registered on the specified device',
  },
  {
    name: 'private-info-no-private-event',
    where: 'server',
    does: 'EventPrivateInfo is sent without PrivateEvent.',
    breaks: 'EventPrivateInfo: PrivateEvent Mandatory',
  },
  {
    name: 'user-event-no-this-dn',
    where: 'server',
    does: 'EventUserEvent is sent without ThisDN.',
    breaks: 'EventUserEvent: ThisDN Mandatory',
  },
  {
    name: 'user-event-not-delivered',
    where: 'server',
    does: 'RequestDistributeUserEvent is acknowledged but no EventUserEvent reaches the clients registered on ThisDN.',
    breaks: 'A user event from another client application has been received.',
  },
  {
    name: 'missing-time',
    where: 'server',
    does: 'EventPrivateInfo is sent without time.',
    breaks: 'EventPrivateInfo: time Mandatory',
  },
  {
    name: 'obsolete-event',
    where: 'server',
    does: 'EventResourceAllocated is emitted when a DN is registered.',
    breaks: 'EventResourceAllocated (Obsolete—No Longer Supported)',
  },
  {
    name: 'link-disconnected-after-primary-changed',
    where: 'server',
    does: 'On a switchover to a backup whose link is down, EventLinkDisconnected comes after EventPrimaryChanged instead of before.',
    breaks: 'If the former primary T-Server has its link connected, and the new one does not, EventLinkDisconnected is delivered just prior to EventPrimaryChanged.',
  },
  {
    name: 'link-connected-before-primary-changed',
    where: 'server',
    does: 'On a switchover to a backup whose link is up (old primary’s down), EventLinkConnected comes before EventPrimaryChanged instead of after.',
    breaks: 'If the former primary T-Server has its link disconnected, and the new one has its link connected, EventLinkConnected is delivered immediately after EventPrimaryChanged.',
  },
  {
    name: 'resync-query-location-fails',
    where: 'server',
    does: 'After a switchover the new primary answers RequestQueryLocation with EventError.',
    breaks: 'After a client receives EventPrimaryChanged, it should re-synchronize with the new primary T-Server (the one reporting this event) by calling the TQueryLocation() function and either the TQueryAddress() or TQueryCall() function.',
  },
  {
    name: 'restore-connection-wrong-role',
    where: 'server',
    does: 'When the primary’s connection to the backup is established, EventRestoreConnection carries ServerRole 1 instead of 0.',
    breaks: 'The primary T-Server generates EventRestoreConnection, with the attribute ServerRole set to 0, when the connection to the backup T-Server has been established.',
  },
  {
    name: 'restore-connection-backup-role-0',
    where: 'server',
    does: 'When a primary is changed to backup, its EventRestoreConnection carries ServerRole 0 instead of 1.',
    breaks: 'T-Server generates EventRestoreConnection and sets the attribute ServerRole to 1 to indicate that it has been changed from the primary to the backup T-Server.',
  },
  {
    name: 'restore-connection-no-backup',
    where: 'server',
    does: 'EventRestoreConnection carries no UserData naming the backup.',
    breaks: 'UserData—This attribute contains the reference to the backup T-Server.',
  },
  {
    name: 'restore-connection-delivered',
    where: 'client',
    does: 'The embedded client library dispatches EventRestoreConnection to the application.',
    breaks: 'EventRestoreConnection is processed internally by T-Library, and is not delivered to the user dispatch function.',
  },
  {
    name: 'hardware-error-missing',
    where: 'server',
    does: 'A switch-side fault is swallowed: no EventHardwareError is sent.',
    breaks: 'T-Server has detected inconsistent data or an incomplete event flow in switch messaging—for instance, a wrong checksum or missing attributes.',
  },
  {
    name: 'ack-subscription-id-stray',
    where: 'server',
    does: 'Every EventACK that does not answer TTransactionMonitoring() carries a SubscriptionID.',
    breaks: 'This attribute, applicable only to EventACK in response to TTransactionMonitoring(), is mandatory for the operation SubscriptionStart, but is not present for the operations SubscriptionStop and SubscriptionModify.',
  },
  {
    name: 'reserved-echoes-absent-parameter',
    where: 'server',
    does: 'EventAgentReserved names a Place and a ThisDN the TReserveAgent() request did not have.',
    breaks: 'This event is generated as a positive response to the TReserveAgent() request, confirming that those of the parameters agent_dn, agent_id, and agent_place that were present in the request have been successfully reserved.',
  },
  {
    name: 'call-info-wrong-conn-id',
    where: 'server',
    does: 'EventCallInfoChanged carries the ConnID of another call than the one TSetCallInfo() changed.',
    breaks: 'The call information has been changed.',
  },
  {
    name: 'private-info-leak-late',
    where: 'server',
    does: 'EventPrivateInfo also reaches every other client, 300 ms late (twice the quiet time absence checks used to wait), but before anything the server writes to that client afterwards.',
    variantOf: 'private-info-leak',
    breaks: 'This event can be distributed to the following clients: Those who made a request for the private service, TPrivateService(). Those registered on the specified device',
  },
  {
    name: 'user-event-leak-late',
    where: 'server',
    does: 'EventUserEvent also reaches every client not registered on ThisDN, 300 ms late (twice the quiet time absence checks used to wait), but before anything the server writes to that client afterwards.',
    breaks: 'A user event from another client application has been received.',
  },
  {
    name: 'user-event-drops-user-data',
    where: 'server',
    does: 'EventUserEvent is delivered without the UserData its initiator specified.',
    breaks: 'Other attributes are specified by the initiator of this event.',
  },
  {
    name: 'primary-changed-no-time',
    where: 'server',
    does: 'EventPrimaryChanged is sent without time.',
    breaks: 'EventPrimaryChanged: time Mandatory',
  },
  {
    name: 'primary-changed-from-old-primary',
    where: 'server',
    does: 'At a switchover the old primary also sends EventPrimaryChanged to its clients.',
    breaks: "A change in the role of one of a pair of synchronized T-Servers in hot standby mode has taken place: the T-Server's role has been changed from backup to primary.",
  },
  {
    name: 'restore-connection-names-sender',
    where: 'server',
    does: 'The primary\'s EventRestoreConnection (ServerRole 0) names the primary itself in UserData instead of the backup.',
    breaks: 'UserData—This attribute contains the reference to the backup T-Server.',
  },
  {
    name: 'hardware-error-no-time',
    where: 'server',
    does: 'EventHardwareError is sent without time.',
    breaks: 'EventHardwareError: time Mandatory',
  },
] as const satisfies readonly DefectDef[];

export type DefectName = (typeof DEFECTS)[number]['name'];

export function isDefectName(name: string): name is DefectName {
  return DEFECTS.some((d) => d.name === name);
}
