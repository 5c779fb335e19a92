#!/usr/bin/env node
// The smallest bridge of spec/bridge-contract.md, in plain JavaScript with no
// dependencies: it pipes the runner's frames to a T-Server over TCP and the
// server's frames back. A vendor's bridge calls its own T-Library or Platform
// SDK where this one writes to the socket.
//
//   BRIDGE_PRIMARY=host:port BRIDGE_BACKUP=host:port \
//     tlib-kit conform --target "exec:node node_modules/tlib-kit/examples/pipe-bridge.mjs" --control tcp://host:port
//
// The runner says which session to open: TLIB_KIT_SESSION is the role
// (primary, backup, app) and TLIB_KIT_SERVER which configured server has that
// role now (it changes after a switchover). In an 'app' session the bridge
// does what a client library must: EventRestoreConnection (message type 132)
// is consumed, never handed to the application.
import { connect } from 'node:net';

const EVENT_RESTORE_CONNECTION = 132;
const session = process.env.TLIB_KIT_SESSION ?? 'primary';
const server = process.env.TLIB_KIT_SERVER ?? (session === 'backup' ? 'backup' : 'primary');
const address = (server === 'backup' ? process.env.BRIDGE_BACKUP : process.env.BRIDGE_PRIMARY) ?? '';
const colon = address.lastIndexOf(':');
if (colon < 1 || !/^\d+$/.test(address.slice(colon + 1))) {
  process.stderr.write(`pipe-bridge: set BRIDGE_PRIMARY and BRIDGE_BACKUP to host:port (session ${session} on the ${server} server has "${address}")\n`);
  process.exit(3);
}

/** The message type: the varint right after the 4-byte length prefix (spec/wire-format.md, section 4). */
function messageType(frame) {
  let value = 0;
  for (let i = 4, shift = 0; i < frame.length && shift < 35; i++, shift += 7) {
    value += (frame[i] & 0x7f) * 2 ** shift;
    if ((frame[i] & 0x80) === 0) return value;
  }
  return -1;
}

/** Splits the server's byte stream into whole frames, so the app session can drop one. */
let pending = Buffer.alloc(0);
function framesOf(chunk) {
  pending = Buffer.concat([pending, chunk]);
  const frames = [];
  while (pending.length >= 4 && pending.length >= 4 + pending.readUInt32BE(0)) {
    const end = 4 + pending.readUInt32BE(0);
    frames.push(pending.subarray(0, end));
    pending = pending.subarray(end);
  }
  return frames;
}

const socket = connect({ host: address.slice(0, colon), port: Number(address.slice(colon + 1)) });
socket.on('data', (chunk) => {
  if (session !== 'app') return void process.stdout.write(chunk);
  for (const frame of framesOf(chunk)) if (messageType(frame) !== EVENT_RESTORE_CONNECTION) process.stdout.write(frame);
});
socket.on('error', (e) => {
  process.stderr.write(`pipe-bridge: ${address}: ${e.message}\n`);
  process.exit(3);
});
socket.on('close', () => process.exit(0));
process.stdin.on('data', (chunk) => socket.write(chunk));
process.stdin.on('end', () => socket.end());
