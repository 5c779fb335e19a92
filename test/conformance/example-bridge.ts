/**
 * The smallest bridge of spec/bridge-contract.md: it pipes stdin/stdout to
 * the simulator over TCP. A vendor's bridge would call its own T-Library or
 * Platform SDK here instead. Run: BRIDGE_PRIMARY=host:port [BRIDGE_BACKUP=host:port]
 * node --import tsx test/conformance/example-bridge.ts
 *
 * In an 'app' session it does what a client library must: EventRestoreConnection
 * is consumed, never handed to the application (the reference's rule).
 */
import { connect } from 'node:net';
import { decode, FrameDecoder } from '../../src/index.js';

const session = process.env.TLIB_KIT_SESSION ?? 'primary';
const address = (session === 'backup' ? process.env.BRIDGE_BACKUP : process.env.BRIDGE_PRIMARY) ?? '';
const [host, port] = address.split(':');
if (!host || !port) {
  process.stderr.write(`example-bridge: set BRIDGE_PRIMARY (and BRIDGE_BACKUP) to host:port; session ${session} has "${address}"\n`);
  process.exit(3);
}

const socket = connect({ host, port: Number(port) });
const frames = new FrameDecoder();
const toApplication = (chunk: Buffer): void => {
  if (session !== 'app') return void process.stdout.write(chunk);
  for (const frame of frames.push(chunk)) if (decode(frame).Event !== 'EventRestoreConnection') process.stdout.write(frame);
};

socket.on('data', toApplication);
socket.on('error', (e) => {
  process.stderr.write(`example-bridge: ${e.message}\n`);
  process.exit(3);
});
socket.on('close', () => process.exit(0));
process.stdin.on('data', (chunk) => socket.write(chunk));
process.stdin.on('end', () => socket.end());
