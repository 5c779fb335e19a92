/**
 * One or more sample messages for every message type of the registry, with
 * the attributes the reference and the scenarios give them. Written as
 * in-memory message objects; gen-vectors encodes them into golden vectors.
 */
import type { Message } from '../../src/index.js';

export interface ValidSource {
  name: string;
  message: Message;
  /** Obsolete events are encoded only when asked explicitly. */
  allowObsolete?: true;
}

const T = { seconds: 1_700_000_000, microseconds: 250_000 };
const CONN = '006e02a1c3d4e5f6';
const INPUT_MASK = new Uint8Array(64).map((_, i) => (i < 18 ? 0xff : i === 18 ? 0x3f : 0));

export const MESSAGE_VECTORS: ValidSource[] = [
  {
    name: 'RequestRegisterClient',
    message: { Event: 'RequestRegisterClient', ProtocolVersion: 'tserver protocol 4.2', ReferenceID: 1, ApplicationName: 'AgentDesktop', ApplicationPassword: 'secret' },
  },
  { name: 'RequestQueryAddress', message: { Event: 'RequestQueryAddress', ReferenceID: 7, ThisDN: '7001', AddressType: 1 } },
  { name: 'RequestRegisterAddress', message: { Event: 'RequestRegisterAddress', ReferenceID: 2, ThisDN: '7001', RegisterMode: 0, AddressType: 1 } },
  { name: 'RequestUnregisterAddress', message: { Event: 'RequestUnregisterAddress', ReferenceID: 3, ThisDN: '7001' } },
  { name: 'RequestSetInputMask', message: { Event: 'RequestSetInputMask', ReferenceID: 4, InputMask: INPUT_MASK } },
  {
    name: 'RequestDistributeUserEvent',
    message: { Event: 'RequestDistributeUserEvent', ReferenceID: 5, ThisDN: '7001', CustomerID: 'Acme', UserData: [['Customer', 'Ann'], ['Segment', 'gold']] },
  },
  {
    name: 'RequestDistributeEvent',
    message: { Event: 'RequestDistributeEvent', ReferenceID: 6, ConnID: CONN, ThisDN: '7001', UserData: [['Note', 'callback']], UserEvent: 96 },
  },
  { name: 'EventServerConnected', message: { Event: 'EventServerConnected', ServerRole: 0, ApplicationName: 'TServer_SIP', time: T, ServerStartTime: 1_699_990_000 } },
  { name: 'EventServerDisconnected', message: { Event: 'EventServerDisconnected', time: T } },
  { name: 'EventError', message: { Event: 'EventError', ErrorMessage: 'Invalid DN', ReferenceID: 2, ErrorCode: 56, time: T } },
  { name: 'EventRegistered', message: { Event: 'EventRegistered', ReferenceID: 2, ThisDN: '7001', time: T, EventSequenceNumber: 1001n } },
  { name: 'EventUnregistered', message: { Event: 'EventUnregistered', ReferenceID: 3, ThisDN: '7001', time: T } },
  {
    name: 'EventAddressInfo',
    message: { Event: 'EventAddressInfo', ReferenceID: 7, ThisDN: '7001', Extensions: [['status', 'idle']], time: T, AddressType: 1 },
  },
  {
    name: 'EventServerInfo',
    message: { Event: 'EventServerInfo', ReferenceID: 8, Extensions: [['version', '8.1.010.00']], ServerRole: 0, ApplicationName: 'TServer_SIP', time: T },
  },
  { name: 'EventLinkDisconnected', message: { Event: 'EventLinkDisconnected', time: T } },
  { name: 'EventLinkConnected', message: { Event: 'EventLinkConnected', time: T } },
  {
    name: 'EventUserEvent',
    message: { Event: 'EventUserEvent', ThisDN: '7001', UserData: [['Customer', 'Ann']], Extensions: [['origin', 'desk']], CustomerID: 'Acme', time: T },
  },
  { name: 'EventResourceAllocated', allowObsolete: true, message: { Event: 'EventResourceAllocated', Obsolete: true, ThisDN: '7001', time: T } },
  { name: 'EventResourceFreed', allowObsolete: true, message: { Event: 'EventResourceFreed', Obsolete: true, ThisDN: '7001', time: T } },
  { name: 'RequestQueryCall', message: { Event: 'RequestQueryCall', ReferenceID: 9, ConnID: CONN, ThisDN: '7001' } },
  {
    name: 'EventPartyInfo',
    message: { Event: 'EventPartyInfo', ReferenceID: 9, ConnID: CONN, ThisDN: '7001', UserData: [['Customer', 'Ann']], time: T },
  },
  { name: 'RequestSetCallInfo', message: { Event: 'RequestSetCallInfo', ReferenceID: 10, ConnID: CONN, CustomerID: 'Acme' } },
  {
    name: 'EventCallInfoChanged',
    message: { Event: 'EventCallInfoChanged', ReferenceID: 10, ConnID: CONN, Extensions: [['changed', 'CustomerID']], CustomerID: 'Acme', time: T },
  },
  {
    name: 'EventHardwareError',
    message: {
      Event: 'EventHardwareError',
      ConnID: CONN,
      PreviousConnID: '006e02a1c3d4e5f5',
      ThisDN: '7001',
      ErrorCode: 1201,
      Extensions: [['checksum', 'bad']],
      CustomerID: 'Acme',
      time: T,
    },
  },
  {
    name: 'RequestReserveAgent',
    message: { Event: 'RequestReserveAgent', ReferenceID: 11, AgentID: 'agent-007', ThisDN: '7001', Timeout: 30_000, Place: 'Place_7001' },
  },
  {
    name: 'EventAgentReserved',
    message: {
      Event: 'EventAgentReserved',
      ReferenceID: 11,
      AgentID: 'agent-007',
      Reasons: [['ReasonCode', 'Lunch'], ['Attempt', 1]],
      ThisDN: '7001',
      Timeout: 30_000,
      time: T,
      Place: 'Place_7001',
    },
  },
  {
    name: 'EventRestoreConnection',
    message: { Event: 'EventRestoreConnection', UserData: [['backup', 'tserver-b.example:3000']], ServerRole: 1 },
  },
  { name: 'EventPrimaryChanged', message: { Event: 'EventPrimaryChanged', ApplicationName: 'TServer_SIP_backup', time: T } },
  // A request with no attributes at all: the body is only the message type.
  { name: 'RequestLostBackupConnection', message: { Event: 'RequestLostBackupConnection' } },
  { name: 'RequestQueryLocation', message: { Event: 'RequestQueryLocation', ReferenceID: 12 } },
  { name: 'EventLocationInfo', message: { Event: 'EventLocationInfo', ReferenceID: 12, Extensions: [['site', 'Paris']], time: T } },
  {
    name: 'EventACK',
    message: { Event: 'EventACK', ReferenceID: 13, Extensions: [['mode', 'start']], UserEvent: 180, time: T, SubscriptionID: 'sub-0001' },
  },
  // EventACK for SubscriptionStop: no SubscriptionID (reference, note b).
  { name: 'EventACK/subscription-stop', message: { Event: 'EventACK', ReferenceID: 14, UserEvent: 180, time: T } },
  {
    name: 'RequestPrivateService',
    message: { Event: 'RequestPrivateService', ReferenceID: 15, ConnID: CONN, ThisDN: '7001', UserData: [['op', 'record']], PrivateEvent: 3001 },
  },
  {
    name: 'EventPrivateInfo',
    message: {
      Event: 'EventPrivateInfo',
      ReferenceID: 15,
      ConnID: CONN,
      Reasons: [['result', 'ok']],
      ThisDN: '7001',
      UserData: [['op', 'record']],
      Extensions: [['file', 'rec-42.wav']],
      time: T,
      PrivateEvent: 3001,
    },
  },
  {
    name: 'RequestTransactionMonitoring',
    message: { Event: 'RequestTransactionMonitoring', ReferenceID: 13, Extensions: [['filter', 'all']], SubscriptionOperation: 1 },
  },
  {
    name: 'RequestTransactionMonitoring/subscription-stop',
    message: { Event: 'RequestTransactionMonitoring', ReferenceID: 14, SubscriptionID: 'sub-0001', SubscriptionOperation: 2 },
  },
  {
    name: 'EventTransactionStatus',
    message: { Event: 'EventTransactionStatus', ReferenceID: 13, Extensions: [['calls', 3]], time: T, SubscriptionID: 'sub-0001' },
  },
];
