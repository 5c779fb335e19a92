/** The `seq` values of the EventUserEvents an application received, in arrival order. */
import type { Message } from '../../src/index.js';

export function userEventSeqs(events: readonly Message[]): unknown[] {
  return events.filter((e) => e.Event === 'EventUserEvent').map((e) => e.UserData?.find(([k]) => k === 'seq')?.[1]);
}
