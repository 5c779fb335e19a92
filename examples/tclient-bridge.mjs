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
import { realpathSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { TClient } from 'tlib-kit/client';
import { toJSON } from 'tlib-kit';

export const write = (obj) => process.stdout.write(`${JSON.stringify(obj)}\n`);
export const log = (text) => process.stderr.write(`${text}\n`);
const reportError = (e) => write({ error: { code: e.code ?? 'ERROR', message: e.message } });

/** The dispatch function: what the application sees, Server as the client filled it in ("host:port"). */
const dispatch = (event) => write({ event: toJSON(event), server: event.Server });

/**
 * Serves the bridge protocol on stdin and stdout until stdin closes. `variant`
 * is for bridges built on this one (the kit's library mutants): `open(cmd)` may
 * give other `primary`, `backup` and `onEvent` to connect with, and
 * `beforeRequest`, `closing` and `exit` run at those moments. This example uses none.
 */
export function serveBridge(variant = {}) {
  let client;

  async function perform(cmd) {
    switch (cmd.op) {
      case 'open': {
        const { primary = cmd.primary, backup = cmd.backup, onEvent = dispatch } = (await variant.open?.(cmd)) ?? {};
        client = new TClient({
          primary,
          ...(backup ? { backup } : {}),
          applicationName: cmd.applicationName,
          ...(cmd.password !== undefined ? { password: cmd.password } : {}),
          onEvent,
        });
        client.on('error', reportError);
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
        variant.beforeRequest?.();
        // Answered at once ("accepted"); the outcome reaches the kit as event or error lines.
        client.sendUserEvent(ThisDN, UserData).catch(reportError);
        return;
      }
      case 'close':
        variant.closing?.();
        await client?.close();
        return;
      default:
        throw new Error(`unknown op ${JSON.stringify(cmd.op)}`);
    }
  }

  // Commands are answered in order, one at a time, as the kit sends them.
  let queue = Promise.resolve();
  createInterface({ input: process.stdin })
    .on('line', (line) => {
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
    })
    .on('close', () => {
      queue.then(() => client?.close()).then(() => {
        variant.exit?.();
        process.exit(0);
      });
    });
}

// Run as a program (not imported by another bridge): serve this client as it is.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) serveBridge();
