/**
 * Whose a received message is: decided by what it says and by the lease
 * table, never by which scenario happens to be waiting. A message carrying a
 * ReferenceID the runner sent belongs to the scenario that sent it; one that
 * names a DN, agent, place or call belongs to the request of the same kind
 * that named it last (the event answers that request), else to the scenario
 * holding that resource, else to the one that held it last; a pair event
 * (role, link) belongs to the scenario that changed the pair. One ledger per
 * server scope: a run on a shared target, an attempt on an isolated one.
 *
 * A rule the message broke is a violation of its owner, kept once per owner
 * until the owner's attempt takes it; what no attempt took by the end of the
 * run is merged into the owner's result then.
 */
import type { Message } from '../../src/codec/types.js';
import type { ConformanceError } from '../model/failure.js';

/** Which requests cause an event other clients receive without the requester's ReferenceID, and what identifies the request in it. */
const CAUSES: Readonly<Record<string, { requests: readonly string[]; keys: readonly (keyof Message & string)[] }>> = {
  EventAgentReserved: { requests: ['RequestReserveAgent'], keys: ['AgentID', 'ThisDN', 'Place'] },
  // A copy without ThisDN (a broken one) is still recognised by the attributes its initiator gave it.
  EventUserEvent: { requests: ['RequestDistributeUserEvent'], keys: ['ThisDN', 'UserData'] },
  EventPrivateInfo: { requests: ['RequestPrivateService'], keys: ['ThisDN', 'ConnID'] },
  EventCallInfoChanged: { requests: ['RequestSetCallInfo'], keys: ['ConnID'] },
};

/** Events the pair's state causes: owned by whoever changed the pair. */
const PAIR_EVENTS: ReadonlySet<string> = new Set(['EventPrimaryChanged', 'EventLinkConnected', 'EventLinkDisconnected', 'EventRestoreConnection']);

/** Resource kinds a message names, with the attribute that names them. */
const RESOURCE_ATTRIBUTES = [
  ['dn', 'ThisDN'],
  ['agent', 'AgentID'],
  ['place', 'Place'],
  ['call', 'ConnID'],
] as const;

export type ResourceKind = (typeof RESOURCE_ATTRIBUTES)[number][0];
export const resourceKey = (kind: ResourceKind, id: string): string => `${kind}:${id}`;

export interface SentRequest {
  scenarioId: string;
  /** The client that sent it (a client is entitled to what answers its own requests). */
  client: object;
  request: Message;
}

export interface Owner {
  scenarioId: string;
  /** How the owner was found, for the exchange: "ReferenceID 7", "ThisDN 7001 (leased)". */
  by: string;
  /** The request the message answers, when one is known. */
  cause?: SentRequest;
  /** For a pair event: which pair change (counted over the ledger) it follows. */
  change?: number;
}

export class Ledger {
  private readonly byReference = new Map<number, SentRequest>();
  /** Requests without a ReferenceID echo in their copies, newest last, per kind. */
  private readonly byKind = new Map<string, SentRequest[]>();
  private readonly holder = new Map<string, string>();
  private readonly lastHolder = new Map<string, string>();
  private pairChangedBy: string | undefined;
  private pairChanges = 0;
  private readonly violations = new Map<string, { error: ConformanceError; causes: Set<number | string> }>();

  request(scenarioId: string, client: object, request: Message): void {
    const sent = { scenarioId, client, request };
    if (typeof request.ReferenceID === 'number') this.byReference.set(request.ReferenceID, sent);
    const list = this.byKind.get(request.Event) ?? [];
    list.push(sent);
    this.byKind.set(request.Event, list);
  }

  lease(scenarioId: string, keys: readonly string[]): void {
    for (const k of keys) {
      this.holder.set(k, scenarioId);
      this.lastHolder.delete(k);
    }
  }

  /** Everything the scenario holds goes back; it stays the last holder until another leases it. */
  releaseAll(scenarioId: string): void {
    for (const [k, holder] of [...this.holder]) {
      if (holder !== scenarioId) continue;
      this.holder.delete(k);
      this.lastHolder.set(k, scenarioId);
    }
  }

  /** The scenario that changed the pair last. */
  get pairChanger(): string | undefined {
    return this.pairChangedBy;
  }

  /** A control action: the pair events that follow are this scenario's. */
  changedPair(scenarioId: string): void {
    this.pairChangedBy = scenarioId;
    this.pairChanges++;
  }

  /**
   * `pairEvents`: whether pair events are attributed at all. A scenario's own
   * client takes the pair events it receives as its own (they concern its
   * connection); an observer's go to whoever changed the pair.
   */
  owner(m: Message, pairEvents: boolean): Owner | undefined {
    if (PAIR_EVENTS.has(m.Event)) return pairEvents && this.pairChangedBy ? { scenarioId: this.pairChangedBy, by: 'the pair change it follows', change: this.pairChanges } : undefined;
    const ref = typeof m.ReferenceID === 'number' ? this.byReference.get(m.ReferenceID) : undefined;
    if (ref) return { scenarioId: ref.scenarioId, by: `ReferenceID ${m.ReferenceID}`, cause: ref };
    const cause = this.cause(m);
    if (cause) return { scenarioId: cause.scenarioId, by: `the ${cause.request.Event} it answers`, cause };
    for (const [kind, attr] of RESOURCE_ATTRIBUTES) {
      const id = m[attr];
      if (typeof id !== 'string') continue;
      const key = resourceKey(kind, id);
      const now = this.holder.get(key);
      if (now) return { scenarioId: now, by: `${attr} ${id} (leased)` };
      const last = this.lastHolder.get(key);
      if (last) return { scenarioId: last, by: `${attr} ${id} (leased last)` };
    }
    return undefined;
  }

  /**
   * The newest request of the kind that causes `m` that `m` names by one of
   * its identifying attributes, the first of them that matches any request
   * deciding (a copy with a wrong AgentID is still the copy of the
   * reservation on its ThisDN, and is judged against that request).
   */
  private cause(m: Message): SentRequest | undefined {
    const causes = CAUSES[m.Event];
    if (!causes) return undefined;
    const lists = causes.requests.map((kind) => this.byKind.get(kind) ?? []);
    for (const k of causes.keys) {
      if (m[k] === undefined) continue;
      for (const list of lists) {
        for (let i = list.length - 1; i >= 0; i--) if (same(list[i]!.request[k], m[k])) return list[i];
      }
    }
    return undefined;
  }

  /**
   * Keeps the first violation of a scenario (reported once), counting the
   * distinct causes of the breaks (`cause`: the request, the pair change or
   * the role report; one per attempt of a repeated scenario); false when it
   * already had one.
   */
  violate(scenarioId: string, error: ConformanceError, cause?: number | string): boolean {
    const known = this.violations.get(scenarioId);
    if (known) {
      if (cause !== undefined) known.causes.add(cause);
      return false;
    }
    this.violations.set(scenarioId, { error, causes: new Set(cause !== undefined ? [cause] : []) });
    return true;
  }

  /**
   * The scenario's violation, handed to its attempt with one of its causes: a
   * late break of an earlier attempt that comes while a later one runs fails
   * that one, and when two come in one attempt the second stays for the next
   * attempt (or the end of the run), so every break fails one attempt.
   */
  take(scenarioId: string): ConformanceError | undefined {
    const v = this.violations.get(scenarioId);
    if (!v) return undefined;
    const [first] = v.causes;
    if (first !== undefined) v.causes.delete(first);
    if (v.causes.size === 0) this.violations.delete(scenarioId);
    return v.error;
  }

  /** Violations no attempt took: found after their owner's verdict. */
  untaken(): ReadonlyMap<string, { error: ConformanceError; causes: ReadonlySet<number | string> }> {
    return this.violations;
  }
}

/** Equal values of an attribute: scalars by identity, lists by their content. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const text = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x instanceof Uint8Array ? [...x] : x));
  return text(a) === text(b);
}
