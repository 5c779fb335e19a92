/** The client's role state machine (src/client/roles.ts), one transition at a time. */
import { describe, expect, it } from 'vitest';
import { roleOf, Roles } from '../../src/client/roles.js';

type C = 'A' | 'B' | 'C';

/** A active (primary), B standby (backup). */
function pair(): Roles<C> {
  const r = new Roles<C>();
  r.registered('A', 'active', 'primary');
  r.registered('B', 'standby', 'backup');
  return r;
}

describe('roleOf', () => {
  it('reads EventServerConnected ServerRole', () => {
    expect([roleOf(0), roleOf(1), roleOf(undefined), roleOf(7)]).toEqual(['primary', 'backup', 'unknown', 'unknown']);
  });
});

describe('Roles transitions', () => {
  it('registered active/standby: fills the slot, records the role; only the active dispatches', () => {
    const r = pair();
    expect([r.active, r.standby, r.roleOf('A'), r.roleOf('B')]).toEqual(['A', 'B', 'primary', 'backup']);
    expect([r.dispatches('A'), r.dispatches('B')]).toEqual([true, false]);
    expect(r.activeIsBackup).toBe(false);
  });

  it('registered active on a backup: activeIsBackup, and it does not claim primary', () => {
    const r = new Roles<C>();
    r.registered('B', 'active', 'backup');
    expect(r.activeIsBackup).toBe(true);
    r.registered('A', 'active', 'unknown');
    expect(r.activeIsBackup).toBe(false);
  });

  // Either switch swaps the slots; only the old active's role and whether its tail is still dispatched differ.
  it.each([
    { said: 'primaryChanged from the standby', change: 'primaryChanged', by: 'B', reason: 'primary-changed', role: 'primary', tail: true },
    { said: 'demoted active with an open standby', change: 'demoted', by: 'A', reason: 'restore-connection', role: 'backup', tail: false },
  ] as const)('$said: swap, reason $reason; the old active dispatches its tail: $tail', ({ change, by, reason, role, tail }) => {
    const r = pair();
    expect(r[change](by, true)).toEqual({ from: 'A', to: 'B', reason });
    expect([r.active, r.standby, r.roleOf(by)]).toEqual(['B', 'A', role]);
    expect(r.dispatches('A')).toBe(tail);
  });

  it('primaryChanged from the standby with the active closed: no standby left', () => {
    const r = pair();
    r.primaryChanged('B', false);
    expect([r.active, r.standby]).toEqual(['B', undefined]);
  });

  it.each([
    { said: 'primaryChanged from the active', change: 'primaryChanged', by: 'A' },
    { said: 'demoted standby', change: 'demoted', by: 'B' },
  ] as const)('$said: no switch', ({ change, by }) => {
    const r = pair();
    expect(r[change](by, true)).toBeUndefined();
    expect(r.active).toBe('A');
  });

  it('primaryChanged from the active that was a backup ends activeIsBackup', () => {
    const r = new Roles<C>();
    r.registered('B', 'active', 'backup');
    r.primaryChanged('B', true);
    expect(r.activeIsBackup).toBe(false);
  });

  it('crossed switchovers (A to B to A, B read first): A\'s late ServerRole 1 does not flip to B, which stepped down itself', () => {
    const r = pair();
    // B's stream: EventPrimaryChanged, then ServerRole 1.
    expect(r.primaryChanged('B', true)?.to).toBe('B');
    expect(r.demoted('B', true)?.to).toBe('A');
    // A's stream, read after: ServerRole 1 (stale), then EventPrimaryChanged.
    expect(r.demoted('A', true)).toBeUndefined();
    expect(r.active).toBe('A');
    expect(r.primaryChanged('A', true)).toBeUndefined();
    expect([r.active, r.roleOf('A'), r.activeIsBackup]).toEqual(['A', 'primary', false]);
  });

  it('demoted active with an open standby: the standby\'s registration-time role predates the step-down, so it is not known to be a backup', () => {
    const r = pair();
    r.demoted('A', true);
    expect([r.active, r.roleOf('B'), r.activeIsBackup]).toEqual(['B', 'unknown', false]);
  });

  it('demoted active with no standby, then the standby registers (two sockets, no order): the standby takes over', () => {
    const r = new Roles<C>();
    r.registered('A', 'active', 'primary');
    expect(r.demoted('A', false)).toBeUndefined();
    expect(r.registered('B', 'standby', 'backup')).toEqual({ accepted: true, switched: { from: 'A', to: 'B', reason: 'restore-connection' } });
    expect([r.active, r.standby, r.activeIsBackup]).toEqual(['B', 'A', false]);
  });

  it('a standby registering while the active never stepped down, or is primary again: no switch', () => {
    expect(pair().registered('C', 'standby', 'backup')).toEqual({ accepted: true });
    const r = new Roles<C>();
    r.registered('A', 'active', 'primary');
    r.demoted('A', false);
    r.primaryChanged('A', true);
    expect(r.registered('B', 'standby', 'backup')).toEqual({ accepted: true });
    expect(r.active).toBe('A');
  });

  it('demoted active with no standby: stays active, now known to be a backup', () => {
    const r = new Roles<C>();
    r.registered('A', 'active', 'primary');
    expect(r.demoted('A', false)).toBeUndefined();
    expect([r.active, r.activeIsBackup]).toEqual(['A', true]);
  });

  it('lost: says which slot, forgets the role', () => {
    const r = pair();
    expect(r.lost('C')).toBeUndefined();
    expect(r.lost('A')).toBe('active');
    expect([r.active, r.dispatches('A'), r.roleOf('A')]).toEqual([undefined, false, 'unknown']);
    expect(r.lost('B')).toBe('standby');
    expect(r.standby).toBeUndefined();
  });

  it('promoteStandby: only with no active; the promoted backup is activeIsBackup', () => {
    const r = pair();
    expect(r.promoteStandby()).toBeUndefined();
    r.lost('A');
    expect(r.promoteStandby()).toBe('B');
    expect([r.active, r.standby, r.activeIsBackup]).toEqual(['B', undefined, true]);
  });

  it('candidate that is primary while the active is a backup: takes over, the backup becomes standby', () => {
    const r = pair();
    r.lost('A');
    r.promoteStandby();
    expect(r.registered('C', 'candidate', 'primary')).toEqual({ accepted: true });
    // Accepted: its events reach the application while the client registers its DNs there; still not active.
    expect([r.active, r.dispatches('C')]).toEqual(['B', true]);
    expect(r.promote('C')).toEqual({ switched: { from: 'B', to: 'C', reason: 'primary-found' } });
    expect([r.active, r.standby, r.activeIsBackup, r.dispatches('C')]).toEqual(['C', 'B', false, true]);
    expect(r.promote('C')).toBeUndefined();
  });

  it('candidate that is primary while the standby slot is taken: the old active is displaced', () => {
    const r = new Roles<C>();
    r.registered('B', 'active', 'backup');
    r.registered('A', 'standby', 'backup');
    expect(r.registered('C', 'candidate', 'primary')).toEqual({ accepted: true });
    expect(r.promote('C')).toMatchObject({ displaced: 'B' });
    expect([r.active, r.standby]).toEqual(['C', 'A']);
  });

  it('candidate that is a backup, or when the active is primary again: refused', () => {
    const r = pair();
    r.lost('A');
    r.promoteStandby();
    expect(r.registered('C', 'candidate', 'backup')).toEqual({ accepted: false });
    r.primaryChanged('B', true);
    expect(r.registered('C', 'candidate', 'primary')).toEqual({ accepted: false });
    expect(r.active).toBe('B');
  });

  it('clear: nothing left', () => {
    const r = pair();
    r.clear();
    expect([r.active, r.standby, r.dispatches('A')]).toEqual([undefined, undefined, false]);
  });
});
