/**
 * The state the two servers of a hot-standby pair keep in sync: who is
 * primary, each CTI link, the clients and their DN registrations, the calls
 * and the transaction-monitoring subscriptions. Both servers read and write
 * this one object, so they are in sync by construction.
 */
import type { KVList } from '../codec/types.js';
import type { Session } from './session.js';

export type ServerId = 'a' | 'b';

export function otherServer(id: ServerId): ServerId {
  return id === 'a' ? 'b' : 'a';
}

export interface CallRecord {
  ConnID: string;
  ThisDN: string;
  CustomerID?: string;
  UserData?: KVList;
}

const NO_SESSIONS: ReadonlySet<Session> = new Set();

export class PairState {
  primary: ServerId = 'a';
  readonly links: Record<ServerId, boolean> = { a: true, b: true };
  /** How many switchovers have happened since start. */
  switchovers = 0;
  readonly calls = new Map<string, CallRecord>();
  private readonly subscriptions = new Set<string>();
  private subscriptionSeq = 0;
  private connIdSeq = 0;
  private readonly sessions: Record<ServerId, Set<Session>> = { a: new Set(), b: new Set() };
  private readonly byDn: Record<ServerId, Map<string, Set<Session>>> = { a: new Map(), b: new Map() };

  roleOf(server: ServerId): 'primary' | 'backup' {
    return server === this.primary ? 'primary' : 'backup';
  }

  add(session: Session): void {
    this.sessions[session.server].add(session);
  }

  remove(session: Session): void {
    for (const dn of session.dns) this.unregister(session, dn);
    this.sessions[session.server].delete(session);
  }

  connections(server: ServerId): number {
    return this.sessions[server].size;
  }

  /** Clients that completed RequestRegisterClient on this server. */
  *clients(server: ServerId): Iterable<Session> {
    for (const s of this.sessions[server]) if (s.registered) yield s;
  }

  register(session: Session, dn: string): void {
    const index = this.byDn[session.server];
    let set = index.get(dn);
    if (!set) index.set(dn, (set = new Set()));
    set.add(session);
    session.dns.add(dn);
  }

  /** False when the session was not registered on the DN. */
  unregister(session: Session, dn: string): boolean {
    if (!session.dns.delete(dn)) return false;
    const index = this.byDn[session.server];
    const set = index.get(dn);
    set?.delete(session);
    if (set?.size === 0) index.delete(dn);
    return true;
  }

  registeredOn(server: ServerId, dn: string): ReadonlySet<Session> {
    return this.byDn[server].get(dn) ?? NO_SESSIONS;
  }

  newSubscription(): string {
    const id = `sub-${++this.subscriptionSeq}`;
    this.subscriptions.add(id);
    return id;
  }

  hasSubscription(id: string): boolean {
    return this.subscriptions.has(id);
  }

  endSubscription(id: string): boolean {
    return this.subscriptions.delete(id);
  }

  /** Record a call (the switch side of the simulator); a ConnID is generated when none is given. */
  addCall(call: Omit<CallRecord, 'ConnID'> & { ConnID?: string }): CallRecord {
    const ConnID = call.ConnID ?? this.freshConnId();
    const record: CallRecord = { ...call, ConnID };
    this.calls.set(ConnID, record);
    return record;
  }

  private freshConnId(): string {
    let id: string;
    do id = (++this.connIdSeq).toString(16).padStart(16, '0');
    while (this.calls.has(id));
    return id;
  }
}
