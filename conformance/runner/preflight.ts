/**
 * Before any scenario: can the run work at all? One session registers once
 * (on each server of a pair), the control hook performs a harmless action,
 * report paths are writable. A broken harness gives one line naming the
 * cause instead of a suite of verdicts that blame the target for it.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Exchange } from '../message-path/exchange.js';
import { isConformanceError } from '../model/failure.js';
import { registerClient } from '../message-path/handshake.js';
import { LogTail } from '../message-path/log-tail.js';
import type { LoadedProfile } from '../profile/model.js';
import { profileUnmet } from '../profile/supports.js';
import type { Need, ServerSide } from '../model/scenario.js';
import type { Target, TargetSession } from '../targets/target.js';
import { RawClient } from '../message-path/wire-client.js';

export class PreflightError extends Error {
  override readonly name = 'PreflightError';
}

export interface PreflightOptions {
  target: Target;
  profile: LoadedProfile;
  timeoutMs: number;
  startupMs: number;
  /** Report files the run will write, with the option that names each: [["--json", "out.json"]]. */
  reports: Array<[option: string, path: string]>;
}

export async function preflight(o: PreflightOptions): Promise<void> {
  for (const [option, path] of o.reports) await checkWritable(option, path);
  const session = await o.target.session().catch((e: unknown) => {
    throw new PreflightError(`the target could not be opened: ${messageOf(e)}`);
  });
  try {
    const can = (need: Need): boolean => o.target.unmet(need) === undefined && profileUnmet(need, o.profile) === undefined;
    await register(session, 'primary', o);
    if (can('pair')) await register(session, 'backup', o);
    if (session.control && can('control:link')) {
      // Links up is the state every scenario starts from: harmless, and it proves the hook runs.
      await session.control.setLink('primary', true).catch((e: unknown) => {
        throw new PreflightError(`the control hook failed: ${messageOf(e)}`);
      });
    }
  } finally {
    await session.release();
  }
}

async function register(session: TargetSession, role: ServerSide, o: PreflightOptions): Promise<void> {
  const log = new LogTail();
  const exchange = new Exchange('preflight');
  let client: RawClient | undefined;
  try {
    const transport = await session.connect(role, (line) => log.push(line));
    client = new RawClient({ name: 'preflight', server: role, transport, exchange, nextReferenceId: () => 1, timeoutMs: o.timeoutMs, quietMs: 0 });
    const password = o.profile.profile.credentials?.applicationPassword;
    await registerClient(client, 'tlib-kit-preflight', { startupMs: o.startupMs, ...(password !== undefined ? { password } : {}) });
  } catch (e) {
    const tail = log.quote();
    throw new PreflightError(`the ${role} did not register a client (RequestRegisterClient, then EventServerConnected): ${messageOf(e)}${tail ? `; log: ${tail}` : ''}${hint(e)}`);
  } finally {
    client?.close();
  }
}

/** A stream the codec cannot read is almost always a peer that speaks another protocol. */
function hint(e: unknown): string {
  return /unreadable stream/.test(messageOf(e)) ? ' (is this a T-Server speaking spec/wire-format.md?)' : '';
}

async function checkWritable(option: string, path: string): Promise<void> {
  const fail = (why: string): never => {
    throw new PreflightError(`cannot write the ${option} report to ${path}: ${why}`);
  };
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) fail('it is a directory');
  if (existing) {
    await access(path, constants.W_OK).catch(() => fail('the file is not writable'));
    return;
  }
  // Missing folders are created when the report is written: the nearest existing one must be a writable directory.
  let where = dirname(path);
  let found = await stat(where).catch(() => undefined);
  while (!found && dirname(where) !== where) {
    where = dirname(where);
    found = await stat(where).catch(() => undefined);
  }
  if (!found?.isDirectory()) fail(`${where} is not a directory`);
  await access(where, constants.W_OK).catch(() => fail(`directory ${where} is not writable`));
}

function messageOf(e: unknown): string {
  const text = isConformanceError(e) || e instanceof Error ? e.message : String(e);
  return text.replace(/\s*\n\s*/g, ' ');
}
