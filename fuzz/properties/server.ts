/**
 * The live-server property: several clients play a generated script against
 * the embedded simulator, or any target (`tlib-kit fuzz --target`). The server must never crash, must
 * answer or close cleanly, every frame it sends must decode, each request
 * gets exactly its one answer (or EventError) by ReferenceID, and events
 * reach exactly the clients registered on their DN.
 *
 * After each operation every client sends RequestQueryLocation and waits
 * for its answer: the server handles a connection's requests in order, so by
 * then everything the operation caused has arrived (a barrier, no sleeps).
 */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { decode, encode, FrameDecoder, type Message } from '../../src/index.js';
import { startSimulator, type SimHandle } from '../../src/sim/index.js';
import { DN_POOL, type ServerOp, type ServerScript } from '../arbitrary/server-script.js';
import { answersTo } from '../../src/registry.js';

const ANSWER_TIMEOUT_MS = 5000;

export interface Address {
  host: string;
  port: number;
}

/**
 * Where scripts play: the server (and its backup, which must keep accepting
 * clients too) and the target's DNs that stand for the script's DN_POOL, in
 * order; absent, the pool's own names. Fuzzing streams that share a target
 * get DNs of their own, so that none sees another's events.
 */
export interface LiveTarget {
  primary: Address;
  backup?: Address;
  dns?: readonly string[];
}

let configured: LiveTarget | undefined;

/** Aims the live-server property at `target` (undefined: back to the shared embedded simulator). */
export function setLiveTarget(target: LiveTarget | undefined): void {
  if (target?.dns && target.dns.length !== DN_POOL.length) throw new RangeError(`a live target needs ${DN_POOL.length} DNs, got ${target.dns.length}`);
  configured = target;
}

let shared: Promise<SimHandle> | undefined;
/**
 * The run in progress. Runs share one simulator and its DNs, so they must
 * not overlap, and they can: when the fuzzer's time slice ends, fast-check
 * stops waiting for the current run but cannot stop it, and the next slice
 * would start a run beside it (the two then see each other's events).
 */
let inProgress: Promise<unknown> = Promise.resolve();

/** One simulator pair for all runs (each run uses fresh connections). */
export function sharedSimulator(): Promise<SimHandle> {
  shared ??= startSimulator({ port: 0, pair: true });
  return shared;
}

export async function closeSharedSimulator(): Promise<void> {
  await inProgress;
  const s = shared;
  shared = undefined;
  if (s) await (await s).close();
}

type Received = { message: Message; refId: number | undefined };

class Probe {
  readonly inbox: Received[] = [];
  /** ReferenceIDs of this client's own requests (unique across the run's clients). */
  readonly sent = new Set<number>();
  closed = false;
  closeReason = '';
  private readonly frames = new FrameDecoder();
  private wake: (() => void) | undefined;

  constructor(
    readonly index: number,
    private readonly socket: Socket,
  ) {
    socket.on('data', (chunk: Buffer) => {
      try {
        for (const f of this.frames.push(chunk)) {
          const message = decode(f);
          this.inbox.push({ message, refId: (message as { ReferenceID?: number }).ReferenceID });
        }
      } catch (e) {
        this.fail(`client ${index} got a frame it cannot decode: ${e instanceof Error ? e.message : String(e)}`);
      }
      this.wake?.();
    });
    socket.on('error', (e) => {
      this.closeReason ||= e.message;
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake?.();
    });
  }

  failure: string | undefined;
  private fail(why: string): void {
    this.failure ??= why;
    this.socket.destroy();
  }

  static open(index: number, at: Address): Promise<Probe> {
    return new Promise((resolve, reject) => {
      const s = connect({ host: at.host, port: at.port }, () => resolve(new Probe(index, s)));
      s.once('error', reject);
    });
  }

  /** Sends a frame (a request under `refId`); returns the inbox position from which its answer can come. */
  send(frame: Uint8Array, refId: number): number {
    this.sent.add(refId);
    if (!this.closed) this.socket.write(frame);
    return this.inbox.length;
  }

  /**
   * Waits until a message with this ReferenceID arrives at or after inbox
   * position `from`; undefined when the connection closed first. Only later
   * messages count: a garbage frame carries a ReferenceID of its own choosing,
   * and its old answer must not pass for the answer to a later request.
   */
  async answer(refId: number, what: string, from: number): Promise<Received | undefined> {
    const deadline = Date.now() + ANSWER_TIMEOUT_MS;
    for (;;) {
      if (this.failure) assert.fail(this.failure);
      const hit = this.inbox.find((r, i) => i >= from && r.refId === refId);
      if (hit) return hit;
      if (this.closed) return undefined;
      const left = deadline - Date.now();
      if (left <= 0) assert.fail(`client ${this.index}: no answer to ${what} (ReferenceID ${refId}) within ${ANSWER_TIMEOUT_MS} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  close(): void {
    this.socket.destroy();
  }
}

const DELIVERS: Partial<Record<ServerOp['kind'], string>> = { 'user-event': 'EventUserEvent', private: 'EventPrivateInfo', reserve: 'EventAgentReserved' };
/** What a request of each scripted kind must get back under its ReferenceID (EventError always allowed). */
const ANSWERS: Partial<Record<ServerOp['kind'], readonly string[]>> = {
  register: answersTo('RequestRegisterAddress'),
  'user-event': answersTo('RequestDistributeUserEvent'),
  private: answersTo('RequestPrivateService'),
  reserve: answersTo('RequestReserveAgent'),
};

/** The request an op sends; `dn` turns a DN of the pool into the target's. */
function requestOf(op: ServerOp, refId: number, dn: (poolDn: string) => string): Uint8Array {
  switch (op.kind) {
    case 'register':
      return encode({ Event: 'RequestRegisterAddress', ReferenceID: refId, ThisDN: dn(op.dn) });
    case 'unregister':
      return encode({ Event: 'RequestUnregisterAddress', ReferenceID: refId, ThisDN: dn(op.dn) });
    case 'user-event':
      return encode({ Event: 'RequestDistributeUserEvent', ReferenceID: refId, ThisDN: dn(op.dn), UserData: [['op', refId]] });
    case 'reserve':
      return encode({ Event: 'RequestReserveAgent', ReferenceID: refId, ThisDN: dn(op.dn), Timeout: 1000 });
    case 'private':
      return encode({ Event: 'RequestPrivateService', ReferenceID: refId, ThisDN: dn(op.dn), PrivateEvent: op.privateEvent });
    case 'simple':
      return encode({ Event: op.request, ReferenceID: refId, ...(op.request === 'RequestQueryAddress' ? { ThisDN: 'x-query' } : {}) } as Message);
    case 'random':
      return encode({ ...op.message, ReferenceID: refId } as Message);
    case 'unknown-type':
      return encode({ Event: 'Unknown', MessageType: op.type, ReferenceID: refId });
    case 'garbage':
      return op.frame;
  }
}

/** Plays `script` (on `target`, else the configured one, else the shared simulator) once the run before it (possibly abandoned by an interrupted slice) has finished. */
export function liveServer(script: ServerScript, target?: LiveTarget): Promise<void> {
  const run = inProgress.then(async () => playScript(script, target ?? configured ?? (await sharedSimulator())));
  inProgress = run.catch(() => undefined);
  return run;
}

async function playScript(script: ServerScript, target: LiveTarget): Promise<void> {
  const pool: readonly string[] = target.dns ?? DN_POOL;
  const dn = (poolDn: string) => pool[DN_POOL.indexOf(poolDn as (typeof DN_POOL)[number])]!;
  const probes: Probe[] = [];
  let ref = 1;
  try {
    for (let i = 0; i < script.clients; i++) probes.push(await Probe.open(i, target.primary));
    for (const p of probes) {
      const id = ref++;
      const from = p.send(encode({ Event: 'RequestRegisterClient', ReferenceID: id, ApplicationName: `fuzz-${p.index}` }), id);
      const r = await p.answer(id, 'RequestRegisterClient', from);
      if (!r) assert.fail(`client ${p.index}: connection closed during RequestRegisterClient (${p.closeReason})`);
      assert.equal(r.message.Event, 'EventServerConnected');
    }
    const registered = probes.map(() => new Set<string>());
    const barrier = async (step: string) => {
      for (const p of probes) {
        if (p.closed) continue;
        const id = ref++;
        const from = p.send(encode({ Event: 'RequestQueryLocation', ReferenceID: id }), id);
        await p.answer(id, `barrier after ${step}`, from);
      }
    };
    await barrier('registration');

    for (const [n, op] of script.ops.entries()) {
      const me = probes[op.client]!;
      if (me.closed) continue;
      const step = `op ${n} (${op.kind} by client ${op.client})`;
      const marks = probes.map((p) => p.inbox.length);
      const refId = ref++;
      me.send(requestOf(op, refId, dn), refId);
      await barrier(step);
      for (const p of probes) if (p.failure) assert.fail(p.failure);
      if (me.closed) {
        // Only garbage may cost a client its connection; it must then be a clean close.
        if (op.kind !== 'garbage') assert.fail(`${step}: the server closed the connection (${me.closeReason || 'no reason'})`);
        registered[op.client]!.clear();
        continue;
      }
      const mine = me.inbox.slice(marks[op.client]).filter((r) => r.refId === refId).map((r) => r.message.Event);
      const expected = ANSWERS[op.kind];
      if (op.kind === 'garbage') {
        assert.ok(mine.length <= 1, `${step}: ${mine.length} answers to a garbage frame`);
      } else if (op.kind === 'unregister') {
        // A DN the client is not registered on: the reference is silent, so EventError and EventUnregistered both pass.
        const allowed = registered[op.client]!.has(op.dn) ? ['EventUnregistered'] : ['EventError', 'EventUnregistered'];
        assert.ok(mine.length === 1 && allowed.includes(mine[0]!), `${step}: answers [${mine.join(', ')}], expected one of ${allowed.join(' or ')}`);
      } else if (expected) {
        // The reference gives no order to several answers (EventACK and EventPrivateInfo to TPrivateService()).
        if (!(mine.length === 1 && mine[0] === 'EventError')) assert.deepStrictEqual([...mine].sort(), [...expected].sort(), `${step}: answers`);
      } else {
        const max = op.kind === 'random' && op.message.Event === 'RequestPrivateService' ? 2 : 1;
        if (mine.length < 1 || mine.length > max) assert.fail(`${step}: ${mine.length} answers [${mine.join(', ')}] under ReferenceID ${refId}`);
      }
      if (op.kind === 'register' && mine[0] === 'EventRegistered') registered[op.client]!.add(op.dn);
      if (op.kind === 'unregister') registered[op.client]!.delete(op.dn);
      // Deliveries: exactly the other clients registered on the DN get one copy. A copy may carry the requester's
      // ReferenceID ("ReferenceID Optional"), so a delivery is whatever is not an answer to the receiver's own requests.
      const delivered = DELIVERS[op.kind];
      const answeredOk = mine.length > 0 && mine[0] !== 'EventError';
      for (const p of probes) {
        if (p === me || p.closed) continue;
        const got = p.inbox.slice(marks[p.index]).filter((r) => !(r.refId !== undefined && p.sent.has(r.refId)) && pool.includes((r.message as { ThisDN?: string }).ThisDN as never));
        const want = delivered && answeredOk && registered[p.index]!.has((op as { dn: string }).dn) ? [delivered] : [];
        assert.deepStrictEqual(got.map((r) => r.message.Event), want, `${step}: what client ${p.index} (registered on ${[...registered[p.index]!].map(dn).join(',') || 'nothing'}) received`);
      }
    }
  } finally {
    for (const p of probes) p.close();
  }
  // Still serving: a new client registers (on the backup too, when there is one).
  await stillServing(target.primary, 'the server');
  if (target.backup) await stillServing(target.backup, 'the backup');
}

async function stillServing(at: Address, who: string): Promise<void> {
  const fresh = await Probe.open(99, at);
  try {
    const from = fresh.send(encode({ Event: 'RequestRegisterClient', ReferenceID: 1, ApplicationName: 'fuzz-after' }), 1);
    const r = await fresh.answer(1, 'RequestRegisterClient after the script', from);
    assert.equal(r?.message.Event, 'EventServerConnected', `${who} still accepts clients`);
  } finally {
    fresh.close();
  }
}
