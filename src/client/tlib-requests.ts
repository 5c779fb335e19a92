/**
 * Request messages for the T-Library functions the reference names, so the
 * client's convenience methods read like T-Library calls. Each returns the
 * request and the events that answer it (RequestOptions.expect).
 */
import type { Attributes, KVList, Message } from '../codec/types.js';
import { REGISTER_MODE, SUBSCRIPTION_OPERATION, type MessageName } from '../registry.js';

export interface TLibRequest {
  message: Message;
  expect: readonly MessageName[];
}

export type RegisterMode = (typeof REGISTER_MODE)[keyof typeof REGISTER_MODE];
export type SubscriptionOperation = (typeof SUBSCRIPTION_OPERATION)[keyof typeof SUBSCRIPTION_OPERATION];

export function registerAddress(dn: string, mode: RegisterMode): TLibRequest {
  return { message: { Event: 'RequestRegisterAddress', ThisDN: dn, RegisterMode: mode }, expect: ['EventRegistered'] };
}

export function unregisterAddress(dn: string): TLibRequest {
  return { message: { Event: 'RequestUnregisterAddress', ThisDN: dn }, expect: ['EventUnregistered'] };
}

/** TSendUserEvent(): the user event's contents travel as UserData. */
export function sendUserEvent(dn: string, userData: KVList, extra: Attributes = {}): TLibRequest {
  return { message: { ...extra, Event: 'RequestDistributeUserEvent', ThisDN: dn, UserData: userData }, expect: ['EventACK'] };
}

/** TSendEvent(): distribute an event through T-Server. */
export function sendEvent(dn: string, extra: Attributes = {}): TLibRequest {
  return { message: { ...extra, Event: 'RequestDistributeEvent', ThisDN: dn }, expect: ['EventACK'] };
}

/** TPrivateService(): answered by EventPrivateInfo or EventACK, whichever comes first. */
export function privateService(dn: string, privateEvent: number, extra: Attributes = {}): TLibRequest {
  return {
    message: { ...extra, Event: 'RequestPrivateService', ThisDN: dn, PrivateEvent: privateEvent },
    expect: ['EventPrivateInfo', 'EventACK'],
  };
}

/** TReserveAgent(): at least one of ThisDN, AgentID, Place identifies the agent. */
export function reserveAgent(agent: Pick<Attributes, 'ThisDN' | 'AgentID' | 'Place' | 'Timeout' | 'Extensions'>): TLibRequest {
  return { message: { ...agent, Event: 'RequestReserveAgent' }, expect: ['EventAgentReserved'] };
}

export function setCallInfo(connId: string, extra: Attributes = {}): TLibRequest {
  return { message: { ...extra, Event: 'RequestSetCallInfo', ConnID: connId }, expect: ['EventCallInfoChanged', 'EventACK'] };
}

export function queryLocation(extra: Attributes = {}): TLibRequest {
  return { message: { ...extra, Event: 'RequestQueryLocation' }, expect: ['EventLocationInfo'] };
}

export function queryAddress(dn: string, extra: Attributes = {}): TLibRequest {
  return { message: { ...extra, Event: 'RequestQueryAddress', ThisDN: dn }, expect: ['EventAddressInfo'] };
}

export function queryCall(connId: string, extra: Attributes = {}): TLibRequest {
  return { message: { ...extra, Event: 'RequestQueryCall', ConnID: connId }, expect: ['EventPartyInfo'] };
}

/** TTransactionMonitoring(); EventACK carries SubscriptionID for SubscriptionStart only. */
export function transactionMonitoring(operation: SubscriptionOperation, extra: Attributes = {}): TLibRequest {
  return { message: { ...extra, Event: 'RequestTransactionMonitoring', SubscriptionOperation: operation }, expect: ['EventACK'] };
}

/** TSetInputMask(): the mask is T-Library's 64-byte bit mask. */
export function setInputMask(mask: Uint8Array): TLibRequest {
  return { message: { Event: 'RequestSetInputMask', InputMask: mask }, expect: ['EventACK'] };
}
