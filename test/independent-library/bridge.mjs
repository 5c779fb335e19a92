// Library bridge (spec/library-bridge-contract.md) for hot-standby-library.mjs.
// stdin: one command per line; stdout: answers, `event` and `error` lines only.
import { createInterface } from 'node:readline';
import { HotStandbyLibrary } from './hot-standby-library.mjs';

let closed = false; // after the close answer nothing more goes to stdout
const write = (line) => {
  if (!closed) process.stdout.write(`${JSON.stringify(line)}\n`);
};
const log = (text) => process.stderr.write(`[indep-bridge] ${text}\n`);

/** Decoded values to the JSON form of spec/wire-format.md section 14. */
function toJSON(value) {
  if (value instanceof Uint8Array) return { $hex: Buffer.from(value).toString('hex') };
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(toJSON);
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJSON(v);
    return out;
  }
  return value;
}

/** The JSON form back to what encode() takes: only `{"$hex"}` differs for a request. */
function fromJSON(value) {
  if (Array.isArray(value)) return value.map(fromJSON);
  if (value !== null && typeof value === 'object') {
    if (Object.hasOwn(value, '$hex') && typeof value.$hex === 'string') return new Uint8Array(Buffer.from(value.$hex, 'hex'));
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = fromJSON(v);
    return out;
  }
  return value;
}

let library;
const ops = Object.assign(Object.create(null), {
  async open(command) {
    library = new HotStandbyLibrary({
      primary: command.primary,
      backup: command.backup,
      applicationName: command.applicationName,
      password: command.password,
      // Only to show the runner's probe budget depends on how fast a library reads.
      handleDelayMs: Number(process.env.INDEP_LIBRARY_HANDLE_DELAY_MS ?? 0),
    });
    library.on('event', (event, address) => {
      if (event.Event === 'EventRestoreConnection') log('BUG: EventRestoreConnection reached dispatch');
      write({ event: toJSON(event), server: address });
    });
    library.on('failure', (error) => {
      log(`${error.code}: ${error.message}`);
      write({ error });
    });
    await library.open();
  },
  async register(command) {
    await requireOpen().registerAddress(command.dn);
  },
  async request(command) {
    const message = command.message;
    if (message?.Event !== 'RequestDistributeUserEvent') throw new Error('unsupported request');
    requireOpen().send(fromJSON(message));
  },
  async close() {
    await library?.close();
  },
});

function requireOpen() {
  if (!library) throw new Error('not open: send "open" first');
  return library;
}

let queue = Promise.resolve();
createInterface({ input: process.stdin })
  .on('line', (line) => {
    if (line.trim() === '') return;
    let command;
    try {
      command = JSON.parse(line);
    } catch {
      log(`ignored a line that is not JSON: ${line.slice(0, 200)}`);
      return;
    }
    queue = queue.then(async () => {
      const op = ops[command.op];
      try {
        if (!op) throw new Error(`unknown op ${JSON.stringify(command.op)}`);
        await op(command);
        write({ id: command.id, ok: true });
      } catch (error) {
        log(`${command.op} failed: ${error?.message ?? error}`);
        write({ id: command.id, ok: false, error: String(error?.message ?? error) });
      }
      if (command.op === 'close') closed = true;
    });
  })
  .on('close', () => {
    queue
      .then(() => library?.close())
      .finally(() => process.exit(0));
  });
