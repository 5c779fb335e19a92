/**
 * The harness around the scenarios: a control hook that overruns its own
 * timeout is stopped with everything it started and the pair is put back
 * before the next scenario; an EventError answer and an undecodable frame
 * are verdicts of their own, never a timeout; the Reproduce command
 * carries every option that changed the run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandControl } from '../../conformance/control/command.js';
import { preflight, PreflightError } from '../../conformance/runner/preflight.js';
import { BUILT_IN_PROFILE } from '../../conformance/profile/load.js';
import { reproduceCommand } from '../../conformance/runner/reproduce.js';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { tcpTarget } from '../../conformance/targets/tcp.js';
import { decode, encode, FrameDecoder, type Message } from '../../src/index.js';
import { startSimulator, type SimHandle } from '../../src/sim/index.js';
import { HANG_GUARD_MS } from '../helpers/hang-guard.js';
import { run, verdicts } from './helpers.js';

const pick = (...ids: string[]) => SCENARIOS.filter((s) => ids.includes(s.id));
const hook = fileURLToPath(new URL('./fixtures/overrunning-hook.mjs', import.meta.url));
/** Running, that is: signalable and not a zombie (a killed child whose reaper is not us stays a zombie for a while). */
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
};

/** The late-message window after the run: the step timeout by default, which these checks of one early verdict need not wait out. */
const SETTLE_MS = 1000;

/** SIGKILL is delivered asynchronously: look again until it is gone or the hang guard runs out. */
async function stillRunning(pid: number): Promise<boolean> {
  const deadline = Date.now() + HANG_GUARD_MS;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return alive(pid);
}

describe('a control hook that overruns --control-timeout', () => {
  let sim: SimHandle;
  const dir = mkdtempSync(join(tmpdir(), 'tlib-hook-'));
  beforeAll(async () => void (sim = await startSimulator({ port: 0, pair: true, controlPort: 0 })));
  afterAll(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("gives 'error' for its scenario, is dead with its children, and the next scenario finds the pair in its configured roles", { timeout: 60_000 }, async () => {
    const control = commandControl(`node ${hook} ${sim.control!.host}:${sim.control!.port} ${dir}`, 5000);
    const target = tcpTarget({ primary: sim.primary, backup: sim.backup!, control, controlLabel: 'overrunning hook', connectTimeoutMs: 5000 });
    const first = await run(target, { scenarios: pick('restore-connection/backup-role') });
    const [r] = first.results;
    expect(r?.verdict).toBe('error');
    expect(r?.reason).toMatch(/took longer than 5000 ms \(the control timeout\) and was stopped with its process group/);
    // The hook's own background child went with it.
    expect(await stillRunning(Number(readFileSync(join(dir, 'child.pid'), 'utf8')))).toBe(false);
    // It had switched the pair before it hung: the runner asked the pair and switched it back.
    expect(sim.ctl.state().primary).toBe('a');
    const next = await run(target, { scenarios: pick('restore-connection/primary-role', 'hardware-error/checksum') });
    expect(verdicts(next)).toEqual({ 'restore-connection/primary-role': 'pass', 'hardware-error/checksum': 'pass' });
  });
});

describe('Reproduce', () => {
  it('carries the profile and the control timeout with the target, the step timeout and the seed', () => {
    const command = reproduceCommand(
      { kind: 'tcp', description: 'x', primary: { host: '10.0.0.1', port: 3000 }, backup: { host: '10.0.0.2', port: 3000 }, control: { kind: 'command', command: './hook.sh' } },
      'ack/send-event/reference-id',
      5,
      4000,
      ['--profile', 'lab profile.json', '--control-timeout', '20000'],
    );
    expect(command).toBe(
      "tlib-kit conform --target tcp://10.0.0.1:3000 --backup tcp://10.0.0.2:3000 --control ./hook.sh --profile 'lab profile.json' --control-timeout 20000 --timeout 4000 --run ack/send-event/reference-id --seed 5",
    );
  });
});

/**
 * A server that registers clients and then answers by script: `answer(request)` gives the
 * frames to write back for each request after RequestRegisterClient.
 */
async function scriptedServer(answer: (m: Message) => Uint8Array[], register: (m: Message) => Message = (m) => ({ Event: 'EventServerConnected', ReferenceID: m.ReferenceID } as Message)) {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    const frames = new FrameDecoder();
    socket.on('data', (chunk) => {
      for (const f of frames.push(chunk)) {
        const m = decode(f);
        const out = m.Event === 'RequestRegisterClient' ? [encode(register(m))] : answer(m);
        for (const o of out) socket.write(o);
      }
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    target: tcpTarget({ primary: { host: '127.0.0.1', port }, connectTimeoutMs: 5000 }),
    close: () => new Promise<void>((r) => {
      sockets.forEach((s) => s.destroy());
      server.close(() => r());
    }),
  };
}

/** An EventACK frame cut one byte short, its length prefix fixed: the framing holds, the body does not decode. */
function cutAck(ref: number): Uint8Array {
  const whole = encode({ Event: 'EventACK', ReferenceID: ref } as Message);
  const cut = whole.slice(0, whole.length - 1);
  new DataView(cut.buffer).setUint32(0, cut.length - 4);
  return cut;
}

describe('answers that are not what a step waits for', () => {
  const refusal = (m: Message): Message => ({ Event: 'EventError', ReferenceID: m.ReferenceID, ErrorCode: 71, ErrorMessage: 'not today' } as Message);

  it("an EventError in place of the EventACK a sentence requires fails at once, quoting ErrorCode and ErrorMessage, cause 'refused'", async () => {
    const s = await scriptedServer((m) => [encode(refusal(m))]);
    try {
      const [r] = (await run(s.target, { scenarios: pick('ack/send-event/reference-id'), timeoutMs: 20_000, settleMs: SETTLE_MS })).results;
      expect({ verdict: r?.verdict, cause: r?.cause }).toEqual({ verdict: 'fail', cause: 'refused' });
      expect(r?.reason).toContain('RequestDistributeEvent was refused: EventError (ErrorCode 71, ErrorMessage "not today")');
      // Not a timeout: it ended long before the 20 s step timeout would have.
      expect(r?.durationMs).toBeLessThan(10_000);
    } finally {
      await s.close();
    }
  });

  it("an EventError to a set-up request is 'error', cause 'refused', quoting what the server said", async () => {
    const s = await scriptedServer((m) => [encode(m.Event === 'RequestRegisterAddress' ? refusal(m) : { Event: 'EventACK', ReferenceID: m.ReferenceID } as Message)]);
    try {
      const [r] = (await run(s.target, { scenarios: pick('user-event/this-dn') })).results;
      expect({ verdict: r?.verdict, cause: r?.cause }).toEqual({ verdict: 'error', cause: 'refused' });
      expect(r?.reason).toContain('RequestRegisterAddress was refused: EventError (ErrorCode 71, ErrorMessage "not today")');
    } finally {
      await s.close();
    }
  });

  it("an undecodable frame is 'fail', cause 'undecodable', quoting the decode error, never a timeout", async () => {
    const s = await scriptedServer((m) => [cutAck(Number(m.ReferenceID))]);
    try {
      const [r] = (await run(s.target, { scenarios: pick('ack/send-event/reference-id'), timeoutMs: 20_000, settleMs: SETTLE_MS })).results;
      expect({ verdict: r?.verdict, cause: r?.cause }).toEqual({ verdict: 'fail', cause: 'undecodable' });
      expect(r?.reason).toMatch(/undecodable frame: .*ReferenceID needs 4 bytes/);
      expect(r?.durationMs).toBeLessThan(10_000);
    } finally {
      await s.close();
    }
  });

  it('preflight quotes the refusal of RequestRegisterClient', async () => {
    const s = await scriptedServer(() => [], refusal);
    try {
      const e = await preflight({ target: s.target, profile: BUILT_IN_PROFILE, timeoutMs: 1000, startupMs: 5000, reports: [] }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(PreflightError);
      expect((e as Error).message).toContain('RequestRegisterClient was refused: EventError (ErrorCode 71, ErrorMessage "not today")');
    } finally {
      await s.close();
    }
  });
});
