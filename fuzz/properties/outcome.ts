/**
 * Runs one codec call and sorts what happened: a value, a TLibError, or
 * anything else (a defect: the codec promises to throw nothing but
 * TLibError). Also times the call in CPU time, for the bounded-time checks.
 */
import { TLibError } from '../../src/index.js';

/** `ms` is the CPU time the call took (see `cpuMs`). */
type Outcome<T> = { ok: true; value: T; ms: number } | { ok: false; error: TLibError; ms: number };

/**
 * Process CPU time (user + system), ms. The time bounds measure it rather
 * than wall time: they exist to catch work out of proportion to the input,
 * and on a shared machine (load 20 on 2 cores) wall time mostly measures
 * the other processes.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Per-input time bound of the issue: an input that takes longer is flagged. */
export const SLOW_INPUT_MS = 50;

export function outcome<T>(what: string, fn: () => T): Outcome<T> {
  const start = cpuMs();
  try {
    const value = fn();
    return { ok: true, value, ms: cpuMs() - start };
  } catch (e) {
    const ms = cpuMs() - start;
    if (e instanceof TLibError) return { ok: false, error: e, ms };
    const why = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new Error(`${what} threw ${why}, not a TLibError`, { cause: e });
  }
}

/**
 * Same as `outcome`, and fails when the call takes more than SLOW_INPUT_MS
 * twice in a row (one slow run may be a GC pause or a busy machine).
 */
export function boundedOutcome<T>(what: string, fn: () => T, limitMs = SLOW_INPUT_MS): Outcome<T> {
  const first = outcome(what, fn);
  if (first.ms <= limitMs) return first;
  const second = outcome(what, fn);
  if (second.ms > limitMs) throw new Error(`${what} took ${first.ms.toFixed(1)} ms then ${second.ms.toFixed(1)} ms (limit ${limitMs} ms)`);
  return second;
}

export function expectCode(what: string, fn: () => unknown, code: string): TLibError {
  const r = outcome(what, fn);
  if (r.ok) throw new Error(`${what} succeeded; expected TLibError ${code}`);
  if (r.error.code !== code) throw new Error(`${what} threw ${r.error.code} (${r.error.message}); expected ${code}`);
  return r.error;
}
