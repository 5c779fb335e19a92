/**
 * An append-only list of observations (frames the kit's servers saw, events
 * the bridge reported) that a script can wait on. A wait resolves on the
 * first entry, past or future, that matches; it is bounded by the step
 * timeout only as a last resort against a library that never acts.
 */
import { stepTimeout, targetError } from '../model/failure.js';

interface Waiter<T> {
  from: number;
  match: (entry: T) => boolean;
  resolve: (entry: T) => void;
}

/** Entries one log keeps: a library that floods is stopped, not remembered. */
export const MAX_ENTRIES = 5_000;

export class WatchLog<T> {
  private readonly items: T[] = [];
  private readonly waiters = new Set<Waiter<T>>();
  private failure: Error | undefined;
  private readonly failListeners = new Set<(e: Error) => void>();

  constructor(private readonly name: string) {}

  get entries(): readonly T[] {
    return this.items;
  }

  get length(): number {
    return this.items.length;
  }

  push(entry: T): void {
    if (this.items.length >= MAX_ENTRIES) {
      this.fail(targetError(`${this.name}: more than ${MAX_ENTRIES} entries in one scenario; the library floods`));
      return;
    }
    const index = this.items.push(entry) - 1;
    for (const w of [...this.waiters]) {
      if (index >= w.from && w.match(entry)) {
        this.waiters.delete(w);
        w.resolve(entry);
      }
    }
  }

  /** Ends every wait with `error` (the bridge died, the log overflowed). */
  fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const listener of this.failListeners) listener(error);
  }

  find(match: (entry: T) => boolean, from = 0): T | undefined {
    for (let i = from; i < this.items.length; i++) if (match(this.items[i]!)) return this.items[i];
    return undefined;
  }

  /** The first entry at index >= from matching `match`; `what` names it in a timeout verdict. */
  waitFor(match: (entry: T) => boolean, what: string, timeoutMs: number, from = 0, sentence?: string): Promise<T> {
    const found = this.find(match, from);
    if (found !== undefined) return Promise.resolve(found);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      const onFail = (e: Error): void => done(() => reject(e));
      const timer = setTimeout(() => done(() => reject(stepTimeout(what, timeoutMs, `the kit (${this.name})`, undefined, sentence))), timeoutMs);
      const waiter: Waiter<T> = { from, match, resolve: (entry) => done(() => resolve(entry)) };
      const done = (settle: () => void): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        this.failListeners.delete(onFail);
        settle();
      };
      this.waiters.add(waiter);
      this.failListeners.add(onFail);
    });
  }
}
