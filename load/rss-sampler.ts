/**
 * Peak resident set size, sampled with process.memoryUsage().rss on a timer
 * and on demand (the client code and the simulator share this process, so
 * the figure covers both). The timer is unref'd so it never keeps a run alive.
 */
export class RssSampler {
  private peakBytes = process.memoryUsage().rss;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs: number) {
    this.timer = setInterval(() => this.sample(), intervalMs).unref();
  }

  sample(): number {
    const rss = process.memoryUsage().rss;
    if (rss > this.peakBytes) this.peakBytes = rss;
    return rss;
  }

  get peak(): number {
    return this.peakBytes;
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }
}
