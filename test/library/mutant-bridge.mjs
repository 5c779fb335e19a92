#!/usr/bin/env node
/**
 * A library mutant: the behaviour of examples/tclient-bridge.mjs with one
 * sentence broken, named by argv[2] (test/library/mutants.json lists them).
 * The client runs behind in-process relays, one per server, so a mutant can
 * change what the library reads, sends or reports without touching src/.
 * With "none" it behaves as the example bridge (through the relays).
 */
import { createServer, connect } from 'node:net';
import { backupReference } from 'tlib-kit/client';
import { decode, encode, FrameDecoder, toJSON } from 'tlib-kit';
import { serveBridge, write } from '../../examples/tclient-bridge.mjs';

const mutant = process.argv[2] ?? 'none';

/** Real server "host:port" -> relay, and back. */
const relays = new Map();
const realOf = new Map();
const upstreams = new Set();
/** The first connection opened to each real server: where the old-primary mutant sends its requests. */
const firstUpstream = new Map();
let closed = false;

function nameOf(a) {
  return `${a.host}:${a.port}`;
}

/** The backup an EventRestoreConnection names, read as the client reads it. */
function namedBackup(userData = []) {
  const found = backupReference(userData);
  return found && { host: found.host, port: found.port };
}

async function relayFor(real) {
  const key = nameOf(real);
  if (relays.has(key)) return relays.get(key);
  const server = createServer((library) => pipe(library, real));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const relay = { host: '127.0.0.1', port: server.address().port, server };
  relays.set(key, relay);
  realOf.set(nameOf(relay), key);
  return relay;
}

function pipe(library, real) {
  const upstream = connect(real.port, real.host);
  // No Nagle delay: a relay must not add the 40 ms of delayed ACKs to what it forwards.
  upstream.setNoDelay(true);
  library.setNoDelay(true);
  upstreams.add(upstream);
  if (!firstUpstream.has(nameOf(real))) firstUpstream.set(nameOf(real), upstream);
  const down = new FrameDecoder();
  const up = new FrameDecoder();
  // One chunk at a time, in order: the relay must not reorder what it forwards.
  let chain = Promise.resolve();
  upstream.on('data', (chunk) => (chain = chain.then(() => forward(chunk))));
  const forward = async (chunk) => {
    const out = [];
    const flush = () => out.length && library.write(Buffer.concat(out.splice(0)));
    for (const frame of down.push(chunk)) {
      const m = decode(frame);
      if (m.Event === 'EventRestoreConnection') {
        if (mutant === 'ignores-server-role-1' && m.ServerRole === 1) continue;
        if (mutant === 'dispatches-restore-connection') write({ event: toJSON({ ...m, Server: nameOf(real) }), server: nameOf(real) });
        if (mutant === 'restore-connection-on-request') lateLines.push({ event: toJSON({ ...m, Server: nameOf(real) }), server: nameOf(real) });
        const named = namedBackup(m.UserData);
        if (mutant === 'ignores-user-data' || !named) {
          out.push(encode({ Event: 'EventRestoreConnection', ServerRole: m.ServerRole }));
          continue;
        }
        const relay = relays.get(nameOf(named)) ?? (flush(), await relayFor(named));
        out.push(encode({ Event: 'EventRestoreConnection', ServerRole: m.ServerRole, UserData: [['backup_host', relay.host], ['backup_port', relay.port]] }));
        continue;
      }
      if (mutant === 'ignores-primary-changed' && m.Event === 'EventPrimaryChanged') continue;
      out.push(frame);
    }
    flush();
  };
  library.on('data', (chunk) => {
    for (const frame of up.push(chunk)) {
      const m = decode(frame);
      if (mutant === 'no-resync' && (m.Event === 'RequestQueryLocation' || m.Event === 'RequestQueryAddress')) continue;
      const toOld = mutant === 'sends-to-old-primary' && m.Event === 'RequestDistributeUserEvent' && firstUpstream.get(firstServer);
      (toOld || upstream).write(frame);
    }
  });
  const end = () => {
    library.destroy();
    // This mutant's close leaves its connections to the servers open.
    if (mutant !== 'close-leaves-connections' || !closed) upstream.destroy();
  };
  library.on('close', end).on('error', end);
  upstream.on('close', () => library.destroy()).on('error', () => library.destroy());
}

let firstServer;
let lostOne = false;
let lastPrimaryChanged = false;
let heldLink;
/** What the late-copy mutants hand to the application when it next sends a request. */
const lateLines = [];

function report(event) {
  const server = realOf.get(event.Server) ?? event.Server;
  const line = { event: toJSON({ ...event, Server: mutant === 'fixed-server' ? '10.9.9.9:1' : server }), server: mutant === 'stale-server' ? firstServer : server };
  if (mutant === 'replays-event-on-request' && event.Event === 'EventUserEvent') lateLines.splice(0, lateLines.length, line);
  if (mutant === 'doubles-event-at-switchover' && event.Event === 'EventUserEvent' && lastPrimaryChanged && !lostOne) {
    lostOne = true;
    write(line);
  }
  if (mutant === 'doubles-event-at-switchover' && event.Event === 'EventPrimaryChanged') lastPrimaryChanged = true;
  if (mutant === 'loses-event-at-switchover') {
    if (event.Event === 'EventPrimaryChanged') lastPrimaryChanged = true;
    else if (event.Event === 'EventUserEvent' && lastPrimaryChanged && !lostOne) {
      lostOne = true;
      return;
    }
  }
  if (mutant === 'reorders-link-events') {
    if (event.Event === 'EventLinkDisconnected') {
      heldLink = line;
      return;
    }
    write(line);
    if (heldLink) write(heldLink);
    heldLink = undefined;
    return;
  }
  write(line);
}

serveBridge({
  open: async (cmd) => {
    const primary = await relayFor(cmd.primary);
    const backup = cmd.backup ? await relayFor(cmd.backup) : undefined;
    firstServer = nameOf(cmd.primary);
    return { primary: { host: primary.host, port: primary.port }, backup: backup && { host: backup.host, port: backup.port }, onEvent: report };
  },
  // The late-copy mutants: a queue the library drains when the application calls it again.
  beforeRequest: () => {
    for (const line of lateLines.splice(0)) write(line);
  },
  closing: () => {
    closed = true;
  },
  exit: () => {
    for (const u of upstreams) u.destroy();
  },
});
