/**
 * Before the first library scenario: one bridge opens the library against a
 * scripted pair and closes it. A bridge that cannot do that stops the run
 * with one line (exit 2), as a server target's preflight does, instead of
 * failing every scenario the same way.
 */
import { Exchange } from '../message-path/exchange.js';
import { Bridge } from './bridge.js';
import type { UserDataForm } from './forms.js';
import { ScriptedPair } from './scripted-pair.js';

export class LibraryPreflightError extends Error {
  override readonly name = 'LibraryPreflightError';
}

export async function libraryPreflight(o: { command: string; form: UserDataForm; password?: string; startupMs: number; timeoutMs: number }): Promise<void> {
  const exchange = new Exchange('preflight');
  const pair = await ScriptedPair.start({ form: o.form, exchange, ...(o.password !== undefined ? { password: o.password } : {}) });
  const bridge = new Bridge(o.command, exchange);
  try {
    const opened = await bridge.command('open', { primary: pair.address('A'), applicationName: 'tlib-kit-preflight', ...(o.password !== undefined ? { password: o.password } : {}) }, o.startupMs);
    if (!opened.ok) throw new LibraryPreflightError(`the bridge could not open the library: ${opened.error ?? 'no reason given'}`);
    const closed = await bridge.command('close', {}, o.timeoutMs);
    if (!closed.ok) throw new LibraryPreflightError(`the bridge could not close the library: ${closed.error ?? 'no reason given'}`);
  } catch (e) {
    if (e instanceof LibraryPreflightError) throw e;
    const log = bridge.logTail;
    throw new LibraryPreflightError(`${(e as Error).message}${log.length && !(e as Error).message.includes('log:') ? `; log: ${log.join('; ')}` : ''}`);
  } finally {
    await bridge.close();
    await pair.close();
  }
}
