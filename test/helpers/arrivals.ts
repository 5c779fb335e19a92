/**
 * Messages as they arrive, and promises for the first one that matches:
 * what the test peers (the fake server, the raw wire client) wait on.
 */
import { HANG_GUARD_MS } from './hang-guard.js';

export class Arrivals<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<() => boolean>();

  constructor(private readonly describe: (items: T[], timeoutMs: number) => string) {}

  push(item: T): void {
    this.items.push(item);
    for (const wake of [...this.waiters]) wake();
  }

  /** The first item from index `from` on that matches; rejects with `describe`'s sentence after `timeoutMs`. */
  waitFor(predicate: (item: T) => boolean, timeoutMs = HANG_GUARD_MS, from = 0): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.items.slice(from).find(predicate);
        if (found === undefined) return false;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(this.describe(this.items, timeoutMs)));
      }, timeoutMs);
      if (!check()) this.waiters.add(check);
    });
  }
}
