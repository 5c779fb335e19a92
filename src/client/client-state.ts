/**
 * The client's state besides the roles of its connections (roles.ts): where
 * it is in its life, which background work runs, and what each connection's
 * link events said. One value, changed only by `reduce`, pure (no sockets,
 * no timers), so every transition can be driven and read in a test
 * (test/client/client-state.test.ts); `phaseOf` derives what the
 * application is told from it.
 */
import type { Message } from '../codec/types.js';

type Lifecycle = 'idle' | 'opening' | 'running' | 'down' | 'closed';

export type ClientPhase = 'idle' | 'opening' | 'open' | 'reconnecting' | 'down' | 'closed';

interface LinkState {
  /** The connection's last link event was EventLinkDisconnected. */
  readonly down: boolean;
  /** A standby's latest link event, replayed before its EventPrimaryChanged (the reference's ordering). */
  readonly held?: Message;
}

export interface ClientState<C> {
  readonly lifecycle: Lifecycle;
  /** A reconnect pass over the pool runs. */
  readonly reconnecting: boolean;
  /** A search for the primary runs (the active server is a backup). */
  readonly searching: boolean;
  readonly links: ReadonlyMap<C, LinkState>;
  /** The new primary whose resync waits for its EventLinkConnected. */
  readonly resyncOnLinkUp: C | undefined;
}

export type Action<C> =
  | { type: 'open' }
  | { type: 'open-failed' }
  | { type: 'registered' }
  | { type: 'close' }
  | { type: 'down' }
  | { type: 'reconnect'; running: boolean }
  | { type: 'search'; running: boolean }
  /** A link event on `c`; `active` says whether `c` is the active connection (others' events are held). */
  | { type: 'link'; c: C; event: Message; active: boolean }
  /** EventPrimaryChanged on `c`: its held link event is consumed; with its link down, the resync waits. */
  | { type: 'primary-changed'; c: C }
  /** The resync deferred for `c` was started. */
  | { type: 'resynced'; c: C }
  | { type: 'lost'; c: C };

export function initialState<C>(): ClientState<C> {
  return { lifecycle: 'idle', reconnecting: false, searching: false, links: new Map(), resyncOnLinkUp: undefined };
}

export function reduce<C>(s: ClientState<C>, a: Action<C>): ClientState<C> {
  switch (a.type) {
    case 'open':
      return s.lifecycle === 'idle' ? { ...s, lifecycle: 'opening' } : s;
    case 'open-failed':
      return s.lifecycle === 'closed' ? s : { ...s, lifecycle: 'idle' };
    case 'registered':
      return s.lifecycle === 'closed' ? s : { ...s, lifecycle: 'running' };
    case 'close':
      return { ...initialState<C>(), lifecycle: 'closed' };
    case 'down':
      return s.lifecycle === 'closed' ? s : { ...s, lifecycle: 'down', reconnecting: false };
    case 'reconnect':
      return { ...s, reconnecting: a.running };
    case 'search':
      return { ...s, searching: a.running };
    case 'link': {
      const down = a.event.Event === 'EventLinkDisconnected';
      const before = s.links.get(a.c);
      const held = a.active ? before?.held : a.event;
      return { ...s, links: withEntry(s.links, a.c, held === undefined ? { down } : { down, held }) };
    }
    case 'primary-changed': {
      const down = s.links.get(a.c)?.down ?? false;
      const waiting = s.resyncOnLinkUp === a.c ? undefined : s.resyncOnLinkUp;
      return { ...s, links: withEntry(s.links, a.c, { down }), resyncOnLinkUp: down ? a.c : waiting };
    }
    case 'resynced':
      return s.resyncOnLinkUp === a.c ? { ...s, resyncOnLinkUp: undefined } : s;
    case 'lost': {
      const links = new Map(s.links);
      links.delete(a.c);
      return { ...s, links, resyncOnLinkUp: s.resyncOnLinkUp === a.c ? undefined : s.resyncOnLinkUp };
    }
  }
}

function withEntry<C>(links: ReadonlyMap<C, LinkState>, c: C, entry: LinkState): Map<C, LinkState> {
  const next = new Map(links);
  next.set(c, entry);
  return next;
}

/** What the application is told: `open` exactly while an active connection is open (a request would be sent). */
export function phaseOf<C>(s: ClientState<C>, activeOpen: boolean): ClientPhase {
  if (s.lifecycle !== 'running') return s.lifecycle;
  return activeOpen ? 'open' : 'reconnecting';
}

/** `c`'s link is up again and its resync was deferred for that: due now (when `c` is active). */
export function resyncDue<C>(s: ClientState<C>, c: C, active: boolean): boolean {
  return active && s.resyncOnLinkUp === c && s.links.get(c)?.down === false;
}
