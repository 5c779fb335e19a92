/**
 * What a library scenario's script works with: the scripted pair, the
 * bridge, and the steps every script is made of (open, register, probe,
 * wait for what the application or the servers saw). Every wait ends on an
 * observed message; the step timeout only ends a wait for a library that
 * never acts.
 */
import type { Message } from '../../src/index.js';
import type { Exchange } from '../exchange.js';
import { targetError, violation } from '../failure.js';
import type { AppEntry, Bridge } from './bridge.js';
import type { UserDataForm } from './forms.js';
import type { ScriptedPair, ServerName, WireEntry } from './scripted-pair.js';

export const PROBE_KEY = 'tlib-kit-probe';
/** Probes a library may send elsewhere while it reads a role change, before it must have settled. */
export const MAX_PROBES = 10;
/** Settled: this many probes after the first one in a row at the primary reach it too. */
export const STAY_PROBES = 3;

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
  /** Probes until STAY_PROBES + 1 in a row reach `server` (the primary), within MAX_PROBES + STAY_PROBES probes. */
  probeUntil(server: ServerName, dn: string, sentence: string, why: string): Promise<void>;
  /** Waits for an application event matching `match`, from index `from` of the application log. */
  waitApp(match: (e: AppEntry) => boolean, what: string, sentence: string, from?: number): Promise<AppEntry>;
  waitWire(match: (e: WireEntry) => boolean, what: string, sentence: string, from?: number, timeoutMs?: number): Promise<WireEntry>;
  note(text: string): void;
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
    register: (dn) => answer('register', { dn }),
    close: () => answer('close', {}),
    async probe(dn) {
      const id = `p${++probes}`;
      const from = o.pair.wire.length;
      const a = await o.bridge.command('request', { message: { Event: 'RequestDistributeUserEvent', ThisDN: dn, UserData: [[PROBE_KEY, id]] } }, o.timeoutMs);
      if (!a.ok) throw targetError(`the library refused request ${id}: ${a.error ?? 'no reason given'}`);
      const seen = await o.pair.wire.waitFor(
        (e) => e.kind === 'frame' && e.dir === 'in' && e.message.Event === 'RequestDistributeUserEvent' && isProbe(e.message, id),
        `probe ${id} (RequestDistributeUserEvent) on a server`,
        o.timeoutMs,
        from,
      );
      o.exchange.note('kit', seen.server, `probe ${id} arrived at ${seen.server} (${o.pair.primary === seen.server ? 'primary' : 'backup'})`);
      return seen.server;
    },
    async probeUntil(server, dn, sentence, why) {
      // A library may still be reading what the servers wrote when a probe goes out, so a probe to the other
      // server is forgiven while it settles; it must settle: STAY_PROBES + 1 in a row at `server`, within the budget.
      const path: ServerName[] = [];
      let run = 0;
      while (run <= STAY_PROBES && path.length < MAX_PROBES + STAY_PROBES) {
        const at = await ctx.probe(dn);
        path.push(at);
        run = at === server ? run + 1 : 0;
      }
      if (run <= STAY_PROBES) {
        throw violation(
          `after ${why}, the library's requests did not settle on ${server}, the primary: ${path.length} requests went to ${path.join(', ')}`,
          `${STAY_PROBES + 1} requests in a row to ${server}, the primary now`,
          `requests to ${path.join(', ')}`,
          undefined,
          sentence,
        );
      }
    },
    waitApp: (match, what, sentence, from = 0) => o.bridge.app.waitFor(match, `${what} to reach the application`, o.timeoutMs, from, sentence),
    waitWire: (match, what, sentence, from = 0, timeoutMs = o.timeoutMs) => o.pair.wire.waitFor(match, what, timeoutMs, from, sentence),
    note: (text) => void o.exchange.note('kit', 'script', text),
  };
  return ctx;
}
