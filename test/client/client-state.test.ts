/** The client's state reducer (src/client/client-state.ts), one transition at a time. */
import { describe, expect, it } from 'vitest';
import { initialState, phaseOf, reduce, resyncDue, type Action, type ClientState } from '../../src/client/client-state.js';
import type { Message } from '../../src/index.js';

type C = 'A' | 'B';
const run = (...actions: Action<C>[]): ClientState<C> => actions.reduce(reduce<C>, initialState<C>());
const link = (c: C, name: 'EventLinkDisconnected' | 'EventLinkConnected', active: boolean): Action<C> => ({ type: 'link', c, event: { Event: name } as Message, active });

describe('client state', () => {
  it('lifecycle: idle, opening, running; phase open only with an open active connection', () => {
    expect(phaseOf(run(), false)).toBe('idle');
    expect(phaseOf(run({ type: 'open' }), false)).toBe('opening');
    const running = run({ type: 'open' }, { type: 'registered' });
    expect([phaseOf(running, true), phaseOf(running, false)]).toEqual(['open', 'reconnecting']);
    expect(run({ type: 'open' }, { type: 'open-failed' }).lifecycle).toBe('idle');
    expect(run({ type: 'open' }, { type: 'registered' }, { type: 'down' }).lifecycle).toBe('down');
  });

  it('close is final: nothing after it reopens, and it forgets background work and links', () => {
    const closed = run({ type: 'open' }, { type: 'registered' }, { type: 'search', running: true }, link('A', 'EventLinkDisconnected', true), { type: 'close' });
    expect([closed.lifecycle, closed.searching, closed.links.size]).toEqual(['closed', false, 0]);
    for (const a of [{ type: 'registered' }, { type: 'down' }, { type: 'open-failed' }, { type: 'open' }] as Action<C>[]) expect(reduce(closed, a).lifecycle).toBe('closed');
  });

  it("a standby's link events are held for its EventPrimaryChanged; the active's are not", () => {
    const s = run(link('B', 'EventLinkDisconnected', false), link('A', 'EventLinkDisconnected', true));
    expect(s.links.get('B')).toEqual({ down: true, held: { Event: 'EventLinkDisconnected' } });
    expect(s.links.get('A')).toEqual({ down: true });
  });

  it('EventPrimaryChanged with the link down defers the resync until EventLinkConnected', () => {
    const s = run(link('B', 'EventLinkDisconnected', false), { type: 'primary-changed', c: 'B' });
    expect([s.resyncOnLinkUp, s.links.get('B')?.held]).toEqual(['B', undefined]);
    expect(resyncDue(s, 'B', true)).toBe(false);
    const up = reduce(s, link('B', 'EventLinkConnected', true));
    expect([resyncDue(up, 'B', true), resyncDue(up, 'B', false)]).toEqual([true, false]);
    expect(reduce(up, { type: 'resynced', c: 'B' }).resyncOnLinkUp).toBeUndefined();
  });

  it('EventPrimaryChanged with the link up resyncs at once and drops a stale deferral; a lost connection is forgotten', () => {
    const deferred = run(link('B', 'EventLinkDisconnected', false), { type: 'primary-changed', c: 'B' }, link('B', 'EventLinkConnected', true));
    expect(reduce(deferred, { type: 'primary-changed', c: 'B' }).resyncOnLinkUp).toBeUndefined();
    const lost = reduce(deferred, { type: 'lost', c: 'B' });
    expect([lost.resyncOnLinkUp, lost.links.has('B')]).toEqual([undefined, false]);
  });
});
