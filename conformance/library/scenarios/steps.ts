/** Steps several library scenarios share. */
import type { Message } from '../../../src/codec/types.js';
import { isConformanceError, violation } from '../../model/failure.js';
import type { LibraryContext } from '../context.js';
import { appEvent, isProbe, PROBE_KEY } from '../context.js';
import { quote, S } from '../sentences.js';
import type { ServerName, WireEntry } from '../scripted-pair.js';

/** Opens the library (with the backup when it takes one) and registers the first DN; returns it. */
export async function openRegistered(ctx: LibraryContext, o: { backup?: boolean } = {}): Promise<string> {
  await ctx.open(o);
  const dn = ctx.dns[0]!;
  await ctx.register(dn);
  return dn;
}

const registeredOnB = (e: WireEntry): boolean => e.kind === 'frame' && e.dir === 'out' && e.server === 'B' && e.message.Event === 'EventServerConnected';

/**
 * Waits until the library holds a registered connection to B, the backup
 * (what "T-Library uses this information to try to connect to that server"
 * leads to): a switchover script is only meaningful once it does.
 */
export async function backupConnected(ctx: LibraryContext): Promise<void> {
  await ctx.waitWire(registeredOnB, 'the library to connect to the backup (B) and register there (EventServerConnected from B)', quote(S.userDataReference, S.userDataConnect), 0, ctx.startupMs);
}

/** The library open with a DN registered and connected to the backup as well: where every pair script starts. Returns the DN. */
export async function openWithBackup(ctx: LibraryContext): Promise<string> {
  const dn = await openRegistered(ctx);
  await backupConnected(ctx);
  return dn;
}

/**
 * The start of a switchover script: the library open with a DN registered and
 * connected to the backup, one server's frames held back from the first that
 * `hold` names (so the other's stream is read first), then `times`
 * switchovers. Returns the DN.
 */
export async function switchedOver(ctx: LibraryContext, o: { hold?: [ServerName, (m: Message) => boolean]; times?: number } = {}): Promise<string> {
  const dn = await openWithBackup(ctx);
  if (o.hold) ctx.pair.hold(...o.hold);
  for (let i = 0; i < (o.times ?? 1); i++) await ctx.pair.switchover();
  return dn;
}

/** Sends one probe and waits until the application gets its EventUserEvent: everything the primary sent before it was read. */
export async function probeRoundTrip(ctx: LibraryContext, dn: string): Promise<void> {
  const from = ctx.app.length;
  await ctx.probe(dn);
  await ctx.waitApp((e) => e.message.Event === 'EventUserEvent' && isProbe(e.message), 'the probe\'s EventUserEvent', quote(S.noEventLost), from);
}

/** Fails when an EventRestoreConnection reached the application (anywhere in this attempt). */
export function noRestoreConnectionDispatched(ctx: LibraryContext, sentence: string): void {
  const hit = ctx.app.find(appEvent('EventRestoreConnection'));
  if (hit) {
    throw violation(
      `EventRestoreConnection (ServerRole ${String(hit.message.ServerRole)}) from ${hit.server ?? 'an unnamed server'} reached the application`,
      'no EventRestoreConnection dispatched to the application',
      `EventRestoreConnection ServerRole ${String(hit.message.ServerRole)} dispatched`,
      undefined,
      sentence,
    );
  }
}

/** Fails when a probe's EventUserEvent reached the application twice (the kit's no-double rule). */
export function noProbeDoubled(ctx: LibraryContext): void {
  const seen = new Set<string>();
  for (const e of ctx.app.entries) {
    if (e.message.Event !== 'EventUserEvent') continue;
    const ud = e.message.UserData;
    const id = Array.isArray(ud) ? ud.find(([k]) => k === PROBE_KEY)?.[1] : undefined;
    if (typeof id !== 'string') continue;
    if (seen.has(id)) {
      throw violation(`the EventUserEvent of probe ${id} reached the application twice`, 'each probe\'s EventUserEvent at most once', `probe ${id} dispatched twice`, undefined, quote(S.noEventLost));
    }
    seen.add(id);
  }
}

/** A wait for something the sentence requires: nothing within the step timeout is the library's failure, not a slow step. */
export async function required<T>(wait: Promise<T>, failure: { message: string; expected: string; sentence: string }): Promise<T> {
  try {
    return await wait;
  } catch (e) {
    if (!isConformanceError(e) || e.code !== 'STEP_TIMEOUT') throw e;
    throw violation(failure.message, failure.expected, e.actual ?? 'nothing', undefined, failure.sentence);
  }
}
