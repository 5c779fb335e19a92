/** A server that sends bytes the codec rejects: reported, connection closed, nothing thrown. */
import { describe, expect, it } from 'vitest';
import { ClientError, TClient } from '../../src/client/index.js';
import { encode } from '../../src/index.js';
import { clientOnFake } from './client-on-fake.js';
import type { FakeServer } from './fake-server.js';
import { next } from './helpers.js';

const open = clientOnFake();

function openQuiet(): Promise<{ server: FakeServer; client: TClient }> {
  return open((request) => (request.Event === 'RequestQueryLocation' ? [] : undefined), { applicationName: 'app', reconnect: { enabled: false } });
}

describe('malformed frames from the server', () => {
  it.each([
    ['an unknown value kind', Uint8Array.from([0, 0, 0, 4, 0x8a, 0x01, 0x02, 0xff]), 'UNKNOWN_KIND'],
    ['a length prefix above maxFrameBytes', Uint8Array.from([0x7f, 0xff, 0xff, 0xff]), 'FRAME_TOO_LARGE'],
  ])('reports %s as MALFORMED_FRAME with the TLibError, closes, and rejects pending requests', async (_what, bytes, tlibCode) => {
    const { server, client } = await openQuiet();
    const pending = client.queryLocation();
    await server.waitFor((m) => m.Event === 'RequestQueryLocation');
    const reported = next(client, 'error');
    const disconnected = next(client, 'disconnected');
    server.connections[0]!.sendRaw(bytes);
    const [error] = await reported;
    expect(error).toBeInstanceOf(ClientError);
    expect(error.code).toBe('MALFORMED_FRAME');
    const cause = (error as ClientError).cause as { name: string; code: string };
    expect(cause.name).toBe('TLibError');
    expect(cause.code).toBe(tlibCode);
    await expect(pending).rejects.toMatchObject({ code: 'DISCONNECTED' });
    const [info] = await disconnected;
    expect(info.reason).toContain('malformed frame');
    await server.connections[0]!.closed;
    expect(client.phase).toBe('down');
  });

  it('delivers the whole frames that shared a read with an oversize length prefix, then reports it', async () => {
    const { server, client } = await openQuiet();
    const pending = client.queryLocation();
    const request = await server.waitFor((m) => m.Event === 'RequestQueryLocation');
    const reported = next(client, 'error');
    const answer = encode({ Event: 'EventLocationInfo', ReferenceID: request.ReferenceID! });
    server.connections[0]!.sendRaw(Uint8Array.from([...answer, 0x7f, 0xff, 0xff, 0xff]));
    await expect(pending).resolves.toMatchObject({ Event: 'EventLocationInfo' });
    const [error] = await reported;
    expect((error as ClientError).code).toBe('MALFORMED_FRAME');
    expect(((error as ClientError).cause as { code: string }).code).toBe('FRAME_TOO_LARGE');
  });

  it('keeps working when an application listener throws, reporting LISTENER_FAILED', async () => {
    const { server, client } = await openQuiet();
    server.respond = (request) => (request.Event === 'RequestQueryAddress' ? undefined : []);
    const errors: Error[] = [];
    client.on('error', (e) => errors.push(e));
    client.on('event', () => {
      throw new Error('application bug');
    });
    const answer = await client.queryAddress('1001');
    expect(answer.Event).toBe('EventAddressInfo');
    expect(errors.map((e) => (e as ClientError).code)).toEqual(['LISTENER_FAILED']);
    expect(errors[0]!.message).toContain('application bug');
  });
});
