/**
 * Resource limits of the simulator. The defaults let a load test run a
 * thousand clients on one machine while a hostile or broken peer can hold
 * only a bounded amount of memory and time (issue 4, item 6).
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
