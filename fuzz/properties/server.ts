/**
 * The live-server property: several clients play a generated script against
 * the embedded simulator, or any target (`tlib-kit fuzz --target`), and are
 * judged by the conformance rules and decisions (spec/conformance-decisions.md),
 * not by a model of one server:
 * - every message any client receives, at any time, keeps the rules of its
 *   table and of the request it answers, and no obsolete event comes;
 * - each request gets its answer under its ReferenceID (EventError always
 *   allowed), in any order with what else it causes;
 * - what an operation delivers reaches every client registered on its DN
 *   that must get it, at most once, and no other client, however late
 *   (fuzz/live/deliveries.ts), in any order across connections;
 * - the server never crashes, and both servers of a pair still take clients.
 *
 * After each operation the sender waits for its answer, then every client
 * sends RequestQueryLocation and waits for its answer. Copies for other
 * clients, and further answers, may come later (a server may fan out or
 * answer with a delay, in any order): the owed ones are waited for, up to
 * the step bound, and everything that came is judged again at the end.
 */
import assert from 'node:assert/strict';
import { judgeReceived } from '../../conformance/rules/received-rules.js';
import { encode, type Message } from '../../src/index.js';
import { startSimulator, type SimHandle } from '../../src/sim/index.js';
import { validate } from '../../src/validate/index.js';
import { DN_SLOTS, type ServerOp, type ServerScript } from '../arbitrary/server-script.js';
import { DeliveryLedger, isDelivered, type DeliveredEvent } from '../live/deliveries.js';
import { Probe, type ReceivedJudge } from '../live/probe.js';
import { checkLiveTarget, type Address, type LiveTarget } from '../live/target.js';
import { DEFAULT_STEP_MS } from '../../conformance/profile/model.js';

export type { LiveTarget } from '../live/target.js';

let configured: LiveTarget | undefined;

/** Aims the live-server property at `target` (undefined: back to the shared embedded simulator). */
export function setLiveTarget(target: LiveTarget | undefined): void {
  configured = target === undefined ? undefined : checkLiveTarget(target);
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
function sharedSimulator(): Promise<SimHandle> {
  shared ??= startSimulator({ port: 0, pair: true });
  return shared;
}

export async function closeSharedSimulator(): Promise<void> {
  await inProgress;
  const s = shared;
  shared = undefined;
  if (s) await (await s).close();
}

/** The embedded simulator (or any handle with its addresses) as a live target with the script's own DN names. */
export function simulatorTarget(sim: { primary: Address; backup?: Address }): LiveTarget {
  return { primary: sim.primary, ...(sim.backup ? { backup: sim.backup } : {}), dns: Array.from({ length: DN_SLOTS }, (_, i) => String(7001 + i)), agents: [], stepMs: DEFAULT_STEP_MS };
}

/** Plays `script` (on `target`, else the configured one, else the shared simulator) once the run before it (possibly abandoned by an interrupted slice) has finished. */
export function liveServer(script: ServerScript, target?: LiveTarget): Promise<void> {
  const run = inProgress.then(async () => playScript(script, target ?? configured ?? simulatorTarget(await sharedSimulator())));
  inProgress = run.catch(() => undefined);
  return run;
}

/** The conformance rules every received message is held to (extra attributes are the server's to add). */
const judge: ReceivedJudge = (message, request) => {
  const broken = judgeReceived((m, context) => validate(m, context).filter((v) => !v.rule.endsWith('/no-other-attributes')), message, request);
  return broken && `${broken.message} (expected ${broken.expected}, got ${broken.actual}; reference: "${broken.sentence}")`;
};

/** Answers under the request's own ReferenceID that mean it was carried out. */
const ACCEPTED: Partial<Record<ServerOp['kind'], readonly string[]>> = {
  register: ['EventRegistered'],
  unregister: ['EventUnregistered'],
  'user-event': ['EventACK'],
  private: ['EventACK', 'EventPrivateInfo'],
  reserve: ['EventAgentReserved'],
};

const FIRST_REFERENCE_ID = 1_000_000;

interface Run {
  target: LiveTarget;
  probes: Probe[];
  /** DN slots each client is registered on. */
  registered: Set<number>[];
  ledger: DeliveryLedger;
  /** Per client, how much of its inbox the ledger has counted. */
  counted: number[];
  /** The next ReferenceID: far from the small ones the damaged frames carry. */
  nextRef: number;
  /** Clients that sent a damaged frame: it may be answered at any time, under any ReferenceID, about any DN but the script's. */
  sentGarbage: Set<number>;
  /** Judges each op's answers again once the script is over: one that came late must be allowed too. */
  answered: Array<() => void>;
  /** The first leak or double the ledger found (counting runs inside socket callbacks, so it records rather than throws). */
  leak?: string;
}

function requestOf(op: ServerOp, refId: number, t: LiveTarget): Message {
  switch (op.kind) {
    case 'register':
      return { Event: 'RequestRegisterAddress', ReferenceID: refId, ThisDN: t.dns[op.dn]! };
    case 'unregister':
      return { Event: 'RequestUnregisterAddress', ReferenceID: refId, ThisDN: t.dns[op.dn]! };
    case 'user-event':
      return { Event: 'RequestDistributeUserEvent', ReferenceID: refId, ThisDN: t.dns[op.dn]!, UserData: [['op', refId]] };
    case 'reserve': {
      const agent = t.agents.length > 0 ? t.agents[op.agent % t.agents.length] : undefined;
      return { Event: 'RequestReserveAgent', ReferenceID: refId, ThisDN: t.dns[op.dn]!, Timeout: 1000, ...(agent ? { AgentID: agent.agentId, ...(agent.place !== undefined ? { Place: agent.place } : {}) } : {}) };
    }
    case 'private':
      return { Event: 'RequestPrivateService', ReferenceID: refId, ThisDN: t.dns[op.dn]!, PrivateEvent: op.privateEvent };
    case 'simple':
      return { Event: op.request, ReferenceID: refId, ...(op.request === 'RequestQueryAddress' ? { ThisDN: 'x-query' } : {}) } as Message;
    case 'random':
      return { ...op.message, ReferenceID: refId } as Message;
    case 'unknown-type':
      return { Event: 'Unknown', MessageType: op.type, ReferenceID: refId };
    case 'garbage':
      return { Event: 'Unknown', MessageType: -1 };
  }
}

/** Sends a request under the next ReferenceID (or `refId`) and returns it. */
function send(run: Run, p: Probe, request: Message, refId = run.nextRef++): number {
  const sent = { ...request, ReferenceID: refId } as Message;
  p.send(encode(sent), refId, sent);
  return refId;
}

/** Answers `p` received under `refId`, apart from copies of a user event (a delivery, whatever ReferenceID it carries). */
const answersTo = (p: Probe, refId: number): Message[] => p.under(refId).filter((m) => m.Event !== 'EventUserEvent');

async function answered(run: Run, p: Probe, refId: number, what: string): Promise<Message[] | undefined> {
  const open = await p.until(() => answersTo(p, refId).length > 0, run.target.stepMs, () => `client ${p.index}: no answer to ${what} (ReferenceID ${refId}) within ${run.target.stepMs} ms`);
  return open ? answersTo(p, refId) : undefined;
}

/** A round trip on every open client: what the server sent each of them before its answer has arrived. */
async function barrier(run: Run, step: string): Promise<void> {
  await Promise.all(
    run.probes.filter((p) => !p.closed).map(async (p) => {
      const refId = send(run, p, { Event: 'RequestQueryLocation' });
      await answered(run, p, refId, `the barrier after ${step}`);
    }),
  );
}

function failures(run: Run): void {
  for (const p of run.probes) if (p.failure) assert.fail(p.failure);
  if (run.leak) assert.fail(run.leak);
}

/** Counts what each client received since the last count against the offers. */
function countDeliveries(run: Run): void {
  for (const p of run.probes) {
    for (; run.counted[p.index]! < p.inbox.length; run.counted[p.index]!++) {
      const { message, refId } = p.inbox[run.counted[p.index]!]!;
      if (!isDelivered(message)) continue;
      // The requester's own answer is judged with the request, not as a delivery.
      if (refId !== undefined && p.sent.has(refId) && message.Event !== 'EventUserEvent') continue;
      if (message.Event === 'EventPrivateInfo' && mayNotify(run, p.index, message)) continue;
      const leak = run.ledger.take(p.index, message);
      const answersGarbage = run.sentGarbage.has(p.index) && !run.target.dns.includes(String(message.ThisDN));
      if (leak && !answersGarbage) run.leak ??= `client ${p.index} (registered on ${registeredOn(run, p.index)}) received ${leak}`;
    }
  }
}

/** EventPrivateInfo also notifies "those registered on the specified device": unasked, it may reach a client registered on its DN, or about no DN of the script. */
function mayNotify(run: Run, client: number, m: Message): boolean {
  const slot = run.target.dns.indexOf(String(m.ThisDN));
  const concernsAnOp = run.ledger.offers.some((o) => o.event === 'EventPrivateInfo' && (o.refId === m.ReferenceID || o.dn === m.ThisDN));
  return !concernsAnOp && (slot < 0 || run.registered[client]!.has(slot));
}

const registeredOn = (run: Run, client: number): string => [...run.registered[client]!].map((s) => run.target.dns[s]).join(',') || 'nothing';

/** Waits until every owed copy has come, up to the step bound from now. */
async function owedArrived(run: Run, step: string): Promise<void> {
  const deadline = Date.now() + run.target.stepMs;
  for (const p of run.probes) {
    await p
      .until(
        () => (countDeliveries(run), run.leak !== undefined || run.ledger.missing().every((m) => !m.startsWith(`client ${p.index}:`))),
        Math.max(1, deadline - Date.now()),
        () => `${step}: not delivered within ${run.target.stepMs} ms: ${run.ledger.missing().join('; ')}`,
      )
      .catch((e: Error) => assert.fail(e.message));
  }
  countDeliveries(run);
}

/** The offer an operation carried out makes, or none; `refused`: answered EventError (nothing is owed, nothing may reach a client off the DN). */
function offerOf(run: Run, n: number, op: ServerOp, refId: number, request: Message, refused: boolean): void {
  const event: DeliveredEvent | undefined = op.kind === 'user-event' ? 'EventUserEvent' : op.kind === 'reserve' ? 'EventAgentReserved' : op.kind === 'private' ? 'EventPrivateInfo' : undefined;
  if (!event || !('dn' in op)) return;
  const onDn = run.probes.map((_, c) => run.registered[c]!.has(op.dn));
  const per = (c: number): [number, number] => {
    if (!onDn[c]) return [0, 0];
    if (refused) return [0, 1];
    if (c === op.client) return [0, 1]; // the sender may hear its own event, or a copy of its reservation beside the answer
    return op.kind === 'private' ? [0, 1] : [1, 1]; // private information reaches the device's clients "depending on the nature of the service"
  };
  const limits = run.probes.map((_, c) => per(c));
  // A requester off the DN may still get its EventPrivateInfo without the ReferenceID (ReferenceID is Optional there).
  if (event === 'EventPrivateInfo' && !refused) limits[op.client] = [0, 1];
  run.ledger.offers.push({
    op: n,
    event,
    dn: run.target.dns[op.dn]!,
    refId,
    ...(typeof request.AgentID === 'string' ? { agentId: request.AgentID } : {}),
    ...(typeof request.Place === 'string' ? { place: request.Place } : {}),
    min: limits.map(([min]) => min),
    max: limits.map(([, max]) => max),
    got: limits.map(() => 0),
  });
}

/** Judges the sender's answers to op `n`; returns whether it was refused. */
function judgeAnswers(step: string, op: ServerOp, answers: string[]): boolean {
  // A damaged frame has no request to answer: the server may answer it (under whatever ReferenceID it carried) or close.
  if (op.kind === 'garbage') return true;
  if (answers.length === 1 && answers[0] === 'EventError') return true;
  const accepted = ACCEPTED[op.kind];
  if (accepted) {
    const ok = answers.length > 0 && answers.every((a) => accepted.includes(a)) && new Set(answers).size === answers.length;
    // EventAgentReserved may come twice to a requester registered on the agent's DN: the answer and the DN's copy.
    const twiceReserved = op.kind === 'reserve' && answers.length === 2 && answers.every((a) => a === 'EventAgentReserved');
    assert.ok(ok || twiceReserved, `${step}: answers [${answers.join(', ')}], expected ${accepted.join(' and/or ')}, or EventError`);
    return false;
  }
  const max = op.kind === 'random' && op.message.Event === 'RequestPrivateService' ? 2 : 1;
  assert.ok(answers.length >= 1 && answers.length <= max, `${step}: ${answers.length} answers [${answers.join(', ')}]`);
  return answers.includes('EventError');
}

/** The answers `me` has to op `n` so far; an EventPrivateInfo without the ReferenceID (Optional there) answers a TPrivateService() too. */
function answersOf(run: Run, me: Probe, op: ServerOp, refId: number): string[] {
  const answers = answersTo(me, refId).map((m) => m.Event);
  if (op.kind !== 'private' || answers.length > 0) return answers;
  const dn = run.target.dns[op.dn];
  const at = me.sent.get(refId)?.at ?? me.inbox.length;
  return me.inbox.slice(at).some((r) => r.refId === undefined && r.message.Event === 'EventPrivateInfo' && r.message.ThisDN === dn) ? ['EventPrivateInfo'] : [];
}

async function playOp(run: Run, n: number, op: ServerOp): Promise<void> {
  const me = run.probes[op.client]!;
  if (me.closed) return;
  const t = run.target;
  const step = `op ${n} (${op.kind} by client ${op.client}${'dn' in op ? ` on ${t.dns[op.dn]}` : ''})`;
  const refId = run.nextRef++;
  const request = requestOf(op, refId, t);
  if (op.kind === 'garbage') {
    me.sendGarbage(op.frame);
    run.sentGarbage.add(op.client);
  } else {
    send(run, me, request, refId);
    // Answers come in their own time: a server need not answer one connection's requests in the order they came.
    await me.until(() => answersOf(run, me, op, refId).length > 0, t.stepMs, () => `${step}: no answer (ReferenceID ${refId}) within ${t.stepMs} ms`).catch((e: Error) => assert.fail(e.message));
  }
  await barrier(run, step);
  failures(run);
  if (me.closed) {
    // Only garbage may cost a client its connection; it must then be a clean close.
    if (op.kind !== 'garbage') assert.fail(`${step}: the server closed the connection (${me.closeReason || 'no reason'})`);
    run.registered[op.client]!.clear();
    return;
  }
  const refused = judgeAnswers(step, op, op.kind === 'garbage' ? [] : answersOf(run, me, op, refId));
  if (op.kind !== 'garbage') run.answered.push(() => judgeAnswers(`${step}, at the end`, op, answersOf(run, me, op, refId)));
  if (op.kind === 'register' && !refused) run.registered[op.client]!.add(op.dn);
  if (op.kind === 'unregister' && !refused) run.registered[op.client]!.delete(op.dn);
  offerOf(run, n, op, refId, request, refused);
  await owedArrived(run, step);
  failures(run);
}

async function playScript(script: ServerScript, target: LiveTarget): Promise<void> {
  const run: Run = { target, probes: [], registered: [], ledger: new DeliveryLedger(), counted: [], sentGarbage: new Set(), answered: [], nextRef: FIRST_REFERENCE_ID };
  try {
    for (let i = 0; i < script.clients; i++) {
      run.probes.push(await Probe.open(i, target.primary, judge));
      run.registered.push(new Set());
      run.counted.push(0);
    }
    for (const p of run.probes) await registerClient(run, p, `fuzz-${p.index}`);
    await barrier(run, 'registration');
    for (const [n, op] of script.ops.entries()) await playOp(run, n, op);
    await barrier(run, 'the script');
    await owedArrived(run, 'the script');
    failures(run);
    for (const judgeAgain of run.answered) judgeAgain();
  } finally {
    for (const p of run.probes) p.close();
  }
  // Still serving: a new client registers (on the backup too, when there is one).
  await stillServing(target.primary, target, 'the server');
  if (target.backup) await stillServing(target.backup, target, 'the backup');
}

async function registerClient(run: Run, p: Probe, name: string): Promise<void> {
  const pw = run.target.password;
  const refId = send(run, p, { Event: 'RequestRegisterClient', ApplicationName: name, ...(pw !== undefined ? { ApplicationPassword: pw } : {}) });
  const answers = await answered(run, p, refId, 'RequestRegisterClient');
  if (!answers) assert.fail(`client ${p.index}: connection closed during RequestRegisterClient (${p.closeReason || 'no reason'})`);
  assert.deepEqual(answers.map((m) => m.Event), ['EventServerConnected'], `client ${p.index}: the answer to RequestRegisterClient`);
}

async function stillServing(at: Address, target: LiveTarget, who: string): Promise<void> {
  const run: Run = { target, probes: [], registered: [new Set()], ledger: new DeliveryLedger(), counted: [0], sentGarbage: new Set(), answered: [], nextRef: FIRST_REFERENCE_ID };
  const fresh = await Probe.open(99, at, judge);
  run.probes.push(fresh);
  try {
    await registerClient(run, fresh, 'fuzz-after').catch((e: Error) => assert.fail(`${who} no longer accepts clients: ${e.message}`));
  } finally {
    fresh.close();
  }
}
