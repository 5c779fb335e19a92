/** Bad options are refused up front with INVALID_OPTIONS and a sentence naming the option. */
import { describe, expect, it } from 'vitest';
import { TClient, type TClientOptions } from '../../src/client/index.js';

const base: TClientOptions = { primary: 'tcp://127.0.0.1:7000', applicationName: 'app' };

function refusal(options: unknown): { code?: string; message: string } {
  try {
    new TClient(options as TClientOptions);
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('the options were accepted');
}

describe('TClient options', () => {
  it.each([
    [{ ...base, primary: 'tcp://127.0.0.1' }, 'primary'],
    [{ ...base, primary: { host: '', port: 7000 } }, 'host'],
    [{ ...base, backup: 'h:70000' }, 'port'],
    [{ ...base, applicationName: '' }, 'applicationName'],
    [{ ...base, requestTimeoutMs: 0 }, 'requestTimeoutMs'],
    [{ ...base, reconnect: { retryDelaysMs: [] } }, 'retryDelaysMs'],
    [{ ...base, reconnect: { maxPasses: 0 } }, 'maxPasses'],
  ])('refuses %j', (options, mentioned) => {
    const error = refusal(options);
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.message).toContain(mentioned);
  });

  it('accepts the three endpoint spellings and names them host:port', () => {
    for (const primary of ['tcp://127.0.0.1:7000', '127.0.0.1:7000', { host: '127.0.0.1', port: 7000 }]) {
      expect(new TClient({ ...base, primary }).pool.map((e) => e.name)).toEqual(['127.0.0.1:7000']);
    }
    expect(new TClient({ ...base, primary: 'tcp://[::1]:7000' }).pool[0]).toMatchObject({ host: '::1', name: '[::1]:7000' });
  });
});
