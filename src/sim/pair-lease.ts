/**
 * The pair as a shared resource of several conformance runs (the shards of
 * one CI run): a reader-writer lease. A scenario that switches over, changes
 * a link or injects a fault holds it exclusively; every other scenario holds
 * it shared, so none of them runs while the pair changes. Requests are
 * granted in arrival order, so a waiting exclusive request is not starved
 * by shared ones that come after it.
 */
type LeaseMode = 'shared' | 'exclusive';

export interface LeaseTicket {
  /** Settles when the lease is held. */
  readonly granted: Promise<void>;
  /** Gives the lease back, or withdraws the request if it is still waiting. Idempotent. */
  release(): void;
}

interface Waiting {
  mode: LeaseMode;
  grant: () => void;
}

export class PairLease {
  private shared = 0;
  private exclusive = false;
  private readonly queue: Waiting[] = [];

  acquire(mode: LeaseMode): LeaseTicket {
    let held = false;
    let done = false;
    let grant!: () => void;
    const granted = new Promise<void>((resolve) => (grant = resolve));
    const waiting: Waiting = {
      mode,
      grant: () => {
        held = true;
        if (mode === 'exclusive') this.exclusive = true;
        else this.shared++;
        grant();
      },
    };
    this.queue.push(waiting);
    this.drain();
    return {
      granted,
      release: () => {
        if (done) return;
        done = true;
        if (!held) this.queue.splice(this.queue.indexOf(waiting), 1);
        else if (mode === 'exclusive') this.exclusive = false;
        else this.shared--;
        this.drain();
      },
    };
  }

  /** Who holds it now, for the control channel's state answer. */
  get holders(): { shared: number; exclusive: boolean; waiting: number } {
    return { shared: this.shared, exclusive: this.exclusive, waiting: this.queue.length };
  }

  private drain(): void {
    while (this.queue.length > 0 && !this.exclusive) {
      const head = this.queue[0]!;
      if (head.mode === 'exclusive' && this.shared > 0) return;
      this.queue.shift();
      head.grant();
      if (head.mode === 'exclusive') return;
    }
  }
}
