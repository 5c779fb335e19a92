/**
 * The scenario model: one documented behaviour of the reference, as data
 * (id, title, the sentence it enforces, what it needs from the target, which
 * simulator defects must break it) plus one small async step function.
 */
import type { Message } from '../../src/codec/types.js';
import type { SentenceId } from '../../src/reference/sentences.js';
import type { WireRecord } from '../report/report-model.js';

/** What one scenario leases from the profile for the length of one attempt. */
export interface ResourceUse {
  /** Distinct DNs, named by label in the scenario (ctx.resources.dn(label)). */
  dns?: number;
  /** Agents with their place (ctx.resources.agent()). */
  agents?: number;
  /** One call (ctx.obtainCall()). */
  call?: boolean;
  /** A resource the switch does not have (ctx.resources.absent()), from the profile's "absent". */
  absent?: 'agent' | 'call';
}

/** What a scenario needs from the target; a target that lacks one makes it 'skip'. */
export type Need =
  | 'second-client' // more than one simultaneous client session
  | 'pair' // a hot-standby pair (primary and backup addresses)
  | 'control:switchover' // the runner can make the backup primary
  | 'control:link' // the runner can take a server's switch link down / up
  | 'control:fault' // the runner can inject a switch-side fault
  | 'control:call' // the runner can put a call on the switch (profiles that obtain calls through the hook)
  | 'app-view' // events as an application sees them through a client library
  | 'raw-wire'; // the server's frames unfiltered by any client library


/** A scenario that switches over, changes a link or injects a fault: it holds the pair exclusively. */
export function changesPair(s: Pick<Scenario, 'needs'>): boolean {
  return s.needs.some((n) => n === 'control:switchover' || n === 'control:link' || n === 'control:fault');
}

export type ServerSide = 'primary' | 'backup';
export type FaultKind = 'checksum' | 'missing-attributes' | 'incomplete-flow';

/** A predicate with the words a failure report uses for it. */
export interface Expectation {
  /** What was expected, as a person would say it: "EventACK with ReferenceID 7". */
  what: string;
  match: (m: Message) => boolean;
  /** The sentence that requires this message, quoted when it never comes (the scenario's when absent). */
  sentence?: string;
}

/** A session that sees frames (raw wire, or as an application sees them). */
export interface Receiver {
  readonly name: string;
  /** Every message received so far, in order. */
  readonly received: readonly Message[];
  /** Waits for the next not-yet-consumed message matching `e`; a silent peer ends the scenario with 'timeout'. */
  expect(e: Expectation, timeoutMs?: number): Promise<Message>;
  /**
   * Fails the scenario, blaming the message, if one matching `e` has arrived
   * (quoting `sentence`). A wire client first proves it has caught up with
   * everything the server sent it (a round trip on its own connection); an
   * application view waits `windowMs`.
   */
  expectNone(e: Expectation, windowMs?: number, sentence?: string): Promise<void>;
  /** The exchange record that carried a received message (to mark it as the violation). */
  recordOf(m: Message): WireRecord | undefined;
}

/** A raw client connection to one server of the target. */
export interface WireClient extends Receiver {
  readonly server: ServerSide;
  /** Sends a message as is. */
  send(m: Message): void;
  /** Sends a request with a fresh ReferenceID and returns that id. */
  request(m: Message): number;
  /** Sends a request and waits for the answer carrying its ReferenceID (EventError fails the step). */
  call(m: Message, answer: string): Promise<Message>;
  /**
   * A barrier: a request on this connection and its answer (any event with
   * its ReferenceID, EventError included). Whatever the server sent this
   * client before answering is in `received` when it resolves.
   */
  sync(): Promise<void>;
  /** Registers this client on a DN (RequestRegisterAddress, waits for EventRegistered). */
  register(dn: string): Promise<void>;
  close(): void;
}

/** The application's side of a client library (ours for the embedded target, the bridge's for exec). */
export interface AppView extends Receiver {
  close(): Promise<void>;
}

export interface Control {
  switchover(): Promise<void>;
  setLink(server: ServerSide, up: boolean): Promise<void>;
  fault(kind: FaultKind, where: { ThisDN?: string; ConnID?: string }): Promise<void>;
  /** Puts a call on the switch at ThisDN and returns its ConnID (profiles with "call": {"obtain": "control"}). */
  call(where: { ThisDN: string }): Promise<string>;
  /**
   * Holds the pair across processes (the shards of a run), spec/target-contract.md "The pair is
   * shared": resolves with the release once held, or with undefined when the hook has no lease.
   */
  lease?(mode: 'shared' | 'exclusive'): Promise<(() => void) | undefined>;
  /** Which configured server ("primary": the one given as primary) is primary now; undefined when the hook cannot say. */
  state?(): Promise<ServerSide | undefined>;
}

/** The profile's resources leased to one attempt (spec/target-contract.md, "The profile"). */
export interface ScenarioResources {
  /** A DN of the profile, the same for the same label, different for different labels, held by this attempt alone. */
  dn(label: string): string;
  /** An agent of the profile (with its place, when the profile gives one), the same for the same label. */
  agent(label?: string): { AgentID: string; Place?: string };
  /** An AgentID or ConnID the switch does not have (the profile's "absent"; needs `uses.absent`). */
  absent(kind: 'agent' | 'call'): string;
}

/** A call the scenario may change: one the profile names, or one the control hook put on the switch. */
export interface ObtainedCall {
  ConnID: string;
  ThisDN: string;
}

export interface Violation {
  rule: string;
  path: string;
  expected: string;
  actual: string;
  reference?: string;
  message: string;
}

export interface ScenarioContext {
  /** Opens a raw client to a server of the target and registers it as an application. */
  client(name: string, server?: ServerSide): Promise<WireClient>;
  /** Opens an application session through a client library, connected to the pair. */
  app(name: string): Promise<AppView>;
  /** Control actions (switchover, link, fault); only present when the scenario's needs say so. */
  readonly control: Control;
  /** Schema and request-dependent rules of the validator. */
  validate(m: Message, context?: { request?: Message }): Violation[];
  /** Where a server of the target listens, when the runner reaches it directly (undefined through a bridge). */
  address(server: ServerSide): { host: string; port: number } | undefined;
  /** DNs and agents leased from the profile; the scenario's `uses` says how many. */
  readonly resources: ScenarioResources;
  /** The call of the profile's "call" entry (needs `uses.call`). */
  obtainCall(): Promise<ObtainedCall>;
  /** Records which of several allowed behaviours the target showed. */
  seen(behaviour: string): void;
  /** Adds a free-text note to the exchange (shown in traces and diagrams). */
  note(text: string): void;
  /**
   * An absence no request of the runner bounds (a message the target sends on its own, possibly
   * late on purpose): judged after the run's one settle window (`timeouts.settleMs`, counted from
   * when it was registered), with the application views of the scenario kept open until then. A
   * rule it finds broken turns the attempt's verdict.
   */
  whenRunSettled(check: () => Promise<void>): void;
  /** The per-step timeout in milliseconds. */
  readonly timeoutMs: number;
  /** How long expectNone watches by default. */
  readonly quietMs: number;
}

export interface Scenario {
  /** Semantic, stable: adding a scenario never renames another. */
  id: string;
  /** Names the event it checks. */
  title: string;
  /** The sentence of the reference it enforces, quoted. */
  reference: string;
  level: 'must' | 'should';
  needs: Need[];
  /** What it leases from the profile; a profile that cannot grant it makes the scenario 'skip'. */
  uses?: ResourceUse;
  /**
   * The sentences of the reference its own steps check (spec/reference/sentences.json):
   * a target that breaks one of them fails it (test/conformance/defects.test.ts derives which simulator defect must fail which scenario from these).
   */
  cites: SentenceId[];
  run(ctx: ScenarioContext): Promise<void>;
}
