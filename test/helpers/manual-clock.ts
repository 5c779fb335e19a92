/**
 * A clock a test moves by hand, for the simulator's `scheduler`: timers run
 * when the test advances time past them, in time order, never on their own.
 * Behaviour about time is then checked at exact instants on any machine.
 */
import type { Scheduler } from '../../src/sim/index.js';

interface Timer {
  at: number;
  order: number;
  fn: () => void;
}

export class ManualClock implements Scheduler {
  private time = 0;
  private order = 0;
  private timers: Timer[] = [];

  now(): number {
    return this.time;
  }

  after(ms: number, fn: () => void): () => void {
    const timer = { at: this.time + Math.max(0, ms), order: this.order++, fn };
    this.timers.push(timer);
    return () => void (this.timers = this.timers.filter((t) => t !== timer));
  }

  /** When each pending timer is due: what the code under test has scheduled, for a test to wait on. */
  get due(): number[] {
    return this.timers.map((t) => t.at);
  }

  /** Moves time on by `ms`, running every timer due on the way (and those they start, when due) in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((x, y) => x.at - y.at || x.order - y.order)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
    }
    this.time = end;
  }
}
