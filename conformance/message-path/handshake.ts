/**
 * The opening of every client session: RequestRegisterClient, answered by
 * EventServerConnected (spec/wire-format.md). A server that refuses or stays
 * silent ends the scenario before any rule is judged.
 */
import type { RawClient } from './wire-client.js';
import { answersTo } from '../../src/registry.js';

export interface RegisterOptions {
  /** The profile's credentials. */
  password?: string;
  /** Opening a session (a bridge process starting, a server accepting) gets this long, not the step timeout. */
  startupMs: number;
}

export async function registerClient(client: RawClient, applicationName: string, o: RegisterOptions): Promise<void> {
  const request = { Event: 'RequestRegisterClient', ApplicationName: applicationName, ...(o.password !== undefined ? { ApplicationPassword: o.password } : {}) } as const;
  await client.call(request, answersTo('RequestRegisterClient')[0]!, o.startupMs);
}
