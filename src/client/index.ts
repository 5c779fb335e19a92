/**
 * tlib-kit/client: a T-Library-style client for a hot-standby pair of
 * T-Servers (spec/client.md).
 */
export { TClient, type TClientEvents, type OpenedInfo, type SwitchReason, type ClientPhase } from './client.js';
export { ClientError, isClientError, type ClientErrorCode } from './errors.js';
export type { TClientOptions, ReconnectOptions, ClientDefectName } from './options.js';
export type { RequestOptions } from './pending-requests.js';
export type { ResyncResult } from './resync.js';
export type { Outcome } from './outcome.js';
export type { Endpoint, EndpointSpec } from './endpoint.js';
export type { RegisterMode, SubscriptionOperation } from './tlib-requests.js';
export { reconnectSchedule, type Attempt } from './reconnect-schedule.js';
export { backupReference, serverReferences, type ServerReference } from '../backup-reference.js';
