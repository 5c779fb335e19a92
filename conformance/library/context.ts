/**
 * What a library scenario's script works with: the scripted pair, the
 * bridge, and the steps every script is made of (open, register, probe,
 * wait for what the application or the servers saw). Every wait ends on an
 * observed message; the step timeout only ends a wait for a library that
 * never acts.
 */
import { SERVER_ROLE } from '../../src/registry.js';
import type { Message } from '../../src/codec/types.js';
import type { Exchange } from '../message-path/exchange.js';
import { targetError, violation } from '../model/failure.js';
import type { AppEntry, Bridge } from './bridge.js';
import type { UserDataForm } from './forms.js';
import type { ScriptedPair, ServerName, WireEntry } from './scripted-pair.js';

export const PROBE_KEY = 'tlib-kit-probe';
/** Settled: this many probes after the first one in a row at the primary reach it too. */
export const STAY_PROBES = 3;
/**
 * A bound on probes that only a script whose role changes can stay unread
 * forever reaches: each forgiven probe first waits until the library has read
 * the role changes (see probeUntil), so a library needs at most two.
 */
const MAX_FORGIVEN = 4;

export interface LibraryContext {
  readonly pair: ScriptedPair;
  readonly exchange: Exchange;
  readonly app: Bridge['app'];
  readonly timeoutMs: number;
  readonly startupMs: number;
  /** The profile's DNs (at least one). */
  readonly dns: readonly string[];
  readonly form: UserDataForm;
  readonly password: string | undefined;
  readonly applicationName: string;
  /** `open` with the primary (A); with B as backup when `backup` and the profile says the library takes one. */
  open(o?: { backup?: boolean }): Promise<void>;
  register(dn: string): Promise<void>;
  close(): Promise<void>;
  /** Sends one probe through the library and returns the server it arrived at. */
  probe(dn: string): Promise<ServerName>;
  /**
   * Probes until STAY_PROBES + 1 in a row reach `server` (the primary). A probe
   * that goes elsewhere is forgiven only while a server's last role change is
   * unread (nothing it wrote at or after that change has been dispatched).
   */
  probeUntil(server: ServerName, dn: string, sentence: string, why: string): Promise<void>;
  /** Waits for an application event matching `match`, from index `from` of the application log. */
  waitApp(match: (e: AppEntry) => boolean, what: string, sentence: string, from?: number): Promise<AppEntry>;
  waitWire(match: (e: WireEntry) => boolean, what: string, sentence: string, from?: number, timeoutMs?: number): Promise<WireEntry>;
  note(text: string): void;
  /** A check judged only after the settle barrier, on everything dispatched up to it. */
  afterSettle(check: () => void): void;
  /**
   * The settle barrier: one more probe through the library (when it is open and has a DN
   * registered), and the wait until the application was told of it (its EventUserEvent
   * from the primary, or the backup's answer). The library hands a connection's events
   * to the application in the order the server wrote them, so whatever it dispatches while
   * handling anything that server wrote before is in the application log by then.
   */
  settle(sentence: string): Promise<void>;
  /** The checks afterSettle() registered. */
  readonly settleChecks: ReadonlyArray<() => void>;
}

export function isProbe(m: Message, id?: string): boolean {
  const ud = m.UserData;
  return Array.isArray(ud) && ud.some(([k, v]) => k === PROBE_KEY && (id === undefined || v === id));
}

export function appEvent(name: string, server?: string): (e: AppEntry) => boolean {
  return (e) => e.message.Event === name && (server === undefined || e.server === server);
}

export function wireIn(server: ServerName | undefined, name: string): (e: WireEntry) => boolean {
  return (e) => e.kind === 'frame' && e.dir === 'in' && e.message.Event === name && (server === undefined || e.server === server);
}

export interface ContextOptions {
  pair: ScriptedPair;
  bridge: Bridge;
  exchange: Exchange;
  timeoutMs: number;
  startupMs: number;
  dns: readonly string[];
  form: UserDataForm;
  takesBackup: boolean;
  password: string | undefined;
  applicationName: string;
}

export function createLibraryContext(o: ContextOptions): LibraryContext {
  let probes = 0;
  let closed = false;
  const registered: string[] = [];
  const settleChecks: Array<() => void> = [];
  /** Per server, the wire index of the latest frame it wrote whose dispatch the kit saw (answers to forgiven probes). */
  const read = new Map<ServerName, number>();
  const outFrom = (s: ServerName) => (e: WireEntry): e is WireEntry & { kind: 'frame' } => e.kind === 'frame' && e.dir === 'out' && e.server === s;
  const isRoleChange = (m: Message): boolean => m.Event === 'EventPrimaryChanged' || (m.Event === 'EventRestoreConnection' && m.ServerRole === SERVER_ROLE.Backup);
  /**
   * Servers whose last role change (ServerRole 1, EventPrimaryChanged) the library has not
   * been proved to have read: an EventPrimaryChanged is read once the application has as many
   * from that server as it wrote; a ServerRole 1 once the application was handed something
   * that server wrote after it.
   */
  const unread = (): Array<{ server: ServerName; last: Message }> => {
    const out: Array<{ server: ServerName; last: Message }> = [];
    for (const s of ['A', 'B'] as const) {
      const wire = o.pair.wire.entries;
      let at = -1;
      for (let i = wire.length - 1; i >= 0; i--) {
        const e = wire[i]!;
        if (outFrom(s)(e) && isRoleChange(e.message)) {
          at = i;
          break;
        }
      }
      if (at < 0) continue;
      const last = (wire[at] as { message: Message }).message;
      if (last.Event === 'EventPrimaryChanged') {
        const written = wire.filter((e) => outFrom(s)(e) && e.message.Event === 'EventPrimaryChanged').length;
        if (o.bridge.app.entries.filter(appEvent('EventPrimaryChanged', o.pair.name(s))).length < written) out.push({ server: s, last });
      } else if ((read.get(s) ?? -1) < at) out.push({ server: s, last });
    }
    return out;
  };
  const probeEntry = async (dn: string): Promise<WireEntry & { kind: 'frame' }> => {
    const id = `p${++probes}`;
    const from = o.pair.wire.length;
    const a = await o.bridge.command('request', { message: { Event: 'RequestDistributeUserEvent', ThisDN: dn, UserData: [[PROBE_KEY, id]] } }, o.timeoutMs);
    if (!a.ok) throw targetError(`the library refused request ${id}: ${a.error ?? 'no reason given'}`);
    const seen = (await o.pair.wire.waitFor(
      (e) => e.kind === 'frame' && e.dir === 'in' && e.message.Event === 'RequestDistributeUserEvent' && isProbe(e.message, id),
      `probe ${id} (RequestDistributeUserEvent) on a server`,
      o.timeoutMs,
      from,
    )) as WireEntry & { kind: 'frame' };
    o.exchange.note('kit', seen.server, `probe ${id} arrived at ${seen.server} (${o.pair.primary === seen.server ? 'primary' : 'backup'})`);
    return seen;
  };
  /** The server's answer to a probe that arrived there: written after everything that server wrote before it, its role changes included. */
  const answerOnWire = (probe: WireEntry & { kind: 'frame' }, sentence: string): Promise<WireEntry & { kind: 'frame' }> =>
    o.pair.wire.waitFor(
      (e) => e.kind === 'frame' && e.dir === 'out' && e.server === probe.server && e.conn === probe.conn && e.message.ReferenceID === probe.message.ReferenceID && e.message.Event !== 'EventUserEvent',
      `${probe.server}'s answer to the probe (ReferenceID ${String(probe.message.ReferenceID)})`,
      o.timeoutMs,
      o.pair.wire.entries.indexOf(probe),
      sentence,
    ) as Promise<WireEntry & { kind: 'frame' }>;
  /**
   * Waits until the library told the application that answer (dispatched it with its
   * ReferenceID, or reported the request failed with an `error` line): from then on, the
   * library has read what that server wrote before it.
   */
  const answerDispatched = async (answer: WireEntry & { kind: 'frame' }, from: { app: number; errors: number }, sentence: string, also: (e: AppEntry) => boolean = () => false): Promise<void> => {
    const ref = answer.message.ReferenceID;
    const what = `${answer.server}'s ${answer.message.Event} (ReferenceID ${String(ref)}) to reach the application as an event or an error line, proving the library read what ${answer.server} wrote before it`;
    try {
      await Promise.any([
        o.bridge.app.waitFor((e) => also(e) || (e.server === o.pair.name(answer.server) && e.message.Event === answer.message.Event && e.message.ReferenceID === ref), what, o.timeoutMs, from.app, sentence),
        o.bridge.errors.waitFor(() => true, what, o.timeoutMs, from.errors, sentence),
      ]);
    } catch (e) {
      throw e instanceof AggregateError ? e.errors[0] : e;
    }
    read.set(answer.server, Math.max(read.get(answer.server) ?? -1, o.pair.wire.entries.indexOf(answer)));
  };
  const answer = async (op: string, fields: Record<string, unknown>, timeoutMs = o.timeoutMs): Promise<void> => {
    const a = await o.bridge.command(op, fields, timeoutMs);
    if (!a.ok) throw targetError(`the bridge could not ${op}${fields.dn ? ` ${String(fields.dn)}` : ''}: ${a.error ?? 'no reason given'}`);
  };
  const ctx: LibraryContext = {
    pair: o.pair,
    exchange: o.exchange,
    app: o.bridge.app,
    timeoutMs: o.timeoutMs,
    startupMs: o.startupMs,
    dns: o.dns,
    form: o.form,
    password: o.password,
    applicationName: o.applicationName,
    open: ({ backup = true } = {}) =>
      answer(
        'open',
        {
          primary: o.pair.address('A'),
          ...(backup && o.takesBackup ? { backup: o.pair.address('B') } : {}),
          applicationName: o.applicationName,
          ...(o.password !== undefined ? { password: o.password } : {}),
        },
        o.startupMs,
      ),
    register: async (dn) => {
      await answer('register', { dn });
      registered.push(dn);
    },
    close: () => {
      closed = true;
      return answer('close', {});
    },
    settleChecks,
    afterSettle: (check) => void settleChecks.push(check),
    async settle(sentence) {
      const dn = registered[0];
      if (closed || dn === undefined) return;
      const from = { app: o.bridge.app.length, errors: o.bridge.errors.length };
      const seen = await probeEntry(dn);
      o.exchange.note('kit', seen.server, 'settle barrier: the attempt is judged on what the application was handed up to this probe\'s answer');
      const reply = await answerOnWire(seen, sentence);
      const id = (seen.message.UserData as Array<[string, unknown]>).find(([k]) => k === PROBE_KEY)?.[1] as string;
      // The answer (EventACK or EventError) told to the application, or the probe's own EventUserEvent: both were written after everything before them.
      await answerDispatched(reply, from, sentence, (e) => e.message.Event === 'EventUserEvent' && isProbe(e.message, id));
    },
    async probe(dn) {
      return (await probeEntry(dn)).server;
    },
    async probeUntil(server, dn, sentence, why) {
      // Not a budget of probes (that would be a clock: a library that reads late would fail). A probe that goes
      // elsewhere is forgiven while a role change is unread; the kit then waits until the application was handed
      // that server's answer to it, and the EventPrimaryChanged still unread: from then on every probe must reach `server`.
      const path: ServerName[] = [];
      let run = 0;
      let forgiven = 0;
      while (run <= STAY_PROBES) {
        const appFrom = { app: o.bridge.app.length, errors: o.bridge.errors.length };
        const seen = await probeEntry(dn);
        path.push(seen.server);
        if (seen.server === server) {
          run++;
          continue;
        }
        run = 0;
        const reply = await answerOnWire(seen, sentence);
        const pending = unread();
        if (pending.length === 0 || ++forgiven > MAX_FORGIVEN) {
          throw violation(
            `after ${why}, a request went to ${seen.server} although the library had read every role change (the application was handed what each server wrote after it): requests went to ${path.join(', ')}`,
            `every request to ${server}, the primary now, once the library has read the role changes`,
            `requests to ${path.join(', ')}`,
            undefined,
            sentence,
          );
        }
        o.exchange.note('kit', seen.server, `probe forgiven: unread role change from ${pending.map((p) => `${p.server} (${p.last.Event})`).join(', ')}`);
        await answerDispatched(reply, appFrom, sentence);
        for (const p of pending) {
          if (p.last.Event !== 'EventPrimaryChanged') continue;
          const written = o.pair.wire.entries.filter((e) => outFrom(p.server)(e) && e.message.Event === 'EventPrimaryChanged').length;
          await o.bridge.app.waitFor(
            (e) => appEvent('EventPrimaryChanged', o.pair.name(p.server))(e) && o.bridge.app.entries.filter(appEvent('EventPrimaryChanged', o.pair.name(p.server))).length >= written,
            `${p.server}'s EventPrimaryChanged to reach the application`,
            o.timeoutMs,
            0,
            sentence,
          );
        }
      }
    },
    waitApp: (match, what, sentence, from = 0) => o.bridge.app.waitFor(match, `${what} to reach the application`, o.timeoutMs, from, sentence),
    waitWire: (match, what, sentence, from = 0, timeoutMs = o.timeoutMs) => o.pair.wire.waitFor(match, what, timeoutMs, from, sentence),
    note: (text) => void o.exchange.note('kit', 'script', text),
  };
  return ctx;
}
