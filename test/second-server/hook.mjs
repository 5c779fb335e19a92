#!/usr/bin/env node
// Control hook for `tlib-kit conform --control "node test/second-server/hook.mjs HOST:PORT"`.
// The runner appends its arguments (spec/bridge-contract.md, "Control hooks"):
//   switchover | link <primary|backup> <up|down> | fault <kind> <ThisDN|-> <ConnID|->
// and this script forwards them as one JSON line to the vendor pair's control
// channel. Exit 0 when it answers ok; otherwise the reason on stderr, exit 1.
import { connect } from 'node:net';

const [address, action, ...rest] = process.argv.slice(2);
const fail = (text, code = 1) => {
  process.stderr.write(`hook: ${text}\n`);
  process.exit(code);
};

if (!address || !/^[^:]+:\d+$/.test(address)) fail('first argument must be the control channel HOST:PORT', 2);

function request() {
  switch (action) {
    case 'switchover':
      return { action: 'switchover' };
    case 'link': {
      const [role, state] = rest;
      if ((role !== 'primary' && role !== 'backup') || (state !== 'up' && state !== 'down')) fail('usage: link <primary|backup> <up|down>', 2);
      return { action: 'setLink', server: role, up: state === 'up' };
    }
    case 'fault': {
      const [kind, dn, connId] = rest;
      if (!kind) fail('usage: fault <checksum|missing-attributes|incomplete-flow> <ThisDN|-> <ConnID|->', 2);
      const r = { action: 'switchFault', kind };
      if (dn && dn !== '-') r.ThisDN = dn;
      if (connId && connId !== '-') r.ConnID = connId;
      return r;
    }
    default:
      return fail(`unknown action "${action ?? ''}": switchover, link, fault`, 2);
  }
}

const line = JSON.stringify(request());
const [host, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))];
const socket = connect({ host, port }, () => socket.write(`${line}\n`));
let text = '';
socket.setEncoding('utf8');
socket.on('data', (chunk) => {
  text += chunk;
  const newline = text.indexOf('\n');
  if (newline < 0) return;
  socket.destroy();
  let answer;
  try {
    answer = JSON.parse(text.slice(0, newline));
  } catch {
    fail(`control channel answered something that is not JSON: ${text.slice(0, newline)}`);
  }
  if (answer.ok === true) process.exit(0);
  fail(`control channel refused ${line}: ${answer.error}`);
});
socket.on('error', (err) => fail(`cannot reach the control channel at ${address}: ${err.message}`));
