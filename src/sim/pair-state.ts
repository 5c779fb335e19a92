/**
 * The state the two servers of a hot-standby pair keep in sync: who is
 * primary, each CTI link, the clients and their DN registrations, the calls
 * and the transaction-monitoring subscriptions. Both servers read and write
 * this one object, so they are in sync by construction.
 */
import type { KVList } from '../codec/types.js';
import type { SimLimits } from './limits.js';
import { Refusal } from './refusal.js';
import type { Session } from './session.js';

export type ServerId = 'a' | 'b';

export function otherServer(id: ServerId): ServerId {
  return id === 'a' ? 'b' : 'a';
}

interface CallRecord {
  ConnID: string;
  ThisDN: string;
  CustomerID?: string;
  UserData?: KVList;
}

const NO_SESSIONS: ReadonlySet<Session> = new Set();

/** Who owns what a client starts: its application by name, or its connection when it gave none. */
function ownerOf(session: Session): string {
  return session.applicationName === undefined ? `connection ${session.id}` : `application ${session.applicationName}`;
}

export class PairState {
  primary: ServerId = 'a';
  readonly links: Record<ServerId, boolean> = { a: true, b: true };
  /** How many switchovers have happened since start. */
  switchovers = 0;
  readonly calls = new Map<string, CallRecord>();
  /**
   * Each subscription's owner: the application that started it (its
   * ApplicationName, on either server of the pair, so it survives a
   * switchover) or, unnamed, its connection. Only the owner can stop or
   * modify it, and it ends when the owner's last connection closes.
   */
  private readonly subscriptions = new Map<string, string>();
  private readonly byOwner = new Map<string, Set<string>>();
  private registrations = 0;
  private registrationBytes = 0;
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
    const owner = ownerOf(session);
    if (![...this.sessions.a, ...this.sessions.b].some((s) => ownerOf(s) === owner)) {
      for (const id of this.byOwner.get(owner) ?? []) this.subscriptions.delete(id);
      this.byOwner.delete(owner);
    }
  }

  connections(server: ServerId): number {
    return this.sessions[server].size;
  }

  /** Clients that completed RequestRegisterClient on this server. */
  *clients(server: ServerId): Iterable<Session> {
    for (const s of this.sessions[server]) if (s.registered) yield s;
  }

  /** Registers `session` on `dn`, or throws a Refusal that closes the connection when that would pass a limit. */
  register(session: Session, dn: string, limits: SimLimits): void {
    if (session.dns.has(dn)) return;
    const bytes = Buffer.byteLength(dn);
    const past =
      session.dns.size + 1 > limits.maxDnsPerClient
        ? `more than maxDnsPerClient (${limits.maxDnsPerClient}) DNs`
        : session.dnBytes + bytes > limits.maxDnBytesPerClient
          ? `DN names above maxDnBytesPerClient (${limits.maxDnBytesPerClient} bytes)`
          : this.registrations + 1 > limits.maxRegistrations
            ? `registrations of all clients above maxRegistrations (${limits.maxRegistrations})`
            : this.registrationBytes + bytes > limits.maxRegistrationBytes
              ? `DN names of all clients above maxRegistrationBytes (${limits.maxRegistrationBytes} bytes)`
              : undefined;
    if (past !== undefined) throw new Refusal('TOO_MANY_REGISTRATIONS', `registering ${bytes} bytes of DN`, past);
    session.dnBytes += bytes;
    this.registrations++;
    this.registrationBytes += bytes;
    const index = this.byDn[session.server];
    let set = index.get(dn);
    if (!set) index.set(dn, (set = new Set()));
    set.add(session);
    session.dns.add(dn);
  }

  /** False when the session was not registered on the DN. */
  unregister(session: Session, dn: string): boolean {
    if (!session.dns.delete(dn)) return false;
    const bytes = Buffer.byteLength(dn);
    session.dnBytes -= bytes;
    this.registrations--;
    this.registrationBytes -= bytes;
    const index = this.byDn[session.server];
    const set = index.get(dn);
    set?.delete(session);
    if (set?.size === 0) index.delete(dn);
    return true;
  }

  registeredOn(server: ServerId, dn: string): ReadonlySet<Session> {
    return this.byDn[server].get(dn) ?? NO_SESSIONS;
  }

  /** A new subscription owned by `session`'s application, or a Refusal that closes the connection when that would pass a limit. */
  newSubscription(session: Session, limits: SimLimits): string {
    const owner = ownerOf(session);
    let own = this.byOwner.get(owner);
    const past =
      (own?.size ?? 0) + 1 > limits.maxSubscriptionsPerClient
        ? `more than maxSubscriptionsPerClient (${limits.maxSubscriptionsPerClient})`
        : this.subscriptions.size + 1 > limits.maxSubscriptions
          ? `subscriptions of all clients above maxSubscriptions (${limits.maxSubscriptions})`
          : undefined;
    if (past !== undefined) throw new Refusal('TOO_MANY_SUBSCRIPTIONS', 'SubscriptionStart', past);
    const id = `sub-${++this.subscriptionSeq}`;
    this.subscriptions.set(id, owner);
    if (!own) this.byOwner.set(owner, (own = new Set()));
    own.add(id);
    return id;
  }

  /** Whether `session`'s application started the subscription `id` (and it is still running). */
  ownsSubscription(session: Session, id: string): boolean {
    return this.subscriptions.get(id) === ownerOf(session);
  }

  endSubscription(session: Session, id: string): boolean {
    const owner = ownerOf(session);
    if (this.subscriptions.get(id) !== owner) return false;
    this.byOwner.get(owner)?.delete(id);
    return this.subscriptions.delete(id);
  }

  /** Subscriptions running now, all clients together. */
  get subscriptionCount(): number {
    return this.subscriptions.size;
  }

  /** DN registrations now, all clients together, and the bytes of their names. */
  get registrationLoad(): { count: number; bytes: number } {
    return { count: this.registrations, bytes: this.registrationBytes };
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
