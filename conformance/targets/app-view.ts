/**
 * The application's view of a session: what a scenario may do with whatever
 * receives the events (a bridge's client, a client library's inbox), and
 * close it; the raw-client methods stay out of reach.
 */
import type { AppView, Receiver } from '../model/scenario.js';

export function appViewOf(source: Receiver, close: () => Promise<void>): AppView {
  return {
    name: source.name,
    get received() {
      return source.received;
    },
    expect: (e, t) => source.expect(e, t),
    expectNone: (e, w, s) => source.expectNone(e, w, s),
    recordOf: (m) => source.recordOf(m),
    close,
  };
}
