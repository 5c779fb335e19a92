/**
 * The one place the simulator's protocol answers are written: the defect
 * pipeline first (empty unless defects were asked for), then each message
 * encoded once and written to every recipient (the fan-out path the load
 * test measures).
 */
import { encodeEvent } from './events.js';
import type { Delivery, Occasion } from './delivery.js';
import type { Scheduler } from './scheduler.js';
import type { Session } from './session.js';

export class Dispatcher {
  /** Clients with a delayed delivery pending, and what waits behind it. */
  private readonly held = new Map<Session, Uint8Array[]>();

  constructor(
    private readonly scheduler: Scheduler,
    private readonly mutate: (deliveries: Delivery[], at: Occasion) => Delivery[],
  ) {}

  dispatch(deliveries: Delivery[], at: Occasion): void {
    for (const d of this.mutate(deliveries, at)) this.send(d);
  }

  private send(d: Delivery): void {
    if (d.to.length === 0) return;
    const bytes = encodeEvent(d.message);
    for (const s of d.to) {
      if (d.afterMs === undefined) this.write(s, bytes);
      else this.later(s, bytes, d.afterMs);
    }
  }

  private write(s: Session, bytes: Uint8Array): void {
    const queue = this.held.get(s);
    if (queue) queue.push(bytes);
    else s.send(bytes);
  }

  private later(s: Session, bytes: Uint8Array, ms: number): void {
    const queue = this.held.get(s);
    if (queue) {
      queue.push(bytes);
      return;
    }
    const behind: Uint8Array[] = [];
    this.held.set(s, behind);
    this.scheduler.after(ms, () => {
      this.held.delete(s);
      s.send(bytes);
      for (const b of behind) s.send(b);
    });
  }
}
