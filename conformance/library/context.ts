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
/** Probes a library gets to show it reached the primary, where it may not yet have read the role change. */
export const MAX_PROBES = 10;
/** Probes after that which must reach the same server. */
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
  /** Probes until one reaches `server` (at most MAX_PROBES), then STAY_PROBES more that must reach it too. */
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
      const path: ServerName[] = [];
      while (path.length < MAX_PROBES && path[path.length - 1] !== server) path.push(await ctx.probe(dn));
      if (path[path.length - 1] !== server) {
        throw violation(`after ${why}, ${MAX_PROBES} requests in a row went to ${path.join(', ')}, never to ${server}, the primary`, `requests to ${server}, the primary now`, `requests to ${path.join(', ')}`, undefined, sentence);
      }
      for (let i = 0; i < STAY_PROBES; i++) {
        const at = await ctx.probe(dn);
        path.push(at);
        if (at !== server) {
          throw violation(`after ${why}, a request reached ${server}, the primary, then a later one went to ${at}`, `every later request to ${server}`, `requests to ${path.join(', ')}`, undefined, sentence);
        }
      }
    },
    waitApp: (match, what, sentence, from = 0) => o.bridge.app.waitFor(match, `${what} to reach the application`, o.timeoutMs, from, sentence),
    waitWire: (match, what, sentence, from = 0, timeoutMs = o.timeoutMs) => o.pair.wire.waitFor(match, what, timeoutMs, from, sentence),
    note: (text) => void o.exchange.note('kit', 'script', text),
  };
  return ctx;
}
