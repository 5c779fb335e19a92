/**
 * Builds the ScenarioContext of one scenario run over a target session, and
 * tears down everything the run opened, whatever way it ended.
 */
import type { Message } from '../src/index.js';
import type { Exchange } from './exchange.js';
import { targetError, type ConformanceError } from './failure.js';
import { registerClient } from './handshake.js';
import type { AppView, Control, ScenarioContext, ServerSide, Violation } from './scenario.js';
import { recordedControl, type TargetSession } from './target.js';
import { RawClient } from './wire-client.js';

export type ValidateFn = (m: Message, context?: { request?: Message }) => Violation[];

export interface ContextOptions {
  scenarioId: string;
  session: TargetSession;
  exchange: Exchange;
  validate: ValidateFn;
  timeoutMs: number;
  quietMs: number;
  /** Distinguishes this run's DNs and ReferenceIDs from other runs sharing a server. */
  runTag: string;
  firstReferenceId: number;
}

export interface RunContext {
  ctx: ScenarioContext;
  /** Behaviours recorded with ctx.seen(). */
  seen: string[];
  /** The first rule a received message broke, on any client of the run. */
  violation(): ConformanceError | undefined;
  dispose(): Promise<void>;
}

const NO_CONTROL: Control = {
  switchover: () => Promise.reject(targetError('this target has no control hook')),
  setLink: () => Promise.reject(targetError('this target has no control hook')),
  fault: () => Promise.reject(targetError('this target has no control hook')),
};

export function createContext(o: ContextOptions): RunContext {
  const clients: RawClient[] = [];
  const apps: AppView[] = [];
  const seen: string[] = [];
  let referenceId = o.firstReferenceId;
  const nextReferenceId = (): number => (referenceId = (referenceId + 1) >>> 0);
  const slug = o.scenarioId.replace(/[^A-Za-z0-9]+/g, '-');

  const ctx: ScenarioContext = {
    timeoutMs: o.timeoutMs,
    quietMs: o.quietMs,
    control: o.session.control ? recordedControl(o.session.control, o.exchange) : NO_CONTROL,
    validate: o.validate,
    address: (server) => o.session.address?.(server),
    dn: (label) => `${label}-${slug}-${o.runTag}`,
    seen: (behaviour) => void seen.push(behaviour),
    note: (text) => void o.exchange.note('runner', 'runner', text),
    client: async (name, server: ServerSide = 'primary') => {
      const transport = await o.session.connect(server, (line) => o.exchange.note(name, server, line));
      const client = new RawClient({ name, server, transport, exchange: o.exchange, nextReferenceId, timeoutMs: o.timeoutMs, quietMs: o.quietMs, judge: o.validate });
      clients.push(client);
      await registerClient(client, `tlib-kit-${name}`);
      return client;
    },
    app: async (name) => {
      const app = await o.session.openApp({ name, exchange: o.exchange, timeoutMs: o.timeoutMs, quietMs: o.quietMs, nextReferenceId });
      apps.push(app);
      return app;
    },
  };

  return {
    ctx,
    seen,
    violation: () => clients.map((c) => c.violation).find((v) => v !== undefined),
    dispose: async () => {
      clients.forEach((c) => c.close());
      await Promise.allSettled(apps.map((a) => a.close()));
      await o.session.release();
    },
  };
}
