/**
 * The client's limits at their boundaries: requests waiting for an answer
 * (maxPendingRequests) and the frames it accepts from a server (the codec
 * limits it decodes with; the stream decoder buffers at most one frame of
 * maxFrameBytes, so this is also its bound on bytes buffered per connection).
 */
import { describe, expect, it } from 'vitest';
import { ClientError, TClient, isClientError } from '../../src/client/index.js';
import { encode, type Message } from '../../src/index.js';
import { clientOnFake, type ClientOnFake } from '../client/client-on-fake.js';
import { event } from '../client/fake-server.js';
import { next, until } from '../client/helpers.js';

const open = clientOnFake();

/** A server that answers registration and RequestQueryAddress (a fence) only, so every other request stays pending. */
function openSilent(options: { maxPendingRequests?: number; maxFrameBytes?: number }): Promise<ClientOnFake> {
  return open((request) => (request.Event === 'RequestRegisterClient' || request.Event === 'RequestQueryAddress' ? undefined : []), {
    applicationName: 'limits',
    reconnect: { enabled: false },
    maxPendingRequests: options.maxPendingRequests,
    limits: options.maxFrameBytes === undefined ? undefined : { maxFrameBytes: options.maxFrameBytes },
  });
}

describe('client limits', () => {
  it('maxPendingRequests: the limit-th request is sent, one more rejects TOO_MANY_PENDING without being sent', async () => {
    const { server, client } = await openSilent({ maxPendingRequests: 5 });
    const pending = Array.from({ length: 5 }, () => client.queryLocation().catch((e: unknown) => e));
    const over = await client.queryLocation().catch((e: unknown) => e);
    expect(isClientError(over, 'TOO_MANY_PENDING')).toBe(true);
    await until(() => server.received.filter((m) => m.Event === 'RequestQueryLocation').length === 5, undefined, 'five requests at the server');
    await client.close();
    const settled = await Promise.all(pending);
    expect(settled.every((e) => isClientError(e, 'CLOSED'))).toBe(true);
    expect(server.received.filter((m) => m.Event === 'RequestQueryLocation')).toHaveLength(5);
  });

  it('maxPendingRequests frees a slot when a request settles', async () => {
    const { client } = await openSilent({ maxPendingRequests: 1 });
    const first = client.request({ Event: 'RequestQueryLocation' }, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(isClientError(await client.queryLocation().catch((e: unknown) => e), 'TOO_MANY_PENDING')).toBe(true);
    expect(isClientError(await first, 'REQUEST_TIMEOUT')).toBe(true);
    const second = await client.request({ Event: 'RequestQueryLocation' }, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(isClientError(second, 'REQUEST_TIMEOUT')).toBe(true);
  });

  it('maxPendingRequests must be a positive integer', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(() => new TClient({ primary: '127.0.0.1:1', applicationName: 'x', maxPendingRequests: bad })).toThrow(ClientError);
    }
  });

  it('maxFrameBytes: a frame whose body is exactly the limit is dispatched, one byte more is MALFORMED_FRAME and a close', async () => {
    const frame = encode(event('EventUserEvent', { ThisDN: '7001', CustomerID: 'x'.repeat(200) }));
    const body = frame.length - 4;
    const { server, client, events } = await openSilent({ maxFrameBytes: body });
    server.connections[0]!.sendRaw(frame);
    await client.queryAddress('fence');
    expect(events.filter((e) => e.Event === 'EventUserEvent')).toHaveLength(1);

    const over = await openSilent({ maxFrameBytes: body - 1 });
    const reported = next(over.client, 'error');
    over.server.connections[0]!.sendRaw(frame);
    const [error] = await reported;
    expect(isClientError(error, 'MALFORMED_FRAME')).toBe(true);
    expect(((error as ClientError).cause as { code: string }).code).toBe('FRAME_TOO_LARGE');
    expect(over.events.filter((e) => e.Event === 'EventUserEvent')).toHaveLength(0);
  });
});
