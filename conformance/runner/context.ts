/**
 * Builds the ScenarioContext of one scenario run over a target session, and
 * tears down everything the run opened, whatever way it ended.
 */
import type { Message } from '../../src/codec/types.js';
import { resourceKey, type Ledger } from '../rules/attribution.js';
import type { Exchange } from '../message-path/exchange.js';
import { targetError, type ConformanceError } from '../model/failure.js';
import { registerClient } from '../message-path/handshake.js';
import { LogTail } from '../message-path/log-tail.js';
import type { Profile } from '../profile/model.js';
import type { Lease } from '../profile/pool.js';
import { callObtainer, leasedResources } from './resources.js';
import type { AppView, Control, ScenarioContext, ServerSide, Violation } from '../model/scenario.js';
import { addressTypeOf } from '../profile/address-type.js';
import { recordedControl, type ControlChanges, type TargetSession } from '../targets/target.js';
import { RawClient } from '../message-path/wire-client.js';

export type ValidateFn = (m: Message, context?: { request?: Message; strictTables?: boolean }) => Violation[];

export interface ContextOptions {
  scenarioId: string;
  session: TargetSession;
  exchange: Exchange;
  validate: ValidateFn;
  timeoutMs: number;
  quietMs: number;
  /** How long opening a session may take (connect, bridge start, EventServerConnected). */
  startupMs: number;
  profile: Profile;
  lease: Lease;
  firstReferenceId: number;
  /** Where what the scenario's clients receive is attributed, and where violations of other scenarios go. */
  ledger: Ledger;
  /** The observers' barrier, run once the pair is put back and before the session is released. */
  settleObservers?: () => Promise<void>;
  /**
   * After changing a shared pair (and putting it back), how long the scenario keeps its exclusive
   * lease before its verdict: a server may report a pair change late, with nothing in the event
   * naming the change, so it is charged to the scenario that made it only while no other can change the pair.
   */
  pairSettleMs?: number;
}

export interface RunContext {
  ctx: ScenarioContext;
  /** Behaviours recorded with ctx.seen(), then the attributes outside the tables. */
  seen: string[];
  /** Attributes the target sent outside an event's table, by event (accepted: spec/conformance-decisions.md). */
  outsideTables(): Record<string, string[]>;
  /** The last log lines (a bridge's stderr) of each session that wrote any, for the verdict. */
  logTails(): string[];
  /** The first rule a received message broke, on any client of the run. */
  violation(): ConformanceError | undefined;
  /**
   * A barrier on every client still open: what the server sent after the
   * answers the scenario awaited (a trailing answer, a late copy) is read
   * and judged before the verdict.
   */
  settle(): Promise<void>;
  /** Closes what the run opened; the application views stay open while checks wait for the run's settle window. */
  dispose(): Promise<void>;
  /** When the first check waiting for the run's settle window was registered (performance.now()), if any. */
  readonly waitingSince: number | undefined;
  /** Runs the checks that waited for the run's settle window (none when `judge` is false), then closes what they kept open. */
  finishWaiting(judge: boolean): Promise<void>;
}

const NO_CONTROL: Control = {
  switchover: () => Promise.reject(targetError('this target has no control hook')),
  setLink: () => Promise.reject(targetError('this target has no control hook')),
  fault: () => Promise.reject(targetError('this target has no control hook')),
  call: () => Promise.reject(targetError('the profile obtains calls through the control hook, and this target has none: give --control')),
};

export function createContext(o: ContextOptions): RunContext {
  const clients: RawClient[] = [];
  const apps: AppView[] = [];
  const seen: string[] = [];
  const waiting: Array<() => Promise<void>> = [];
  let waitingSince: number | undefined;
  let referenceId = o.firstReferenceId;
  const nextReferenceId = (): number => (referenceId = (referenceId + 1) >>> 0);
  const changes: ControlChanges = { switchovers: 0, links: false };
  const control = o.session.control ? attributedControl(recordedControl(o.session.control, o.exchange, changes), o.ledger, o.scenarioId) : NO_CONTROL;
  const resources = leasedResources(o.lease, o.scenarioId, o.profile);
  const password = o.profile.credentials?.applicationPassword;
  const tails = new Map<string, LogTail>();
  // No sentence forbids attributes an event's table does not list: the open reading, recording what came.
  const validate: ValidateFn = (m, c) => o.validate(m, { ...c, strictTables: false });
  const outside = new Map<string, Set<string>>();
  const onOutside = (event: string, names: readonly string[]): void => {
    const known = outside.get(event) ?? new Set<string>();
    names.forEach((n) => known.add(n));
    outside.set(event, known);
  };
  const logTo = (name: string, where: string) => (line: string) => {
    o.exchange.note(name, where, line);
    const tail = tails.get(name) ?? new LogTail();
    tail.push(line);
    tails.set(name, tail);
  };

  const ctx: ScenarioContext = {
    timeoutMs: o.timeoutMs,
    quietMs: o.quietMs,
    control,
    validate,
    address: (server) => o.session.address?.(server),
    resources,
    obtainCall: callObtainer(o.profile, o.lease, resources, control, o.scenarioId),
    seen: (behaviour) => void seen.push(behaviour),
    whenRunSettled: (check) => {
      waitingSince ??= performance.now();
      waiting.push(check);
    },
    note: (text) => void o.exchange.note('runner', 'runner', text),
    client: async (name, server: ServerSide = 'primary') => {
      const transport = await o.session.connect(server, logTo(name, server));
      const client = new RawClient({
        name,
        server,
        transport,
        exchange: o.exchange,
        nextReferenceId,
        timeoutMs: o.timeoutMs,
        quietMs: o.quietMs,
        addressType: addressTypeOf(o.profile),
        judge: validate,
        onOutside,
        // A client of this scenario receives nothing unattributed that another scenario owns, so what nobody owns is its own.
        attribution: { ledger: o.ledger, scenarioId: o.scenarioId, orphan: () => undefined },
      });
      clients.push(client);
      await registerClient(client, `tlib-kit-${name}`, { startupMs: o.startupMs, ...(password !== undefined ? { password } : {}) });
      return client;
    },
    app: async (name) => {
      const app = await o.session.openApp({ name, exchange: o.exchange, timeoutMs: o.timeoutMs, quietMs: o.quietMs, startupMs: o.startupMs, nextReferenceId, log: logTo(name, 'bridge'), ...(password !== undefined ? { password } : {}) });
      apps.push(app);
      return app;
    },
  };

  return {
    ctx,
    seen,
    outsideTables: () => Object.fromEntries([...outside].sort(([a], [b]) => a.localeCompare(b)).map(([e, names]) => [e, [...names].sort()])),
    logTails: () => [...tails].map(([name, tail]) => `${name}: ${tail.quote()}`),
    violation: () => clients.map((c) => c.violation).find((v) => v !== undefined),
    settle: async () => {
      await Promise.all(clients.filter((c) => !c.isClosed).map((c) => c.sync().catch((e: unknown) => (c.isClosed ? undefined : Promise.reject(e)))));
    },
    get waitingSince() {
      return waitingSince;
    },
    finishWaiting: async (judge) => {
      try {
        if (judge) for (const check of waiting) await check();
      } finally {
        await Promise.allSettled(apps.map((a) => a.close()));
        await o.session.release();
      }
    },
    dispose: async () => {
      clients.forEach((c) => c.close());
      if (waiting.length === 0) await Promise.allSettled(apps.map((a) => a.close()));
      try {
        if (o.session.restore && (changes.switchovers % 2 === 1 || changes.links || changes.failed)) {
          o.exchange.note('runner', 'control', 'control: restoring the pair for the next scenario (links up, original primary)');
          await o.session.restore(changes);
        }
        const changed = changes.switchovers > 0 || changes.links || changes.failed === true;
        if (changed && o.pairSettleMs) {
          o.exchange.note('runner', 'control', `control: keeping the pair ${o.pairSettleMs} ms for what its change sends late`);
          await new Promise((r) => setTimeout(r, o.pairSettleMs));
        }
        // After the pair is put back: what the switch-back sent the observers is this scenario's too.
        await o.settleObservers?.();
      } finally {
        if (waiting.length === 0) await o.session.release();
      }
    },
  };
}

/** Pair changes and calls the scenario makes, in the ledger: what follows from them is this scenario's. */
function attributedControl(control: Control, ledger: Ledger, scenarioId: string): Control {
  return {
    switchover: () => (ledger.changedPair(scenarioId), control.switchover()),
    setLink: (server, up) => (ledger.changedPair(scenarioId), control.setLink(server, up)),
    fault: (kind, where) => control.fault(kind, where),
    call: async (where) => {
      const connId = await control.call(where);
      ledger.lease(scenarioId, [resourceKey('call', connId)]);
      return connId;
    },
  };
}
