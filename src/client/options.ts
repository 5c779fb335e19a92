/**
 * TClient options, their defaults and their validation. Delays follow the
 * Platform SDK's warm standby: a random delay before reconnecting (so a
 * crowd of clients does not reconnect in the same millisecond), a switchover
 * delay before trying the other endpoint (so the backup has time to become
 * primary), and escalating delays between passes over the pool.
 */
import type { Limits } from '../codec/limits.js';
import type { Message } from '../codec/types.js';
import { DEFECTS, type DefectName } from '../sim/defects.js';
import { toEndpoint, type Endpoint, type EndpointSpec } from './endpoint.js';
import { ClientError } from './errors.js';

/** Defects of the client library itself, for proving conformance checks can fail. */
export type ClientDefectName = Extract<(typeof DEFECTS)[number], { where: 'client' }>['name'];

export interface ReconnectOptions {
  /** Reconnect after losing the server (default true). */
  enabled?: boolean;
  /** Upper bound of the random delay before the first reconnect attempt, ms (default 500). */
  randomDelayMs?: number;
  /** Delay before trying the other endpoint of the pool, giving the backup time to become primary, ms (default 2000). */
  switchoverDelayMs?: number;
  /** Delays between passes over the pool, ms; the last one repeats (default [1000, 2000, 4000, 8000, 16000]). */
  retryDelaysMs?: number[];
  /** Passes over the pool before giving up with ALL_ENDPOINTS_FAILED (default Infinity). */
  maxPasses?: number;
}

export interface TClientOptions {
  primary: EndpointSpec;
  backup?: EndpointSpec;
  applicationName: string;
  password?: string;
  /** Connect + RequestRegisterClient on one endpoint, ms (default 10000). */
  openTimeoutMs?: number;
  /** Default per-request answer timeout, ms (default 10000). */
  requestTimeoutMs?: number;
  /**
   * Requests waiting for an answer at once (default 10000); one more rejects
   * with TOO_MANY_PENDING, so an application that outruns a slow or silent
   * server holds bounded memory instead of a growing backlog of timers.
   */
  maxPendingRequests?: number;
  /**
   * Bytes written to one server and not yet taken by it (default 4 MiB).
   * A request that would pass it is refused with SEND_QUEUE_FULL and the
   * client reports SEND_QUEUE_FULL on 'error' once per stall: a server that
   * stops reading is seen at once, not as a growing queue and timeouts.
   */
  maxQueuedBytes?: number;
  reconnect?: ReconnectOptions;
  /** Decoder limits for frames from the server. */
  limits?: Partial<Limits>;
  /** The application's dispatch function (same as `client.on('event', fn)`). */
  onEvent?: (event: Message) => void;
  /** Source of randomness for the reconnect delay, in [0, 1) (default Math.random). */
  random?: () => number;
  /** Client-library defects to switch on, for conformance self-tests only. */
  testDefects?: ClientDefectName[];
}

export interface ResolvedReconnect {
  enabled: boolean;
  randomDelayMs: number;
  switchoverDelayMs: number;
  retryDelaysMs: number[];
  maxPasses: number;
}

export interface ResolvedOptions {
  pool: Endpoint[];
  applicationName: string;
  password: string | undefined;
  openTimeoutMs: number;
  requestTimeoutMs: number;
  maxPendingRequests: number;
  maxQueuedBytes: number;
  reconnect: ResolvedReconnect;
  limits: Partial<Limits> | undefined;
  onEvent: ((event: Message) => void) | undefined;
  random: () => number;
  testDefects: ReadonlySet<ClientDefectName>;
}

export function resolveOptions(options: TClientOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) throw invalid('options must be an object');
  if (typeof options.applicationName !== 'string' || options.applicationName.length === 0) {
    throw invalid('applicationName must be a non-empty string');
  }
  if (options.password !== undefined && typeof options.password !== 'string') throw invalid('password must be a string');
  if (options.onEvent !== undefined && typeof options.onEvent !== 'function') throw invalid('onEvent must be a function');
  const pool = [toEndpoint(options.primary, 'primary')];
  if (options.backup !== undefined) pool.push(toEndpoint(options.backup, 'backup'));
  return {
    pool,
    applicationName: options.applicationName,
    password: options.password,
    openTimeoutMs: delay(options.openTimeoutMs, 10_000, 'openTimeoutMs', 1),
    requestTimeoutMs: delay(options.requestTimeoutMs, 10_000, 'requestTimeoutMs', 1),
    maxPendingRequests: positiveInteger(options.maxPendingRequests, 10_000, 'maxPendingRequests'),
    maxQueuedBytes: positiveInteger(options.maxQueuedBytes, 4 * 1024 * 1024, 'maxQueuedBytes'),
    reconnect: resolveReconnect(options.reconnect ?? {}),
    limits: options.limits,
    onEvent: options.onEvent,
    random: options.random ?? Math.random,
    testDefects: resolveDefects(options.testDefects ?? []),
  };
}

function resolveReconnect(r: ReconnectOptions): ResolvedReconnect {
  const retryDelaysMs = r.retryDelaysMs ?? [1000, 2000, 4000, 8000, 16000];
  if (!Array.isArray(retryDelaysMs) || retryDelaysMs.length === 0) throw invalid('reconnect.retryDelaysMs must be a non-empty array');
  retryDelaysMs.forEach((d, i) => delay(d, 0, `reconnect.retryDelaysMs[${i}]`, 0));
  const maxPasses = r.maxPasses ?? Infinity;
  if (maxPasses !== Infinity && (!Number.isInteger(maxPasses) || maxPasses < 1)) {
    throw invalid(`reconnect.maxPasses must be a positive integer or Infinity, got ${String(maxPasses)}`);
  }
  return {
    enabled: r.enabled ?? true,
    randomDelayMs: delay(r.randomDelayMs, 500, 'reconnect.randomDelayMs', 0),
    switchoverDelayMs: delay(r.switchoverDelayMs, 2000, 'reconnect.switchoverDelayMs', 0),
    retryDelaysMs: [...retryDelaysMs],
    maxPasses,
  };
}

function resolveDefects(names: unknown): ReadonlySet<ClientDefectName> {
  if (!Array.isArray(names)) throw invalid('testDefects must be an array of defect names');
  const clientDefects = DEFECTS.filter((d) => d.where === 'client').map((d) => d.name as DefectName);
  for (const name of names) {
    if (!clientDefects.includes(name)) {
      throw invalid(`testDefects: ${JSON.stringify(name)} is not a client defect (known: ${clientDefects.join(', ')})`);
    }
  }
  return new Set(names as ClientDefectName[]);
}

function delay(value: number | undefined, fallback: number, what: string, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw invalid(`${what} must be a finite number >= ${min}, got ${String(value)}`);
  }
  return value;
}

function positiveInteger(value: number | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw invalid(`${what} must be a positive integer, got ${String(value)}`);
  return value;
}

function invalid(message: string): ClientError {
  return new ClientError('INVALID_OPTIONS', message);
}
