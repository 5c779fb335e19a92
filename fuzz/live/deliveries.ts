/**
 * Who may receive what an operation delivers, and who must. Each operation
 * that delivers (a user event, a reservation, a private service) makes an
 * offer: per client, the fewest and the most copies the reference allows,
 * decided from who was registered on the DN when it was sent. Every event
 * of those kinds a client receives is matched to the earliest offer still
 * owing it a copy (a user event by the op marker its UserData carries, the
 * others by ThisDN, AgentID or Place, and ReferenceID), so a copy that comes
 * late, after later operations, is still counted where it belongs. A copy
 * no offer has room for is a leak or a double, whenever it arrives.
 */
import type { Message } from '../../src/index.js';

export type DeliveredEvent = 'EventUserEvent' | 'EventAgentReserved' | 'EventPrivateInfo';

interface Offer {
  /** The operation's number in the script, for messages. */
  op: number;
  event: DeliveredEvent;
  dn: string;
  /** The request's ReferenceID: also the op marker of a user event. */
  refId: number;
  agentId?: string;
  place?: string;
  /** Per client: copies owed and copies allowed. */
  min: number[];
  max: number[];
  got: number[];
}

const DELIVERED = new Set<string>(['EventUserEvent', 'EventAgentReserved', 'EventPrivateInfo']);

export const isDelivered = (m: Message): m is Message & { Event: DeliveredEvent } => DELIVERED.has(m.Event);

/** The op marker a user event of the script carries in its UserData: [['op', refId]]. */
function opMarker(m: Message): number | undefined {
  const pair = m.UserData?.find(([key]) => key === 'op');
  return typeof pair?.[1] === 'number' ? pair[1] : undefined;
}

function concerns(offer: Offer, m: Message): boolean {
  if (offer.event !== m.Event) return false;
  if (m.Event === 'EventUserEvent') return opMarker(m) === offer.refId;
  if (m.ReferenceID !== undefined && m.ReferenceID === offer.refId) return true;
  if (m.ThisDN !== undefined) return m.ThisDN === offer.dn;
  return (m.AgentID !== undefined && m.AgentID === offer.agentId) || (m.Place !== undefined && m.Place === offer.place);
}

export class DeliveryLedger {
  readonly offers: Offer[] = [];

  /**
   * Counts message `m` received by `client` against the offers; returns
   * why it is not allowed (no offer has room for it), or undefined.
   */
  take(client: number, m: Message): string | undefined {
    const candidates = this.offers.filter((o) => concerns(o, m));
    const owed = candidates.find((o) => o.got[client]! < o.min[client]!);
    const room = owed ?? candidates.find((o) => o.got[client]! < o.max[client]!);
    if (room) {
      room.got[client]!++;
      return undefined;
    }
    const about = candidates[0];
    if (about) return `${m.Event} for ${about.dn} (op ${about.op}) ${about.got[client]! > 0 ? 'once more than allowed' : 'though it is not entitled to it'}`;
    return `${m.Event}${m.ThisDN !== undefined ? ` for ${String(m.ThisDN)}` : ''} that no operation of the script caused`;
  }

  /** Copies still owed: "client 1: EventUserEvent for 5101 (op 3)". */
  missing(): string[] {
    return this.offers.flatMap((o) => o.min.flatMap((min, c) => (o.got[c]! < min ? [`client ${c}: ${o.event} for ${o.dn} (op ${o.op})`] : [])));
  }
}
