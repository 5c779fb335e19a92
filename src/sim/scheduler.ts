/**
 * The simulator's clock for anything it does later or measures in time
 * (delayed deliveries, connection deadlines, idle and rate limits):
 * injected, so a test can move time instead of waiting on the wall clock.
 */
export interface Scheduler {
  /**
   * Runs `fn` once, `ms` milliseconds from now. May return a function that
   * cancels it: a closed connection then lets go of its timers (and the
   * buffers they reach) at once.
   */
  after(ms: number, fn: () => void): (() => void) | void;
  /** Milliseconds on this clock; `Date.now()` when absent. */
  now?(): number;
}

export const REAL_TIME: Scheduler = {
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
  now: () => Date.now(),
};

/** The time on `s`'s clock. */
export const nowOn = (s: Scheduler): number => (s.now ? s.now() : Date.now());
