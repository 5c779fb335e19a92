/**
 * Every failure the client reports is a ClientError with a stable `code`, so
 * an application (or the conformance runner) can branch on it without parsing
 * sentences. Codec failures keep their TLibError as `cause`.
 */
import type { Message } from '../codec/types.js';

export type ClientErrorCode =
  /** The options given to `new TClient()` cannot be used. */
  | 'INVALID_OPTIONS'
  /** A request was refused by the caller's own arguments (e.g. a ReferenceID already in use). */
  | 'INVALID_REQUEST'
  /** No answer carrying the request's ReferenceID arrived within the request timeout. */
  | 'REQUEST_TIMEOUT'
  /** The server answered the request with EventError (`event` holds it). */
  | 'REQUEST_FAILED'
  /** The server connection the request was sent on closed before the answer came. */
  | 'DISCONNECTED'
  /** maxPendingRequests requests already wait for an answer; this one was not sent. */
  | 'TOO_MANY_PENDING'
  /** The server stopped reading: maxQueuedBytes already wait to be written to it; the request was not sent. */
  | 'SEND_QUEUE_FULL'
  /** A request was made while no server connection is open. */
  | 'NOT_OPEN'
  /** close() was called. */
  | 'CLOSED'
  /** Connecting and registering with one endpoint took longer than the open timeout. */
  | 'OPEN_TIMEOUT'
  /** The TCP connection to an endpoint failed (`cause` holds the socket error). */
  | 'CONNECT_FAILED'
  /** The server answered RequestRegisterClient with EventError; never retried. */
  | 'REGISTRATION_REFUSED'
  /** Every pass over the endpoint pool failed (reconnect.maxPasses reached). */
  | 'ALL_ENDPOINTS_FAILED'
  /** The server sent bytes the codec rejects (`cause` holds the TLibError); the connection is closed. */
  | 'MALFORMED_FRAME'
  /** EventRestoreConnection carried no usable reference to the backup T-Server. */
  | 'BAD_RESTORE_CONNECTION'
  /** The active server reports it is a backup: the client is looking for the primary (or found none). */
  | 'NOT_PRIMARY'
  /** An application listener threw; the client caught it so the socket keeps working. */
  | 'LISTENER_FAILED';

export class ClientError extends Error {
  override readonly name = 'ClientError';
  readonly code: ClientErrorCode;
  /** The server connection concerned ("host:port"), when there is one. */
  readonly server: string | undefined;
  /** The server's message behind the failure (EventError, EventRestoreConnection). */
  readonly event: Message | undefined;

  constructor(code: ClientErrorCode, message: string, details: { server?: string; event?: Message; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.server = details.server;
    this.event = details.event;
  }
}

export function isClientError(e: unknown, code?: ClientErrorCode): e is ClientError {
  return e instanceof ClientError && (code === undefined || e.code === code);
}
