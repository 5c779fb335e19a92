/**
 * The simulator's clock for anything it does later: injected, so a test can
 * run delayed deliveries without waiting on wall-clock time.
 */
export interface Scheduler {
  /** Runs `fn` once, `ms` milliseconds from now. */
  after(ms: number, fn: () => void): void;
}

export const REAL_TIME: Scheduler = {
  after(ms, fn) {
    setTimeout(fn, ms).unref();
  },
};
