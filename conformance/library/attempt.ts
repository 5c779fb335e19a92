/**
 * One attempt at one library scenario: a fresh scripted pair and a fresh
 * bridge, the script, the checks every scenario makes, and the verdict,
 * the way conformance/runner/run-case.ts turns a server scenario's end into one.
 */
import { Exchange, type RecordListener } from '../message-path/exchange.js';
import type { CaseResult } from '../report/report-model.js';
import { outcomeOf, withDeadline } from '../runner/run-case.js';
import { Bridge } from './bridge.js';
import { createLibraryContext } from './context.js';
import type { UserDataForm } from './forms.js';
import type { LibraryScenario } from './scenario.js';
import { ScriptedPair } from './scripted-pair.js';
import { everyEventHasServer } from './scenarios/server-attribute.js';
import { noProbeDoubled, noRestoreConnectionDispatched } from './scenarios/steps.js';
import { quote, S } from './sentences.js';

export interface LibraryAttemptOptions {
  command: string;
  timeoutMs: number;
  startupMs: number;
  dns: readonly string[];
  password: string | undefined;
  /** The UserData forms the profile says the library understands, first one the default. */
  forms: readonly UserDataForm[];
  takesBackup: boolean;
  /** Distinguishes attempts in application names. */
  attemptNo: number;
  onRecord?: RecordListener;
}

/** A script waits at most this many steps (each bounded by the step timeout) and openings. */
const DEADLINE_STEPS = 30;
const DEADLINE_OPENINGS = 3;

export function libraryUnmet(s: LibraryScenario, forms: readonly UserDataForm[]): string | undefined {
  if (s.form !== undefined && !forms.includes(s.form)) return `the profile's library.userDataForms does not claim "${s.form}" (it claims ${forms.join(', ') || 'none'})`;
  if (forms.length === 0) return "the profile's library.userDataForms claims no form, so the library cannot learn the backup";
  return undefined;
}

export async function attemptLibrary(s: LibraryScenario, o: LibraryAttemptOptions): Promise<CaseResult> {
  const base = { id: s.id, title: s.title, level: s.level, reference: s.reference };
  const unmet = libraryUnmet(s, o.forms);
  if (unmet) return { ...base, verdict: 'skip', reason: unmet, durationMs: 0, exchange: [] };
  const exchange = new Exchange(s.id, o.onRecord);
  const started = performance.now();
  const form = s.form ?? o.forms[0]!;
  let outcome: ReturnType<typeof outcomeOf>;
  let tail: string[] = [];
  let pair: ScriptedPair | undefined;
  let bridge: Bridge | undefined;
  try {
    pair = await ScriptedPair.start({
      form,
      exchange,
      ...(o.password !== undefined ? { password: o.password } : {}),
      ...(s.restoreAtRegistration !== undefined ? { restoreAtRegistration: s.restoreAtRegistration } : {}),
    });
    bridge = new Bridge(o.command, exchange);
    const ctx = createLibraryContext({
      pair,
      bridge,
      exchange,
      timeoutMs: o.timeoutMs,
      startupMs: o.startupMs,
      dns: o.dns,
      form,
      takesBackup: o.takesBackup,
      password: o.password,
      applicationName: `tlib-kit-lib-${o.attemptNo}`,
    });
    await withDeadline(
      (async () => {
        await s.run(ctx);
        await ctx.settle(quote(S.noEventLost));
      })(),
      o.timeoutMs * DEADLINE_STEPS + o.startupMs * DEADLINE_OPENINGS,
    );
    // Rules that hold wherever and whenever: checked on everything this attempt dispatched up to the settle barrier.
    for (const check of ctx.settleChecks) check();
    noRestoreConnectionDispatched(ctx, quote(S.restoreNotDelivered));
    everyEventHasServer(ctx);
    noProbeDoubled(ctx);
    outcome = { verdict: 'pass' };
  } catch (e) {
    outcome = outcomeOf(e);
  } finally {
    await bridge?.close();
    tail = bridge?.logTail ?? [];
    await pair?.close();
  }
  if (outcome.verdict !== 'pass' && tail.length) outcome = { ...outcome, reason: `${outcome.reason ?? outcome.verdict}; log: ${tail.join('; ')}` };
  return {
    ...base,
    ...outcome,
    seen: `UserData form ${form}`,
    durationMs: Math.round(performance.now() - started),
    exchange: exchange.records,
    ...(exchange.truncated ? { truncated: exchange.truncated } : {}),
  };
}
