/**
 * The pair's reader-writer lease (spec/target-contract.md, "The pair is
 * shared"; spec/control-channel.md, `lease` / `release`): shared or
 * exclusive, granted strictly in arrival order, one per holder (a control
 * connection). Pure bookkeeping, no sockets, so tests drive it directly.
 */

export type LeaseMode = 'shared' | 'exclusive';

export function isLeaseMode(value: unknown): value is LeaseMode {
  return value === 'shared' || value === 'exclusive';
}

/** A refused lease action: `code` for tests, `message` for the person reading the answer. */
export class LeaseError extends Error {
  constructor(
    readonly code: 'already-leased' | 'not-leased',
    message: string,
  ) {
    super(message);
    this.name = 'LeaseError';
  }
}

interface Waiter<H> {
  holder: H;
  mode: LeaseMode;
  /** true once granted, false when the holder went away first. */
  settle: (granted: boolean) => void;
}

export interface LeaseSnapshot {
  /** What is held now: null when nothing is. */
  mode: LeaseMode | null;
  holders: number;
  waiting: number;
}

export class PairLease<H> {
  private readonly held = new Map<H, LeaseMode>();
  private readonly queue: Array<Waiter<H>> = [];

  /**
   * Resolves true once `holder` holds the lease in `mode`, false if it was
   * dropped while waiting. Throws LeaseError when the holder already holds or
   * awaits one (one lease per connection).
   */
  acquire(holder: H, mode: LeaseMode): Promise<boolean> {
    if (this.held.has(holder) || this.queue.some((w) => w.holder === holder)) {
      throw new LeaseError('already-leased', 'this control connection already holds or awaits a lease (one per connection): send {"action":"release"} first, or open another connection');
    }
    const granted = new Promise<boolean>((settle) => this.queue.push({ holder, mode, settle }));
    this.grant();
    return granted;
  }

  /** Gives back the lease `holder` holds; LeaseError when it holds none. */
  release(holder: H): void {
    if (!this.held.delete(holder)) {
      throw new LeaseError('not-leased', 'this control connection holds no lease to release: send {"action":"lease","mode":"shared"} or "exclusive" first');
    }
    this.grant();
  }

  /** The holder went away (its connection closed): its lease, held or awaited, is given back. */
  drop(holder: H): void {
    this.held.delete(holder);
    const index = this.queue.findIndex((w) => w.holder === holder);
    if (index >= 0) this.queue.splice(index, 1)[0]!.settle(false);
    this.grant();
  }

  snapshot(): LeaseSnapshot {
    const modes = [...this.held.values()];
    return { mode: modes.length === 0 ? null : modes[0]!, holders: modes.length, waiting: this.queue.length };
  }

  /**
   * Grants from the head of the queue while the head is compatible with what
   * is held. Nothing overtakes the head, so a shared request that arrives
   * after a waiting exclusive one waits behind it (no starvation).
   */
  private grant(): void {
    for (let head = this.queue[0]; head !== undefined; head = this.queue[0]) {
      if (!this.compatible(head.mode)) return;
      this.queue.shift();
      this.held.set(head.holder, head.mode);
      head.settle(true);
    }
  }

  private compatible(mode: LeaseMode): boolean {
    if (this.held.size === 0) return true;
    return mode === 'shared' && [...this.held.values()].every((m) => m === 'shared');
  }
}
