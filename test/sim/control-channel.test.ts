import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useSim } from './fixture.js';
import { registerDn } from './wire-client.js';

const f = useSim();

/** A JSON-lines control connection: send a line, get the parsed answer line. */
async function controlClient(port: number) {
  const socket = connect({ port, host: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.setEncoding('utf8');
  const answers: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let buffered = '';
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      const w = waiting.shift();
      if (w) w(line);
      else answers.push(line);
    }
  });
  const next = () => new Promise<string>((resolve) => (answers.length ? resolve(answers.shift()!) : waiting.push(resolve)));
  return {
    async send(line: string): Promise<Record<string, unknown>> {
      socket.write(`${line}\n`);
      return JSON.parse(await next()) as Record<string, unknown>;
    },
    close: () => socket.destroy(),
  };
}

describe('control channel', () => {
  it('performs the SimControl actions and answers each line in order', async () => {
    const sim = await f.start({ controlPort: 0 });
    const ctl = await controlClient(sim.control!.port);
    try {
      const onBackup = await f.client(sim.backup!.port);
      await registerDn(onBackup, '7001');
      expect(await ctl.send('{"action":"setLink","server":"backup","up":false}')).toEqual({ ok: true });
      expect(await ctl.send('{"action":"switchover"}')).toEqual({ ok: true });
      await onBackup.waitFor((m) => m.Event === 'EventPrimaryChanged');
      const state = await ctl.send('{"action":"state"}');
      expect(state).toMatchObject({ ok: true, state: { primary: 'b', links: { a: true, b: false }, switchovers: 1 } });
      const call = await ctl.send('{"action":"addCall","ThisDN":"7001"}');
      expect(call.connId).toMatch(/^[0-9a-f]{16}$/);
      expect(await ctl.send(`{"action":"switchFault","kind":"checksum","ConnID":"${String(call.connId)}"}`)).toEqual({ ok: true });
      expect(await onBackup.waitFor((m) => m.Event === 'EventHardwareError')).toMatchObject({ ConnID: call.connId, ThisDN: '7001' });
      expect(await ctl.send('{"action":"backupConnected"}')).toEqual({ ok: true });
      expect(await ctl.send('{"action":"setDefect","name":"missing-time","on":true}')).toEqual({ ok: true });
      expect(sim.ctl.state().defects).toEqual(['missing-time']);
    } finally {
      ctl.close();
    }
  });

  it('answers bad lines with ok:false and a reason, and keeps the connection', async () => {
    const sim = await f.start({ pair: false, controlPort: 0 });
    const ctl = await controlClient(sim.control!.port);
    try {
      expect(await ctl.send('not json')).toMatchObject({ ok: false, error: expect.stringContaining('JSON object') });
      expect(await ctl.send('{"action":"explode"}')).toMatchObject({ ok: false, error: expect.stringContaining('unknown action "explode"') });
      expect(await ctl.send('{"action":"switchover"}')).toMatchObject({ ok: false, error: expect.stringContaining('without a backup') });
      expect(await ctl.send('{"action":"setLink","server":"middle","up":true}')).toMatchObject({ ok: false, error: expect.stringContaining('"primary" or "backup"') });
      expect(await ctl.send('{"action":"switchFault","kind":"fire"}')).toMatchObject({ ok: false });
      expect(await ctl.send('{"action":"setDefect","name":"nope","on":true}')).toMatchObject({ ok: false, error: expect.stringContaining('unknown defect') });
      expect(await ctl.send('{"action":"addCall","ThisDN":"7001","ConnID":"XYZ"}')).toMatchObject({ ok: false, error: expect.stringContaining('16 lowercase hex') });
      expect(await ctl.send('{"action":"state"}')).toMatchObject({ ok: true });
    } finally {
      ctl.close();
    }
  });
});
