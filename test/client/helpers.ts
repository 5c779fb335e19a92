/**
 * Waiting on TClient events in tests. A wait ends on the event or the
 * condition; its bound only stops a test that would hang, naming what never
 * came, so it sits well above anything a loaded machine takes (and below
 * vitest's own test timeout), never at what a quiet machine takes.
 */
import type { TClient, TClientEvents } from '../../src/client/index.js';
import { HANG_GUARD_MS } from '../helpers/hang-guard.js';

export { HANG_GUARD_MS };

export function next<K extends keyof TClientEvents>(client: TClient, name: K, timeoutMs = HANG_GUARD_MS): Promise<Parameters<TClientEvents[K]>> {
  return new Promise((resolve, reject) => {
    const listener = ((...args: Parameters<TClientEvents[K]>) => {
      clearTimeout(timer);
      client.off(name, listener);
      resolve(args);
    }) as TClientEvents[K];
    const timer = setTimeout(() => {
      client.off(name, listener);
      reject(new Error(`no "${String(name)}" from the client within ${timeoutMs} ms`));
    }, timeoutMs);
    client.on(name, listener);
  });
}

/** Resolves once `predicate` holds, checking every 10 ms. */
export async function until(predicate: () => boolean, timeoutMs = HANG_GUARD_MS, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`${what} did not hold within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Small delays so reconnect tests run in milliseconds. */
export const FAST_RECONNECT = { randomDelayMs: 5, switchoverDelayMs: 20, retryDelaysMs: [30, 60, 120] };
