/**
 * A TClient opened against a fresh fake server, both closed after each test
 * of the file that asked for them, so no test leaks a socket into the next.
 */
import { afterEach } from 'vitest';
import { TClient, type TClientOptions } from '../../src/client/index.js';
import type { Message } from '../../src/index.js';
import { startFakeServer, type FakeServer } from './fake-server.js';

export interface ClientOnFake {
  server: FakeServer;
  client: TClient;
  /** Every event the client delivered to onEvent, in order. */
  events: Message[];
}

export type OpenClientOnFake = (respond?: FakeServer['respond'], options?: Omit<TClientOptions, 'primary' | 'onEvent'>) => Promise<ClientOnFake>;

/** Call at the top of a test file; returns the opener its tests use. */
export function clientOnFake(): OpenClientOnFake {
  const opened: Array<{ server: FakeServer; client?: TClient }> = [];
  afterEach(async () => {
    for (const { server, client } of opened.splice(0)) {
      await client?.close();
      await server.close();
    }
  });
  return async (respond, options = { applicationName: 'app' }) => {
    const server = await startFakeServer({ respond });
    const entry: { server: FakeServer; client?: TClient } = { server };
    opened.push(entry);
    const events: Message[] = [];
    const client = new TClient({ ...options, primary: server.name, onEvent: (e) => events.push(e) });
    entry.client = client;
    await client.open();
    return { server, client, events };
  };
}
