/**
 * The opening of every client session: RequestRegisterClient, answered by
 * EventServerConnected (spec/wire-format.md). A server that refuses or stays
 * silent ends the scenario before any rule is judged.
 */
import type { RawClient } from './wire-client.js';

export async function registerClient(client: RawClient, applicationName: string): Promise<void> {
  await client.call({ Event: 'RequestRegisterClient', ApplicationName: applicationName }, 'EventServerConnected');
}
