/**
 * The bytes of incomplete frames one server's connections hold together
 * (SimLimits.maxPendingBytes): what bounds a crowd of peers that each start
 * a large frame and never finish it, which no per-connection limit does.
 */
export class PendingBudget {
  private total = 0;

  constructor(readonly limit: number) {}

  get held(): number {
    return this.total;
  }

  /** One connection's holding changes from `before` to `after`; false when that takes the server past its limit. */
  update(before: number, after: number): boolean {
    this.total += after - before;
    return after <= before || this.total <= this.limit;
  }
}
