/**
 * What the server answers to each request. Each rule of the reference is
 * quoted where it is applied; choices the reference leaves open are in
 * CHOICES.md (and differ from our simulator's on purpose).
 */
import type { Message, KVList } from '../../src/index.js';
import type { Connection } from './connection.js';
import type { ServerName, Side, VendorPair } from './pair.js';
import { ERROR } from './errors.js';
import { checkAgent, checkDn, checkPlace, type Refusal } from './resources.js';
import { now } from './clock.js';

type Handler = (pair: VendorPair, side: Side, conn: Connection, request: Message) => void;

/** Requests a backup answers; everything else is for the primary. */
const BACKUP_SERVES = new Set(['RequestRegisterClient', 'RequestRegisterAddress', 'RequestUnregisterAddress', 'RequestQueryAddress', 'RequestQueryLocation', 'RequestQueryCall']);

const START = 1;
const STOP = 2;
const MODIFY = 3;

export function handleRequest(pair: VendorPair, side: Side, conn: Connection, request: Message): void {
  const handler = Object.prototype.hasOwnProperty.call(HANDLERS, request.Event) ? HANDLERS[request.Event] : undefined;
  if (!handler) {
    const text = request.Event.startsWith('Event')
      ? `${request.Event} is an event: clients send requests`
      : `${request.Event === 'Unknown' ? `message type ${String((request as { MessageType?: number }).MessageType)}` : request.Event} is not served by this T-Server`;
    refuse(conn, request, { code: request.Event.startsWith('Event') ? ERROR.notARequest : ERROR.unsupportedRequest, text });
    return;
  }
  if (request.Event !== 'RequestRegisterClient' && !conn.registered) {
    refuse(conn, request, { code: ERROR.notRegistered, text: 'send RequestRegisterClient first' });
    return;
  }
  if (pair.roleOf(side.name) === 'backup' && !BACKUP_SERVES.has(request.Event)) {
    refuse(conn, request, { code: ERROR.backupServesQueriesOnly, text: `this T-Server (${side.applicationName}) is the backup: send ${request.Event} to the primary` });
    return;
  }
  handler(pair, side, conn, request);
}

const HANDLERS: Record<string, Handler> = {
  RequestRegisterClient(pair, side, conn, request) {
    const password = pair.options.password;
    if (password !== undefined && request.ApplicationPassword !== password) {
      refuse(conn, request, { code: ERROR.badPassword, text: 'ApplicationPassword missing or wrong' });
      return;
    }
    conn.applicationName = typeof request.ApplicationName === 'string' ? request.ApplicationName : `client-${conn.id}`;
    conn.send(answer(request, 'EventServerConnected', {
      ServerRole: pair.roleOf(side.name) === 'primary' ? 0 : 1,
      ApplicationName: side.applicationName,
    }));
    // "The primary T-Server generates EventRestoreConnection, with the attribute
    // ServerRole set to 0, when the connection to the backup T-Server has been
    // established": the pair is linked from the start, so each new client of
    // the primary is told, a little later, in a write of its own.
    if (pair.roleOf(side.name) === 'primary') {
      pair.later(pair.options.restoreDelayMs, () => {
        if (pair.roleOf(side.name) === 'primary') pair.restorePrimary(conn);
      });
    } else if (pair.m('restore-role-0-from-backup')) {
      pair.later(pair.options.restoreDelayMs, () => {
        if (pair.roleOf(side.name) === 'backup') conn.send({ Event: 'EventRestoreConnection', ServerRole: 0, UserData: pair.backupReference(side.name) });
      });
    }
  },

  RequestRegisterAddress(pair, side, conn, request) {
    const dn = needString(conn, request, 'ThisDN');
    if (dn === undefined || refused(conn, request, checkDn(pair.options.resources, dn))) return;
    const mode = request.RegisterMode;
    if (mode !== undefined && (mode < 0 || mode > 2)) {
      refuse(conn, request, { code: ERROR.badValue, text: `RegisterMode ${mode} is not a TRegisterMode (0 ModeShare, 1 ModePrivate, 2 ModeMonitor)` });
      return;
    }
    conn.dns.add(dn);
    conn.send(answer(request, 'EventRegistered', { ThisDN: dn }));
    if (pair.m('obsolete-resource-allocated') || (pair.m('obsolete-resource-allocated-on-backup') && pair.roleOf(side.name) === 'backup')) {
      conn.send({ Event: 'EventResourceAllocated', ThisDN: dn, time: now() }, { allowObsolete: true });
    }
  },

  RequestUnregisterAddress(pair, _side, conn, request) {
    const dn = needString(conn, request, 'ThisDN');
    if (dn === undefined || refused(conn, request, checkDn(pair.options.resources, dn))) return;
    // Unregistering a DN the client never registered is harmless: answered the same way.
    conn.dns.delete(dn);
    conn.send(answer(request, 'EventUnregistered', { ThisDN: dn }));
    if (pair.m('obsolete-resource-freed')) {
      conn.send({ Event: 'EventResourceFreed', ThisDN: dn, time: now() }, { allowObsolete: true });
    }
  },

  RequestQueryAddress(pair, _side, conn, request) {
    const dn = needString(conn, request, 'ThisDN');
    if (dn === undefined || refused(conn, request, checkDn(pair.options.resources, dn))) return;
    conn.send(answer(request, 'EventAddressInfo', { ThisDN: dn, AddressType: 1 }));
  },

  RequestQueryLocation(pair, side, conn, request) {
    if (pair.m('resync-refused') && side.promoted) {
      refuse(conn, request, { code: ERROR.unsupportedRequest, text: 'location unknown' });
      return;
    }
    conn.send(answer(request, 'EventLocationInfo', { ApplicationName: side.applicationName }));
  },

  RequestQueryCall(pair, _side, conn, request) {
    const connId = needString(conn, request, 'ConnID');
    if (connId === undefined) return;
    const call = pair.calls.get(connId);
    if (!call) {
      refuse(conn, request, { code: ERROR.unknownCall, text: `no call with ConnID ${connId}` });
      return;
    }
    conn.send(answer(request, 'EventPartyInfo', { ...call }));
  },

  // TSendUserEvent(): EventUserEvent "from another client application" to the
  // clients registered on ThisDN (not back to the sender), then, once every
  // copy is written, EventACK.
  RequestDistributeUserEvent(pair, side, conn, request) {
    const dn = needString(conn, request, 'ThisDN');
    if (dn === undefined || refused(conn, request, checkDn(pair.options.resources, dn))) return;
    let delivered = Promise.resolve();
    if (!pair.m('user-event-not-delivered')) {
      const entitled = pair.registeredOn(dn).filter((c) => c !== conn);
      const receivers = pair.m('user-event-leak') ? pair.allRegistered().filter((c) => c !== conn) : entitled;
      const event = userEventFrom(pair, request);
      delivered = pair.fanOut(receivers, (receiver, index) => {
        if (pair.m('user-event-no-time-on-backup') && pair.roleOf(receiver.serverName as ServerName) === 'backup') {
          const { time: _time, ...rest } = event;
          return rest as Message;
        }
        if (index === 0 || !pair.m('user-event-second-receiver-no-this-dn')) return event;
        const { ThisDN: _dn, ...rest } = event;
        return rest as Message;
      });
      if (pair.m('user-event-leak-late')) void delivered.then(() => pair.sendLate(bystanders(pair, conn, entitled), event));
    }
    void delivered.then(() => {
      if (!pair.m('ack-missing-user-event')) conn.send(ack(pair, side, request, 48));
    });
  },

  // TSendEvent() / TSendEventEx() (the latter carries Extensions).
  RequestDistributeEvent(pair, side, conn, request) {
    if (typeof request.ThisDN === 'string' && refused(conn, request, checkDn(pair.options.resources, request.ThisDN))) return;
    const extended = request.Extensions !== undefined;
    if (extended && pair.m('ack-missing-send-event-ex')) return;
    if (!extended && pair.m('ack-missing-send-event')) {
      refuse(conn, request, { code: ERROR.unsupportedRequest, text: 'TSendEvent() not available' });
      return;
    }
    const event = ack(pair, side, request, 49);
    if (extended) event.Extensions = request.Extensions as KVList;
    conn.send(event);
  },

  RequestSetInputMask(pair, side, conn, request) {
    if (pair.m('ack-missing-set-input-mask')) {
      refuse(conn, request, { code: ERROR.unsupportedRequest, text: 'input masks not available' });
      return;
    }
    conn.send(ack(pair, side, request, undefined));
  },

  RequestTransactionMonitoring(pair, side, conn, request) {
    const operation = request.SubscriptionOperation;
    if (operation !== START && operation !== STOP && operation !== MODIFY) {
      refuse(conn, request, { code: operation === undefined ? ERROR.missingAttribute : ERROR.badValue, text: 'SubscriptionOperation must be 1 SubscriptionStart, 2 SubscriptionStop or 3 SubscriptionModify' });
      return;
    }
    if (typeof request.ThisDN === 'string' && refused(conn, request, checkDn(pair.options.resources, request.ThisDN))) return;
    const event = ack(pair, side, request, undefined);
    if (operation === START) {
      // "mandatory for the operation SubscriptionStart"
      const id = pair.newSubscriptionId(side.name);
      if (!pair.m('ack-subscription-id-missing-on-start')) event.SubscriptionID = id;
    } else {
      const id = request.SubscriptionID;
      if (pair.options.resources && (typeof id !== 'string' || !pair.subscriptions.has(id))) {
        refuse(conn, request, { code: ERROR.unknownSubscription, text: `no subscription ${String(id)} on this T-Server` });
        return;
      }
      if (operation === STOP && typeof id === 'string') pair.subscriptions.delete(id);
      // "but is not present for the operations SubscriptionStop and SubscriptionModify"
      const leak = operation === STOP ? pair.m('ack-subscription-id-on-stop') : pair.m('ack-subscription-id-on-modify');
      if (leak) event.SubscriptionID = typeof id === 'string' ? id : 'TM:none';
    }
    conn.send(event);
  },

  // TPrivateService(): EventPrivateInfo to the requester and to the clients
  // registered on the device, then EventACK to the requester (or not: with
  // privateInfoAlone EventPrivateInfo is the whole answer).
  RequestPrivateService(pair, side, conn, request) {
    if (typeof request.PrivateEvent !== 'number') {
      refuse(conn, request, { code: ERROR.missingAttribute, text: 'RequestPrivateService needs PrivateEvent' });
      return;
    }
    const dn = typeof request.ThisDN === 'string' ? request.ThisDN : undefined;
    if (dn !== undefined && refused(conn, request, checkDn(pair.options.resources, dn))) return;
    const info: Message = { Event: 'EventPrivateInfo', PrivateEvent: request.PrivateEvent, time: now() };
    if (typeof request.ReferenceID === 'number') info.ReferenceID = request.ReferenceID;
    if (dn !== undefined) info.ThisDN = dn;
    if (typeof request.ConnID === 'string') info.ConnID = request.ConnID;
    if (request.UserData !== undefined) info.UserData = request.UserData as KVList;
    if (pair.m('private-info-no-private-event')) delete info.PrivateEvent;
    if (pair.m('private-info-no-time')) delete info.time;
    if (!pair.m('private-info-not-to-requester')) conn.send(info);
    const others = pair.m('private-info-leak') ? pair.allRegistered() : dn === undefined ? [] : pair.registeredOn(dn);
    let copy: Message = info;
    if (pair.m('private-info-copy-no-private-event')) {
      const { PrivateEvent: _private, ...rest } = info;
      copy = rest as Message;
    }
    const entitled = others.filter((other) => other !== conn);
    const delivered = pair.fanOut(entitled, copy);
    if (pair.m('private-info-leak-late')) void delivered.then(() => pair.sendLate(bystanders(pair, conn, entitled), info));
    if (!pair.m('ack-missing-private-service') && !pair.options.privateInfoAlone) conn.send(ack(pair, side, request, undefined));
  },

  RequestReserveAgent(pair, _side, conn, request) {
    const present = (['AgentID', 'Place', 'ThisDN'] as const).filter((k) => typeof request[k] === 'string');
    if (present.length === 0) {
      refuse(conn, request, { code: ERROR.missingAttribute, text: 'TReserveAgent() needs at least one of AgentID, Place, ThisDN' });
      return;
    }
    const spec = pair.options.resources;
    if (typeof request.ThisDN === 'string' && refused(conn, request, checkDn(spec, request.ThisDN))) return;
    if (typeof request.AgentID === 'string' && !pair.m('reserved-unknown-agent') && refused(conn, request, checkAgent(spec, request.AgentID))) return;
    if (typeof request.Place === 'string' && refused(conn, request, checkPlace(spec, request.Place))) return;
    const event = answer(request, 'EventAgentReserved', {});
    // "those of the parameters agent_dn, agent_id, and agent_place that were
    // present in the request": exactly those, equal to the request's.
    for (const key of present) event[key] = request[key] as string;
    if (pair.m('reserved-echoes-absent-parameter')) {
      event.Place ??= 'place-of-the-server';
      event.ThisDN ??= 'dn-of-the-server';
    }
    if (pair.m('reserved-wrong-agent-id') && event.AgentID !== undefined) event.AgentID = `${event.AgentID}-x`;
    if (pair.m('reserved-wrong-this-dn') && event.ThisDN !== undefined) event.ThisDN = `${event.ThisDN}-x`;
    if (pair.m('reserved-no-identity')) {
      delete event.AgentID;
      delete event.Place;
      delete event.ThisDN;
    }
    // Footnote b gives the unit only: the server grants what it can, capped.
    const asked = typeof request.Timeout === 'number' && request.Timeout > 0 ? request.Timeout : pair.options.defaultReserveMs;
    const granted = Math.min(asked, pair.options.maxReserveMs);
    event.Timeout = pair.m('reserved-timeout-seconds') ? Math.round(granted / 1000) : granted;
    if (pair.m('reserved-no-time')) delete event.time;
    // "the event is sent to the application that sent the request and to all
    // clients registered on the agent's DN"
    const receivers = new Set<Connection>();
    if (!pair.m('reserved-not-to-requester')) receivers.add(conn);
    const agentDn = typeof request.ThisDN === 'string' ? request.ThisDN : undefined;
    if (!pair.m('reserved-not-to-registered') && agentDn !== undefined) for (const c of pair.registeredOn(agentDn)) receivers.add(c);
    if (pair.m('reserved-not-to-requester')) receivers.delete(conn);
    if (pair.m('reserved-leak')) for (const c of pair.allRegistered()) receivers.add(c);
    // The requester's copy at once; the others after their jitter.
    if (receivers.delete(conn)) conn.send(event);
    const copy = pair.m('reserved-copy-wrong-agent-id') && event.AgentID !== undefined ? { ...event, AgentID: `${event.AgentID}-copy` } : event;
    const delivered = pair.fanOut(receivers, copy);
    if (pair.m('reserved-leak-late')) {
      const entitled = [conn, ...receivers];
      void delivered.then(() => pair.sendLate(bystanders(pair, conn, entitled), event));
    }
  },

  RequestSetCallInfo(pair, side, conn, request) {
    const connId = needString(conn, request, 'ConnID');
    if (connId === undefined) return;
    let call = pair.calls.get(connId);
    if (!call && pair.options.resources && pair.m('call-info-unknown-call')) {
      // Reports a change to a call the switch does not have, and keeps not having it.
      call = { ConnID: connId };
    } else if (!call) {
      if (pair.options.resources) {
        refuse(conn, request, { code: ERROR.unknownCall, text: `no call with ConnID ${connId} on this switch: only known calls can change` });
        return;
      }
      call = pair.addCall({ ConnID: connId });
    }
    if (typeof request.CustomerID === 'string') call.CustomerID = request.CustomerID;
    const event = answer(request, 'EventCallInfoChanged', { ConnID: call.ConnID });
    if (call.CustomerID !== undefined) event.CustomerID = call.CustomerID;
    if (pair.m('call-info-wrong-conn-id')) event.ConnID = flipLastDigit(call.ConnID);
    if (pair.m('call-info-no-conn-id')) delete event.ConnID;
    if (pair.m('call-info-no-time')) delete event.time;
    conn.send(event);
    if (pair.m('call-info-extra-ack')) conn.send(ack(pair, side, request, undefined));
    const others = new Set<Connection>(call.ThisDN !== undefined ? pair.registeredOn(call.ThisDN) : []);
    others.delete(conn);
    let copy = event;
    if (pair.m('call-info-copy-no-time')) {
      const { time: _time, ...rest } = event;
      copy = rest as Message;
    }
    void pair.fanOut(others, copy);
  },
};

/** An answer carrying the request's ReferenceID (when it had one) and time. */
function answer(request: Message, Event: Message['Event'], attributes: Record<string, unknown>): Message {
  const event = { Event, ...attributes, time: now() } as Message;
  if (typeof request.ReferenceID === 'number') event.ReferenceID = request.ReferenceID;
  return event;
}

/**
 * EventACK. "ReferenceID Mandatory": a request without one is still
 * acknowledged, with ReferenceID 0. UserEvent (Optional) is written for the
 * two distribution requests only.
 */
function ack(pair: VendorPair, side: Side, request: Message, userEvent: number | undefined): Message {
  const event: Message = { Event: 'EventACK', ReferenceID: typeof request.ReferenceID === 'number' ? request.ReferenceID : 0, time: now() };
  if (userEvent !== undefined) event.UserEvent = userEvent;
  if (pair.options.ackThisDN && typeof request.ThisDN === 'string') event.ThisDN = request.ThisDN;
  if (pair.m('ack-no-time-after-switchover') && side.promoted) delete event.time;
  if (pair.m('ack-no-reference-id')) delete event.ReferenceID;
  if (pair.m('ack-wrong-reference-id')) event.ReferenceID = ((event.ReferenceID ?? 0) + 1) >>> 0;
  if (pair.m('ack-no-time')) delete event.time;
  if (pair.m('ack-user-event-not-request')) event.UserEvent = 96;
  if (pair.m('ack-subscription-id-everywhere') && request.Event !== 'RequestTransactionMonitoring') event.SubscriptionID = 'TM:stray';
  return event;
}

/** EventUserEvent: T-Server's attributes plus everything the initiator specified. */
function userEventFrom(pair: VendorPair, request: Message): Message {
  const { Event: _event, time: _time, ...initiator } = request;
  let event: Message = { ...initiator, Event: 'EventUserEvent', time: now() } as Message;
  if (pair.m('user-event-drops-initiator-attributes')) event = { Event: 'EventUserEvent', ThisDN: request.ThisDN as string, time: now() };
  if (pair.m('user-event-alters-initiator-attributes')) event.UserData = [['server', 'rewritten']];
  if (pair.m('user-event-merges-repeated-keys') && Array.isArray(event.UserData)) event.UserData = mergeRepeatedKeys(event.UserData);
  if (pair.m('user-event-no-this-dn')) delete event.ThisDN;
  if (pair.m('user-event-no-time')) delete event.time;
  return event;
}

/** One pair per key, the last value winning: what a map-based library does to a TKVList. */
function mergeRepeatedKeys(list: KVList): KVList {
  return [...new Map(list.map(([key, value]) => [key, value] as const)).entries()] as KVList;
}

/** Every registered client of the pair but the requester and the entitled ones. */
function bystanders(pair: VendorPair, requester: Connection, entitled: Iterable<Connection>): Connection[] {
  const skip = new Set<Connection>([requester, ...entitled]);
  return pair.allRegistered().filter((c) => !skip.has(c));
}

function flipLastDigit(connId: string): string {
  const last = connId.at(-1) === '0' ? '1' : '0';
  return connId.slice(0, -1) + last;
}

function needString(conn: Connection, request: Message, key: 'ThisDN' | 'ConnID'): string | undefined {
  const value = request[key];
  if (typeof value === 'string' && value !== '') return value;
  refuse(conn, request, { code: ERROR.missingAttribute, text: `${request.Event} needs ${key}` });
  return undefined;
}

function refused(conn: Connection, request: Message, refusal: Refusal | undefined): boolean {
  if (refusal) refuse(conn, request, refusal);
  return refusal !== undefined;
}

function refuse(conn: Connection, request: Message, refusal: Refusal): void {
  const event: Message = { Event: 'EventError', ErrorCode: refusal.code, ErrorMessage: refusal.text, time: now() };
  if (typeof request.ReferenceID === 'number') event.ReferenceID = request.ReferenceID;
  conn.send(event);
}
