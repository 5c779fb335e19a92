#!/usr/bin/env node
/**
 * The library bridge for this kit's own client, tlib-kit/client
 * (spec/library-bridge-contract.md). Certify it with:
 *
 *   tlib-kit conform --library "exec:node examples/tclient-bridge.mjs"
 *
 * A bridge for another library keeps this shape: read JSON lines from stdin,
 * drive the library, write one `event` line per event the library dispatches
 * to the application, one `error` line per error it reports, and one answer
 * per command.
 */
import { createInterface } from 'node:readline';
import { TClient } from 'tlib-kit/client';
import { toJSON } from 'tlib-kit';

const write = (obj) => process.stdout.write(`${JSON.stringify(obj)}\n`);
const log = (text) => process.stderr.write(`${text}\n`);

let client;

async function perform(cmd) {
  switch (cmd.op) {
    case 'open': {
      client = new TClient({
        primary: cmd.primary,
        ...(cmd.backup ? { backup: cmd.backup } : {}),
        applicationName: cmd.applicationName,
        ...(cmd.password !== undefined ? { password: cmd.password } : {}),
        // The dispatch function: what the application sees, Server as the client filled it in ("host:port").
        onEvent: (event) => write({ event: toJSON(event), server: event.Server }),
      });
      client.on('error', (e) => write({ error: { code: e.code ?? 'ERROR', message: e.message } }));
      client.on('switched', (s) => log(`switched from ${s.from} to ${s.to} (${s.reason})`));
      await client.open();
      return;
    }
    case 'register':
      await client.registerAddress(cmd.dn);
      return;
    case 'request': {
      if (cmd.message?.Event !== 'RequestDistributeUserEvent') throw new Error('unsupported request');
      const { ThisDN, UserData = [] } = cmd.message;
      // Answered at once ("accepted"); the outcome reaches the kit as event or error lines.
      client.sendUserEvent(ThisDN, UserData).catch((e) => write({ error: { code: e.code ?? 'ERROR', message: e.message } }));
      return;
    }
    case 'close':
      await client?.close();
      return;
    default:
      throw new Error(`unknown op ${JSON.stringify(cmd.op)}`);
  }
}

// Commands are answered in order, one at a time, as the kit sends them.
let queue = Promise.resolve();
createInterface({ input: process.stdin }).on('line', (line) => {
  if (!line.trim()) return;
  const cmd = JSON.parse(line);
  queue = queue.then(async () => {
    try {
      await perform(cmd);
      write({ id: cmd.id, ok: true });
    } catch (e) {
      log(`${cmd.op} failed: ${e.message}`);
      write({ id: cmd.id, ok: false, error: e.message });
    }
  });
}).on('close', () => {
  queue.then(() => client?.close()).then(() => process.exit(0));
});
