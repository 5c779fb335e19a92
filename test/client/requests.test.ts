/** Request/answer correlation over real TCP against the scripted fake server. */
import { describe, expect, it } from 'vitest';
import { ClientError, TClient } from '../../src/client/index.js';
import type { Message } from '../../src/index.js';
import { clientOnFake, type ClientOnFake } from './client-on-fake.js';
import { event, type FakeServer } from './fake-server.js';
import { next } from './helpers.js';

const open = clientOnFake();

function openAgainst(respond?: FakeServer['respond'], requestTimeoutMs = 2000): Promise<ClientOnFake> {
  return open(respond, { applicationName: 'app', requestTimeoutMs });
}

describe('request correlation', () => {
  it('resolves each request with the answer carrying its ReferenceID when answers come in reverse order', async () => {
    const held: Message[] = [];
    const { server, client } = await openAgainst((request, connection) => {
      if (request.Event !== 'RequestDistributeEvent') return undefined;
      held.push(request);
      if (held.length === 3) for (const r of held.reverse()) connection.send(event('EventACK', { ReferenceID: r.ReferenceID, UserEvent: 49, Extensions: [['dn', r.ThisDN!]] }));
      return [];
    });
    const answers = await Promise.all(['1001', '1002', '1003'].map((dn) => client.sendEvent(dn)));
    expect(answers.map((a) => a.Extensions)).toEqual([[['dn', '1001']], [['dn', '1002']], [['dn', '1003']]]);
    const ids = server.received.filter((m) => m.Event === 'RequestDistributeEvent').map((m) => m.ReferenceID);
    expect(new Set(ids).size).toBe(3);
    expect(answers.map((a) => a.ReferenceID)).toEqual(ids);
  });

  it('fills Server with the endpoint "host:port" on every dispatched event, the answer included', async () => {
    const { server, client, events } = await openAgainst((request) =>
      request.Event === 'RequestSetInputMask' ? [event('EventACK', { ReferenceID: request.ReferenceID })] : undefined,
    );
    const answer = await client.setInputMask(new Uint8Array(64));
    expect(answer.Server).toBe(server.name);
    expect(events.map((e) => e.Event)).toEqual(['EventServerConnected', 'EventACK']);
    expect(events.every((e) => e.Server === server.name)).toBe(true);
    expect(client.server).toBe(server.name);
  });

  it('rejects with REQUEST_FAILED carrying the EventError, or resolves with it on request', async () => {
    const { client } = await openAgainst((request) =>
      request.Event === 'RequestQueryCall' ? [event('EventError', { ReferenceID: request.ReferenceID, ErrorCode: 42, ErrorMessage: 'no such call' })] : undefined,
    );
    const failure = await client.queryCall('00000000000000aa').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ClientError);
    expect((failure as ClientError).code).toBe('REQUEST_FAILED');
    expect((failure as ClientError).event?.ErrorCode).toBe(42);
    expect((failure as ClientError).message).toContain('no such call');
    const resolved = await client.request({ Event: 'RequestQueryCall', ConnID: '00000000000000ab' }, { resolveOnError: true });
    expect(resolved.Event).toBe('EventError');
  });

  it('ignores events of other types carrying the ReferenceID when `expect` narrows the answer', async () => {
    const { client, events } = await openAgainst((request) =>
      request.Event === 'RequestReserveAgent'
        ? [event('EventPrivateInfo', { ReferenceID: request.ReferenceID, PrivateEvent: 1 }), event('EventAgentReserved', { ReferenceID: request.ReferenceID, AgentID: 'a1' })]
        : undefined,
    );
    const answer = await client.reserveAgent({ AgentID: 'a1' });
    expect(answer.Event).toBe('EventAgentReserved');
    expect(events.map((e) => e.Event)).toContain('EventPrivateInfo');
  });

  it('times out with REQUEST_TIMEOUT, and the late answer is still dispatched', async () => {
    let late: (() => void) | undefined;
    const { client, events } = await openAgainst((request, connection) => {
      if (request.Event !== 'RequestPrivateService') return undefined;
      late = () => connection.send(event('EventACK', { ReferenceID: request.ReferenceID }));
      return [];
    });
    const started = Date.now();
    const timedOut = await client.request({ Event: 'RequestPrivateService', ThisDN: '1001', PrivateEvent: 7 }, { timeoutMs: 50 }).catch((e: ClientError) => e);
    expect(timedOut).toBeInstanceOf(ClientError);
    expect((timedOut as ClientError).code).toBe('REQUEST_TIMEOUT');
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
    late!();
    await next(client, 'event');
    expect(events.at(-1)?.Event).toBe('EventACK');
  });

  it('rejects pending requests with DISCONNECTED when the server drops the connection', async () => {
    const { server, client } = await openAgainst((request) => (request.Event === 'RequestQueryLocation' ? [] : undefined));
    const pending = client.queryLocation();
    await server.waitFor((m) => m.Event === 'RequestQueryLocation');
    server.connections[0]!.destroy();
    await expect(pending).rejects.toMatchObject({ code: 'DISCONNECTED' });
  });

  it('refuses a ReferenceID already waiting, a request while not open, and a message that cannot be encoded', async () => {
    const idle = new TClient({ primary: '127.0.0.1:1', applicationName: 'app' });
    await expect(idle.queryLocation()).rejects.toMatchObject({ code: 'NOT_OPEN' });
    const { client } = await openAgainst((request) => (request.Event === 'RequestQueryLocation' ? [] : undefined));
    const first = client.request({ Event: 'RequestQueryLocation', ReferenceID: 77 }, { timeoutMs: 200 });
    await expect(client.request({ Event: 'RequestQueryLocation', ReferenceID: 77 })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(first).rejects.toMatchObject({ code: 'REQUEST_TIMEOUT' });
    await expect(client.request({ Event: 'RequestQueryCall', ConnID: 'not-hex' })).rejects.toMatchObject({ name: 'TLibError', code: 'INVALID_MESSAGE' });
    await expect(client.registerAddress('')).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('rejects pending requests with CLOSED on close()', async () => {
    const { server, client } = await openAgainst((request) => (request.Event === 'RequestQueryLocation' ? [] : undefined));
    const pending = client.queryLocation();
    // On the wire and unanswered: pending by the server's own account, not after a pause.
    await server.waitFor((m) => m.Event === 'RequestQueryLocation');
    await client.close();
    await expect(pending).rejects.toMatchObject({ code: 'CLOSED' });
    expect(client.phase).toBe('closed');
  });
});
