/**
 * Observers: connections the runner holds on both servers for as long as a
 * server scope lasts (the run on a shared target, the attempt on an isolated
 * one), across switchovers and switch-backs. On each server one is
 * registered on no DN (it is entitled to no DN's events, so every copy it
 * gets of an event the runner caused is a leak) and one on every DN the
 * scenarios use (it gets the DN clients' copies, each judged by every rule).
 * Whatever they receive is judged and attributed (conformance/rules/attribution.ts).
 *
 * `settle` is the barrier before a verdict: a round trip on each observer's
 * own connection, so whatever the server wrote to it before answering,
 * however late after the scenario's own answers, has been judged.
 */
import type { Message } from '../../src/codec/types.js';
import type { Ledger } from '../rules/attribution.js';
import type { Exchange } from '../message-path/exchange.js';
import type { ConformanceError } from '../model/failure.js';
import { registerClient } from '../message-path/handshake.js';
import type { Profile } from '../profile/model.js';
import { addressTypeOf } from '../profile/address-type.js';
import type { ServerSide, Violation } from '../model/scenario.js';
import type { TargetSession } from '../targets/target.js';
import type { TcpAddress } from '../message-path/transport.js';
import { RawClient } from '../message-path/wire-client.js';

export interface ObserverOptions {
  session: TargetSession;
  /** Whether the target has a backup to observe. */
  pair: boolean;
  exchange: Exchange;
  ledger: Ledger;
  validate: (m: Message, context?: { request?: Message; strictTables?: boolean }) => Violation[];
  /** The DNs the scenarios of this scope use. */
  dns: readonly string[];
  profile: Profile;
  timeoutMs: number;
  startupMs: number;
  nextReferenceId: () => number;
}

interface Observer {
  name: string;
  /** The server it watches, by address: it stays on it whatever role the server has now. */
  address: TcpAddress | undefined;
  /** The side it was opened on, used when the target gives no address. */
  side: ServerSide;
  dns: readonly string[];
  client?: RawClient;
}

/** Consecutive failures to open an observer after which it is given up, with a note. */
const REOPEN_TRIES = 3;

export class Observers {
  private readonly observers: Observer[];
  private readonly failures = new Map<Observer, number>();
  /** Violations no scenario owns, in the order found. */
  readonly orphans: ConformanceError[] = [];

  constructor(private readonly o: ObserverOptions) {
    const sides: ServerSide[] = o.pair ? ['primary', 'backup'] : ['primary'];
    this.observers = sides.flatMap((side) => [
      { name: `observer-${side}`, address: o.session.address?.(side), side, dns: [] },
      { name: `observer-${side}-dns`, address: o.session.address?.(side), side, dns: o.dns },
    ]);
  }

  async open(): Promise<void> {
    await Promise.all(this.observers.map((x) => this.openOne(x)));
  }

  /** Reopens what closed (a server may drop its clients at a switchover), then a barrier on each observer. */
  async settle(): Promise<void> {
    await Promise.all(
      this.observers.map(async (x) => {
        if (!x.client || x.client.isClosed) await this.openOne(x);
        await x.client?.sync().catch((e: unknown) => this.note(x, `barrier not completed: ${e instanceof Error ? e.message : String(e)}`));
      }),
    );
  }

  close(): void {
    for (const x of this.observers) x.client?.close();
  }

  private note(x: Observer, text: string): void {
    this.o.exchange.note(x.name, x.side, text);
  }

  /** The role the observed server has now (the target maps roles to servers). */
  private sideNow(x: Observer): ServerSide {
    if (!x.address || !this.o.session.address) return x.side;
    const same = (a: TcpAddress | undefined): boolean => a?.host === x.address!.host && a.port === x.address!.port;
    return (['primary', 'backup'] as const).find((side) => same(this.o.session.address!(side))) ?? x.side;
  }

  private async openOne(x: Observer): Promise<void> {
    const tries = this.failures.get(x) ?? 0;
    if (tries >= REOPEN_TRIES) return;
    x.client = undefined;
    try {
      const side = this.sideNow(x);
      const transport = await this.o.session.connect(side, (line) => this.note(x, line));
      const client = new RawClient({
        name: x.name,
        server: side,
        transport,
        exchange: this.o.exchange,
        nextReferenceId: this.o.nextReferenceId,
        timeoutMs: this.o.timeoutMs,
        quietMs: 0,
        addressType: addressTypeOf(this.o.profile),
        // The open reading of the tables, as for the scenarios' own clients (spec/conformance-decisions.md).
        judge: (m, c) => this.o.validate(m, { ...c, strictTables: false }),
        attribution: { ledger: this.o.ledger, scenarioId: undefined, orphan: (e) => this.orphans.push(e), observes: x.address ? `${x.address.host}:${x.address.port}` : `the configured ${x.side}` },
      });
      x.client = client;
      const password = this.o.profile.credentials?.applicationPassword;
      await registerClient(client, `tlib-kit-${x.name}`, { startupMs: this.o.startupMs, ...(password !== undefined ? { password } : {}) });
      // A server may refuse a DN on one side (a backup that takes no registrations): the observer still watches the rest.
      for (const dn of x.dns) await client.register(dn).catch((e: unknown) => this.note(x, `not registered on ${dn}: ${e instanceof Error ? e.message : String(e)}`));
      this.failures.delete(x);
    } catch (e) {
      this.failures.set(x, tries + 1);
      x.client?.close();
      this.note(x, `observer not open (${tries + 1} of ${REOPEN_TRIES} tries): ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
