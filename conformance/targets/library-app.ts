/**
 * The application view through this kit's own client library (TClient):
 * what its dispatch function delivers is what an application sees.
 */
import { TClient } from '../../src/client/index.js';
import { tapInternalEvents } from '../../src/client/internal-tap.js';
import { targetError } from '../model/failure.js';
import { Inbox } from '../message-path/inbox.js';
import type { AppView } from '../model/scenario.js';
import { appViewOf } from './app-view.js';
import type { AppViewOptions } from './target.js';
import type { TcpAddress } from '../message-path/transport.js';

export async function openLibraryApp(o: AppViewOptions, pair: { primary: TcpAddress; backup?: TcpAddress }, testDefects: readonly string[]): Promise<AppView> {
  const inbox = new Inbox(o.name, o.timeoutMs, o.quietMs, (text, waited) => o.exchange.wait(o.name, 'library', text, waited));
  const client = new TClient({
    primary: pair.primary,
    ...(pair.backup ? { backup: pair.backup } : {}),
    applicationName: `tlib-kit-${o.name}`,
    openTimeoutMs: o.startupMs,
    ...(o.password !== undefined ? { password: o.password } : {}),
    requestTimeoutMs: o.timeoutMs,
    reconnect: { enabled: false },
    onEvent: (m) => inbox.deliver(m, o.exchange.appEvent(o.name, m.Server ?? 'library', m)),
  });
  // The client defect (src/sim/defects/restore-connection-delivered.ts): what the library handles itself reaches the application too.
  if (testDefects.includes('restore-connection-delivered')) tapInternalEvents(client, (m) => inbox.deliver(m, o.exchange.appEvent(o.name, m.Server ?? 'library', m)));
  o.exchange.note(o.name, 'library', `application opens the client library${testDefects.length ? ` (defects: ${testDefects.join(', ')})` : ''}`);
  try {
    await client.open();
  } catch (e) {
    await client.close();
    throw targetError(`the client library could not open: ${e instanceof Error ? e.message : String(e)}`);
  }
  return appViewOf(inbox, () => client.close());
}

