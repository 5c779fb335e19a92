/**
 * The roles of a TClient's connections, as one state machine: which
 * connection is active (requests go there, its events are dispatched),
 * which is the hot standby (events consumed internally), and what each
 * server's own stream last said it is (EventServerConnected ServerRole,
 * EventPrimaryChanged, EventRestoreConnection ServerRole 1). Every
 * transition is a method; each returns the switch it made, if any, so the
 * client only emits. Pure: no sockets, no timers (test/client/roles.test.ts
 * drives it transition by transition).
 *
 * The invariant the client builds on it: when the active server is known to
 * be a backup (`activeIsBackup`), the client says so and looks for the
 * primary (spec/client.md, "Not on the primary"); it never stays there silently.
 */

/** Why the active connection changed (TClient's 'switched' reason). */
export type SwitchReason =
  /** The standby reported EventPrimaryChanged. */
  | 'primary-changed'
  /** The active server reported EventRestoreConnection ServerRole 1 (it is backup now). */
  | 'restore-connection'
  /** The active server was lost and the standby did not report EventPrimaryChanged within switchoverDelayMs. */
  | 'primary-lost'
  /** Reconnecting after losing every server landed on another endpoint of the pool. */
  | 'reconnect'
  /** While the active server was a backup, a connection opened to find the primary found it. */
  | 'primary-found';

/** What a server's own stream last said it is; 'unknown' when it never said (no ServerRole). */
type ReportedRole = 'primary' | 'backup' | 'unknown';

/** The slot a connection registers for: 'candidate' is one opened to find the primary. */
export type Slot = 'active' | 'standby' | 'candidate';

export interface Switch<C> {
  from: C | undefined;
  to: C;
  reason: SwitchReason;
}

/** EventServerConnected's ServerRole (0 primary, 1 backup), as a reported role. */
export function roleOf(serverRole: unknown): ReportedRole {
  return serverRole === 0 ? 'primary' : serverRole === 1 ? 'backup' : 'unknown';
}

export class Roles<C> {
  private activeConn: C | undefined;
  private standbyConn: C | undefined;
  private readonly reported = new Map<C, ReportedRole>();
  /**
   * Connections whose own stream last said "I am primary" while active, or
   * by EventPrimaryChanged. Events an old primary wrote before its
   * EventRestoreConnection ServerRole 1 are genuine even when read after the
   * new primary's EventPrimaryChanged (two sockets, no order between them),
   * so they are dispatched, not dropped.
   */
  private readonly claimsPrimary = new Set<C>();
  /** Connections whose stream last said EventRestoreConnection ServerRole 1 (changed from primary to backup). */
  private readonly steppedDown = new Set<C>();

  get active(): C | undefined {
    return this.activeConn;
  }

  get standby(): C | undefined {
    return this.standbyConn;
  }

  roleOf(c: C): ReportedRole {
    return this.reported.get(c) ?? 'unknown';
  }

  /** The active server said it is a backup (and has not said primary since). */
  get activeIsBackup(): boolean {
    return this.activeConn !== undefined && this.reported.get(this.activeConn) === 'backup';
  }

  /** Whether the application gets `c`'s events: the active one's, and a (former) primary's until it steps down. */
  dispatches(c: C): boolean {
    return c === this.activeConn || this.claimsPrimary.has(c);
  }

  /**
   * EventServerConnected on `c`, registered for `slot`. A candidate that is
   * primary while the active is a backup is accepted: its events reach the
   * application from now on, and promote() makes it active once the client
   * has registered its DNs there. `accepted: false` means the client should close it.
   */
  registered(c: C, slot: Slot, role: ReportedRole): { accepted: boolean; switched?: Switch<C> } {
    this.reported.set(c, role);
    if (slot === 'standby') {
      this.standbyConn = c;
      // The active's ServerRole 1 can be read before the standby's EventServerConnected (two sockets, no order between them).
      const switched = this.takeOver();
      return { accepted: true, ...(switched ? { switched } : {}) };
    }
    if (slot === 'active') {
      this.activeConn = c;
      if (role !== 'backup') this.claimsPrimary.add(c);
      return { accepted: true };
    }
    if (role !== 'primary' || !this.activeIsBackup) return { accepted: false };
    this.claimsPrimary.add(c);
    return { accepted: true };
  }

  /**
   * The accepted candidate `c` becomes active (the backup it replaces becomes
   * the standby if that slot is free, else is `displaced`); undefined when
   * the search ended meanwhile (the active is no longer a backup).
   */
  promote(c: C): { switched: Switch<C>; displaced?: C } | undefined {
    if (!this.activeIsBackup || this.reported.get(c) !== 'primary') return undefined;
    const from = this.activeConn;
    this.activeConn = c;
    let displaced: C | undefined;
    if (from !== undefined) {
      if (this.standbyConn === undefined) this.standbyConn = from;
      else displaced = from;
    }
    return { switched: { from, to: c, reason: 'primary-found' }, ...(displaced !== undefined ? { displaced } : {}) };
  }

  /** EventPrimaryChanged from `c`: it is primary; the standby reporting it becomes active. */
  primaryChanged(c: C, fromStillOpen: boolean): Switch<C> | undefined {
    this.reported.set(c, 'primary');
    this.steppedDown.delete(c);
    this.claimsPrimary.add(c);
    const from = this.activeConn;
    if (c === from || c !== this.standbyConn) return undefined;
    this.standbyConn = from !== undefined && fromStillOpen ? from : undefined;
    this.activeConn = c;
    return { from, to: c, reason: 'primary-changed' };
  }

  /**
   * EventRestoreConnection ServerRole 1 from `c`: it is backup now; if it was
   * active and a standby is open, they swap, unless the standby's own stream
   * last said it is backup too. Then two switchovers crossed (each server's
   * ServerRole 1 read before the other's EventPrimaryChanged): neither is
   * known primary, so the client stays and waits for EventPrimaryChanged
   * rather than flip to a server that stepped down.
   */
  demoted(c: C, standbyOpen: boolean): Switch<C> | undefined {
    this.reported.set(c, 'backup');
    this.claimsPrimary.delete(c);
    this.steppedDown.add(c);
    return c === this.activeConn && standbyOpen ? this.takeOver() : undefined;
  }

  /**
   * The active's last word was ServerRole 1: the standby takes over, unless it
   * stepped down too. Its own registration-time role predates the step-down
   * ("used to prevent a race condition"): it is no longer known to be a backup.
   */
  private takeOver(): Switch<C> | undefined {
    const from = this.activeConn;
    const to = this.standbyConn;
    if (from === undefined || to === undefined || !this.steppedDown.has(from) || this.steppedDown.has(to)) return undefined;
    this.activeConn = to;
    this.standbyConn = from;
    if (this.reported.get(to) === 'backup') this.reported.set(to, 'unknown');
    return { from, to, reason: 'restore-connection' };
  }

  /** `c` closed; which slot it held, if any. */
  lost(c: C): 'active' | 'standby' | undefined {
    this.reported.delete(c);
    this.steppedDown.delete(c);
    this.claimsPrimary.delete(c);
    if (c === this.standbyConn) {
      this.standbyConn = undefined;
      return 'standby';
    }
    if (c === this.activeConn) {
      this.activeConn = undefined;
      return 'active';
    }
    return undefined;
  }

  /** The active server is gone and the standby did not report EventPrimaryChanged in time: it becomes active anyway. Returns it. */
  promoteStandby(): C | undefined {
    const standby = this.standbyConn;
    if (this.activeConn !== undefined || standby === undefined) return undefined;
    this.activeConn = standby;
    this.standbyConn = undefined;
    return standby;
  }

  /** close(): every connection forgotten. */
  clear(): void {
    this.activeConn = this.standbyConn = undefined;
    this.reported.clear();
    this.claimsPrimary.clear();
    this.steppedDown.clear();
  }
}
