#!/usr/bin/env node
// Exec bridge for the vendor pair (spec/bridge-contract.md):
//   tlib-kit conform --target "exec:node test/second-server/bridge.mjs --primary H:P --backup H:P"
// It plays the vendor's client library: it connects to both servers of the
// pair, finds out which one is primary from their own EventServerConnected,
// keeps its own ReferenceIDs towards the servers and maps them back, consumes
// EventRestoreConnection, and follows switchovers in an `app` session.
// Needs the package built (it imports the codec as a vendor would: 'tlib-kit').
import { connect } from 'node:net';
import { parseArgs } from 'node:util';
import { encode, decode, FrameDecoder } from 'tlib-kit';

const { values } = parseArgs({
  options: { primary: { type: 'string' }, backup: { type: 'string' }, mutant: { type: 'string' }, 'open-timeout-ms': { type: 'string' } },
  strict: true,
});
const session = process.env.TLIB_KIT_SESSION ?? 'primary';
const addresses = [values.primary ?? process.env.VENDOR_PRIMARY, values.backup ?? process.env.VENDOR_BACKUP].filter(Boolean);
const mutant = values.mutant ?? process.env.VENDOR_BRIDGE_MUTANT;
const openTimeoutMs = Number(values['open-timeout-ms'] ?? 3000);
const note = (text) => process.stderr.write(`${text}\n`);
const die = (text) => {
  note(text);
  process.exit(1);
};

if (!['primary', 'backup', 'app'].includes(session)) die(`TLIB_KIT_SESSION must be primary, backup or app, got "${session}"`);
if (addresses.length === 0) die('give the pair with --primary HOST:PORT --backup HOST:PORT (or VENDOR_PRIMARY / VENDOR_BACKUP)');

let nextReference = 1 + Math.floor(Math.random() * 1_000_000);
/** Our ReferenceID towards a server -> the runner's. */
const runnerReference = new Map();
const links = [];
let active;
let stdinOpen = true;
/** When EventServerConnected was handed to the application. */
let openedAt = 0;

function out(message) {
  process.stdout.write(encode(message));
}

function ourReference(runnerId) {
  const id = nextReference++ >>> 0;
  if (runnerId !== undefined) runnerReference.set(id, runnerId);
  return id;
}

/** Connects and registers; resolves with the link once EventServerConnected came, undefined on failure. */
function openLink(address, registerRequest) {
  return new Promise((resolve) => {
    const colon = address.lastIndexOf(':');
    const socket = connect({ host: address.slice(0, colon), port: Number(address.slice(colon + 1)) });
    const decoder = new FrameDecoder();
    const link = {
      address,
      socket,
      role: undefined,
      connected: undefined,
      closed: false,
      onFrame: undefined,
      send(message) {
        if (!link.closed) socket.write(encode(message));
      },
    };
    const finish = (problem) => {
      clearTimeout(timer);
      if (problem) {
        note(problem);
        socket.destroy();
        resolve(undefined);
      } else resolve(link);
    };
    const timer = setTimeout(() => finish(`no EventServerConnected from ${address} within ${openTimeoutMs} ms`), openTimeoutMs);
    socket.on('connect', () => link.send({ ...registerRequest, ReferenceID: ourReference(undefined) }));
    socket.on('error', (err) => (link.role === undefined ? finish(`cannot reach ${address}: ${err.message}`) : note(`${address}: ${err.message}`)));
    socket.on('close', () => {
      link.closed = true;
      if (link === active && stdinOpen) note(`${address} closed the session`);
    });
    socket.on('data', (chunk) => {
      for (const frame of decoder.push(chunk)) {
        const message = decode(frame);
        if (link.role !== undefined) {
          link.onFrame?.(message);
        } else if (message.Event === 'EventServerConnected') {
          link.role = message.ServerRole === 1 ? 'backup' : 'primary';
          link.connected = message;
          finish();
        } else if (message.Event === 'EventError') {
          finish(`${address} refused the session: ${message.ErrorMessage ?? message.ErrorCode}`);
        }
      }
    });
  });
}

/** An event as the application sees it: our ReferenceIDs mapped back, foreign ones dropped. */
function toApplication(message) {
  if (typeof message.ReferenceID === 'number') {
    const runnerId = runnerReference.get(message.ReferenceID);
    if (runnerId === undefined) delete message.ReferenceID;
    else message.ReferenceID = runnerId;
  }
  return message;
}

function fromServer(link, message) {
  if (message.Event === 'EventRestoreConnection') {
    // Consumed by the library ("processed internally by T-Library").
    if (message.ServerRole === 1 && link === active && session === 'app') switchTo(links.find((l) => l !== link && !l.closed), 'EventRestoreConnection ServerRole 1');
    if (mutant === 'restore-delivered-to-app') out(toApplication(message));
    if (mutant === 'restore-role-1-delivered-to-app' && message.ServerRole === 1) out(toApplication(message));
    if (mutant === 'restore-delivered-to-app-late' && message.ServerRole === 0) {
      // Handed over no earlier than 250 ms after the session opened.
      setTimeout(() => out(toApplication(message)), Math.max(0, openedAt + 250 - Date.now()));
    }
    return;
  }
  if (session === 'app' && link !== active) {
    // The standby's events are consumed, except the one that makes it primary.
    if (message.Event !== 'EventPrimaryChanged') return;
    switchTo(link, 'EventPrimaryChanged');
  }
  out(toApplication(message));
}

function switchTo(link, why) {
  if (!link || link === active) return;
  note(`library: ${link.address} is primary now (${why})`);
  active = link;
}

function fromRunner(message) {
  const runnerId = message.ReferenceID;
  const target = active;
  if (!target || target.closed) {
    const answer = { Event: 'EventError', ErrorCode: 1, ErrorMessage: 'no server connection', time: { seconds: Math.floor(Date.now() / 1000), microseconds: 0 } };
    if (runnerId !== undefined) answer.ReferenceID = runnerId;
    out(answer);
    return;
  }
  target.send({ ...message, ReferenceID: ourReference(runnerId) });
  // The library keeps the standby's registrations in step, as T-Library does.
  if (session === 'app' && (message.Event === 'RequestRegisterAddress' || message.Event === 'RequestUnregisterAddress')) {
    for (const link of links) if (link !== target && !link.closed) link.send({ ...message, ReferenceID: ourReference(undefined) });
  }
}

async function open(registerRequest) {
  const { ReferenceID: _runnerId, ...request } = registerRequest;
  const opened = (await Promise.all(addresses.map((a) => openLink(a, request)))).filter(Boolean);
  const wanted = session === 'backup' ? 'backup' : 'primary';
  const chosen = opened.find((l) => l.role === wanted);
  if (!chosen) {
    for (const l of opened) l.socket.destroy();
    die(`no ${wanted} T-Server among ${addresses.join(', ')}`);
  }
  for (const l of opened) {
    if (session !== 'app' && l !== chosen) l.socket.destroy();
    else {
      links.push(l);
      l.onFrame = (m) => fromServer(l, m);
    }
  }
  active = chosen;
  note(`library: ${session} session on ${chosen.address}${session === 'app' && links.length > 1 ? ` (standby ${links.find((l) => l !== chosen).address})` : ''}`);
  out({ ...chosen.connected, ReferenceID: registerRequest.ReferenceID });
  openedAt = Date.now();
}

const input = new FrameDecoder();
let opened;
process.stdin.on('data', (chunk) => {
  for (const frame of input.push(chunk)) {
    const message = decode(frame);
    if (!opened) {
      if (message.Event !== 'RequestRegisterClient') die(`the first frame must be RequestRegisterClient, got ${message.Event}`);
      opened = open(message);
      continue;
    }
    opened.then(() => fromRunner(message));
  }
});
process.stdin.on('end', () => {
  stdinOpen = false;
  // A session still opening finishes first: if it cannot open, that is exit 1.
  Promise.resolve(opened).then(() => {
    for (const link of links) link.socket.end();
    setTimeout(() => process.exit(0), 50).unref();
  });
});
