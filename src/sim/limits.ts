/**
 * Resource limits of the simulator. The defaults let a load test run a
 * thousand clients on one machine while a hostile or broken peer can hold
 * only a bounded amount of memory and time (docs/reliability.md states each bound).
 */
import { SimError } from './errors.js';

export interface SimLimits {
  /** Most client connections per server (primary and backup count separately). */
  maxClients: number;
  /** Largest request frame body in bytes; a larger length prefix closes the connection. */
  maxFrameBytes: number;
  /**
   * Bytes that may wait in one client's send queue. A client that reads
   * slower than events arrive is disconnected past this bound, so it cannot
   * make the server buffer without limit nor delay anyone else.
   */
  maxQueuedBytes: number;
  /** Requests per second one client may send (token bucket, burst of the same size). */
  maxRequestsPerSecond: number;
  /** A connection that has not sent RequestRegisterClient within this time is closed. */
  registerTimeoutMs: number;
  /**
   * A connection with no traffic either way for this long is closed; 0
   * turns it off. Off by default: a registered client that only listens for events
   * is legitimately silent for hours.
   */
  idleTimeoutMs: number;
  /** A connection that sends more undecodable frames than this is closed (each one before is answered with EventError). */
  maxBadFrames: number;
  /** A frame must be complete this long after its first byte arrived, or the connection is closed. */
  frameTimeoutMs: number;
  /**
   * Bytes of incomplete frames all connections of one server may hold
   * together; the connection whose partial frame would go past it is closed.
   * Without it the bound is maxClients x maxFrameBytes.
   */
  maxPendingBytes: number;
  /** DNs one connection may be registered on; one more is refused with EventError and the connection closed. */
  maxDnsPerClient: number;
  /** UTF-8 bytes of the DN names one connection is registered on, together; past it, as maxDnsPerClient. */
  maxDnBytesPerClient: number;
  /** DN registrations of all connections of the pair together; the connection whose registration would go past it is closed. */
  maxRegistrations: number;
  /** UTF-8 bytes of all registered DN names of the pair together; past it, as maxRegistrations. */
  maxRegistrationBytes: number;
  /** Transaction-monitoring subscriptions one connection may hold; one more is refused and the connection closed. */
  maxSubscriptionsPerClient: number;
  /** Subscriptions of all connections together; past it, as maxSubscriptionsPerClient. */
  maxSubscriptions: number;
  /** Wrong ApplicationPassword answers one connection gets before it is closed (each is logged). */
  maxPasswordFailures: number;
}

export const DEFAULT_SIM_LIMITS: Readonly<SimLimits> = Object.freeze({
  maxClients: 4096,
  maxFrameBytes: 1 << 20,
  maxQueuedBytes: 4 << 20,
  maxRequestsPerSecond: 20_000,
  registerTimeoutMs: 30_000,
  idleTimeoutMs: 0,
  maxBadFrames: 16,
  frameTimeoutMs: 10_000,
  maxPendingBytes: 64 << 20,
  maxDnsPerClient: 10_000,
  maxDnBytesPerClient: 1 << 20,
  maxRegistrations: 1_000_000,
  maxRegistrationBytes: 64 << 20,
  maxSubscriptionsPerClient: 1000,
  maxSubscriptions: 100_000,
  maxPasswordFailures: 3,
});

export function resolveSimLimits(partial?: Partial<SimLimits>): SimLimits {
  const limits = { ...DEFAULT_SIM_LIMITS, ...partial };
  for (const [key, value] of Object.entries(limits)) {
    const zeroAllowed = key === 'idleTimeoutMs';
    if (!Number.isInteger(value) || value < (zeroAllowed ? 0 : 1)) {
      throw new SimError('BAD_OPTION', `limits.${key} must be a ${zeroAllowed ? 'non-negative' : 'positive'} integer, got ${String(value)}`);
    }
  }
  return limits;
}
