/**
 * A raw T-Library wire client for scenarios and observers: it encodes what
 * it sends and records it, and takes what it receives through the receive
 * path (conformance/message-path/receive-path.ts). It does nothing a client library would
 * do behind its back.
 */
import { encode } from '../../src/codec/encode.js';
import { ADDRESS_TYPE, answersTo, REGISTER_MODE } from '../../src/registry.js';
import type { Message } from '../../src/codec/types.js';
import { attributesOutsideTable } from '../../src/validate/index.js';
import type { Ledger, Owner } from '../rules/attribution.js';
import { refused, undecodable, violation, type ConformanceError } from '../model/failure.js';
import { judgeDelivery, judgeReceived, RoleReports, type Judge, type Recipient } from '../rules/received-rules.js';
import type { Exchange } from './exchange.js';
import { describe, Inbox } from './inbox.js';
import { openReceivePath, type ReceivePath } from './receive-path.js';
import type { WireRecord } from '../report/report-model.js';
import type { ServerSide, WireClient } from '../model/scenario.js';
import type { Transport } from './transport.js';

/** Where what a connection receives is attributed and its violations go (absent: the connection's own inbox only). */
export interface Attribution {
  ledger: Ledger;
  /** The scenario this connection serves; undefined for an observer, which serves the whole run. */
  scenarioId: string | undefined;
  /** A violation no scenario owns (an observer's, before any scenario touched what it names). */
  orphan(error: ConformanceError): void;
  /**
   * The server this connection watches, for an observer: two observers of one server see the same
   * role reports, so a broken one counts once per server, not once per observer.
   */
  observes?: string;
}

export interface WireClientOptions {
  name: string;
  server: ServerSide;
  transport: Transport;
  exchange: Exchange;
  nextReferenceId: () => number;
  timeoutMs: number;
  quietMs: number;
  /** The AddressType to register a DN with (the profile's type of the DN). */
  addressType?: (dn: string) => number;
  /** Checks every received message against the rules that hold for every instance (absent: nothing is judged). */
  judge?: Judge;
  attribution?: Attribution;
  /** Told the attributes of a received special event that its table does not list (accepted, recorded). */
  onOutside?: (event: string, attributes: readonly string[]) => void;
}

export class RawClient extends Inbox implements WireClient, Recipient {
  readonly server: ServerSide;
  readonly token: object = {};
  private readonly path: ReceivePath;
  private readonly exchange: Exchange;
  private readonly transport: Transport;
  private readonly nextReferenceId: () => number;
  private readonly addressType: (dn: string) => number;
  private readonly judge: Judge | undefined;
  private readonly attribution: Attribution | undefined;
  private readonly onOutside: WireClientOptions['onOutside'];
  /** The requests this client sent, by ReferenceID: the context of the request-dependent rules. */
  private readonly requests = new Map<number, Message>();
  private readonly dns = new Set<string>();
  private readonly roles = new RoleReports();

  constructor(o: WireClientOptions) {
    super(o.name, o.timeoutMs, o.quietMs, (text, waited) => o.exchange.wait(o.name, o.server, text, waited));
    this.server = o.server;
    this.transport = o.transport;
    this.exchange = o.exchange;
    this.nextReferenceId = o.nextReferenceId;
    this.addressType = o.addressType ?? (() => ADDRESS_TYPE.DN);
    this.judge = o.judge;
    this.attribution = o.attribution;
    this.onOutside = o.onOutside;
    this.path = openReceivePath({
      actor: o.name,
      peer: o.server,
      transport: o.transport,
      exchange: o.exchange,
      judge: (m, record) => this.judged(m, record),
      deliver: (m, record, bytes) => {
        const taken = this.deliver(m, record, bytes);
        if (!taken && m.Event === 'EventError') this.unanswered(m, record);
      },
      // Its own verdict, at once: not the timeout of whatever the scenario was waiting for.
      undecodable: (why, record) => {
        record.violation = true;
        this.broken(undecodable(this.name, why, record));
      },
      ended: (reason) => this.closed(reason),
    });
  }

  get registered(): ReadonlySet<string> {
    return this.dns;
  }

  /**
   * The judge stage: every rule on every copy. A message another scenario
   * owns is that scenario's violation and never this one's answer, so a leak
   * cannot stand in for what this scenario waits for.
   */
  private judged(m: Message, record: WireRecord): boolean {
    const own = typeof m.ReferenceID === 'number' ? this.requests.get(m.ReferenceID) : undefined;
    // An answer to this connection's own request is its own, whoever holds what it names.
    const owner = own ? undefined : this.attribution?.ledger.owner(m, this.attribution.scenarioId === undefined);
    const request = own ?? owner?.cause?.request;
    // Counted on every message, whatever else it breaks.
    const role = this.judge ? this.roles.judge(m, this.attribution?.ledger.pairChanger) : undefined;
    const broken = (this.judge && judgeReceived(this.judge, m, request)) ?? judgeDelivery(m, owner, this) ?? role;
    const mine = this.attribution?.scenarioId;
    const foreign = owner !== undefined && owner.scenarioId !== mine;
    if (foreign) record.text = `${record.text ? `${record.text}; ` : ''}${owner.scenarioId}'s (by ${owner.by})`;
    const outside = this.onOutside ? attributesOutsideTable(m) : [];
    if (outside.length) this.onOutside!(m.Event, outside);
    if (!broken) return !foreign || mine === undefined;
    const error = violation(`${this.name} received ${broken.message}`, broken.expected, broken.actual, record, broken.sentence);
    // Marked here when this connection's own scenario fails by it; the owner's verdict marks what it takes from the ledger.
    if ((mine !== undefined && !foreign) || !this.attribution) {
      record.violation = true;
      this.broken(error);
    } else if (owner) this.attribution.ledger.violate(owner.scenarioId, error, this.causeOf(owner, broken === role ? role : undefined));
    else this.attribution.orphan(error);
    return !foreign || mine === undefined;
  }

  /**
   * What broke a rule, so a repeated scenario counts one failed run per break: the request the
   * message answers; for a role report, that report (each extra EventPrimaryChanged is a break of
   * its own, however many come after the same pair change); else the pair change it follows.
   */
  private causeOf(owner: Owner, role: { ordinal: number } | undefined): number | string | undefined {
    if (role) return `role report ${role.ordinal} from ${this.attribution?.observes ?? this.name}`;
    return owner.cause?.request.ReferenceID ?? owner.change;
  }

  /**
   * An EventError answering one of this client's requests that no step took: while a step waits,
   * the scenario ends 'refused' at once (quoting ErrorCode and ErrorMessage) rather than timing out.
   */
  private unanswered(answer: Message, record: WireRecord): void {
    const request = typeof answer.ReferenceID === 'number' ? this.requests.get(answer.ReferenceID) : undefined;
    if (!request || request.Event === 'RequestQueryLocation' || !this.waiting) return;
    record.violation = true;
    this.broken(refused(request.Event, `an answer to ${request.Event} (ReferenceID ${answer.ReferenceID})`, answer, describe(answer), record));
  }

  protected override overflow(reason: string): void {
    this.path.stop(`${reason}: connection closed`);
    super.overflow(reason);
  }

  send(m: Message): void {
    const frame = encode(m);
    this.exchange.frame('send', this.name, this.server, frame, m);
    this.transport.write(frame);
  }

  request(m: Message): number {
    const ReferenceID = this.nextReferenceId();
    const request = { ...m, ReferenceID };
    this.requests.set(ReferenceID, request);
    if (this.attribution?.scenarioId !== undefined) this.attribution.ledger.request(this.attribution.scenarioId, this.token, request);
    this.send(request);
    return ReferenceID;
  }

  /** TQueryLocation() needs no resource of the target, and any answer (EventError too) closes the barrier. */
  async sync(): Promise<void> {
    const ref = this.request({ Event: 'RequestQueryLocation' });
    await this.expect({ what: `the answer to RequestQueryLocation ${ref} (a barrier on ${this.name}'s connection)`, match: (x) => x.ReferenceID === ref && x.Event !== 'RequestQueryLocation' });
  }

  protected override caughtUp(): Promise<void> {
    return this.sync();
  }

  async call(m: Message, answer: string, timeoutMs?: number): Promise<Message> {
    const ref = this.request(m);
    const reply = await this.expect(
      {
        what: `${answer} or EventError with ReferenceID ${ref}`,
        match: (x) => x.ReferenceID === ref && (x.Event === answer || x.Event === 'EventError'),
      },
      timeoutMs,
    );
    if (reply.Event === 'EventError') {
      const record = this.recordOf(reply);
      if (record) record.violation = true;
      throw refused(m.Event, `${answer} with ReferenceID ${ref}`, reply, describe(reply), record);
    }
    return reply;
  }

  async register(dn: string): Promise<void> {
    // Entitled from the moment it asks: the server may send the DN's events before EventRegistered.
    this.dns.add(dn);
    await this.call(
      { Event: 'RequestRegisterAddress', ThisDN: dn, RegisterMode: REGISTER_MODE.ModeShare, AddressType: this.addressType(dn) },
      answersTo('RequestRegisterAddress')[0]!,
    );
  }

  close(): void {
    this.transport.close();
  }
}
