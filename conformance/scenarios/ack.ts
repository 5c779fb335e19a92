/**
 * EventACK: "T-Server has acknowledged a request received from a client
 * application. This event is a response to the TSendUserEvent(),
 * TSendEvent(), TSendEventEx(), TSetInputMask(), TTransactionMonitoring(),
 * and TPrivateSevice() functions."
 */
import { quote, sentence } from '../../src/reference/sentences.js';
import type { SentenceId } from '../../src/reference/sentences.js';
import { messageByName, SUBSCRIPTION_OPERATION } from '../../src/registry.js';
import type { Message } from '../../src/codec/types.js';
import type { Scenario, ScenarioContext, WireClient } from '../model/scenario.js';
import { answered, event, mustEqual, mustHave, mustLack } from './check.js';
import { scenarioFamily, type FamilyMember } from './family.js';

const RESPONSE_TO = sentence('EventACK.description.1');
const REFERENCE_ID_RULE = `EventACK: ${sentence('EventACK.row.ReferenceID')}. ${sentence('EventACK.description.0')}`;
const SUBSCRIPTION_RULE = sentence('EventACK.note.b.0');
const REFERENCE_ID_CITES: SentenceId[] = ['EventACK.row.ReferenceID', 'EventACK.description.0'];

/** Sends the request and returns the EventACK that answers it, its ReferenceID checked. */
async function acknowledged(c: WireClient, request: Message): Promise<Message> {
  const ref = c.request(request);
  // EventACK "is a response to" these requests: an EventError in its place breaks that sentence.
  const ack = await answered(c.expect(event('EventACK', undefined, `answering ${request.Event} (ReferenceID ${ref})`)), RESPONSE_TO);
  mustEqual(c, ack, 'ReferenceID', ref, `must echo the ReferenceID of the ${request.Event} it acknowledges`, REFERENCE_ID_RULE);
  return ack;
}

interface AckCase {
  id: string;
  fn: string;
  /** Sentences this case checks beyond the ReferenceID echo. */
  cites?: SentenceId[];
  /** DNs the request names (default: the family's 1). */
  dns?: number;
  request: (ctx: ScenarioContext) => Message;
  /** Another event that may answer the request alone, where the reference is silent (spec/conformance-decisions.md). */
  orAlone?: string;
}

const CASES: AckCase[] = [
  { id: 'ack/user-event/reference-id', fn: 'TSendUserEvent()', request: (ctx) => ({ Event: 'RequestDistributeUserEvent', ThisDN: ctx.resources.dn('ack'), UserData: [['note', 'ack check']] }) },
  { id: 'ack/send-event/reference-id', fn: 'TSendEvent()', request: (ctx) => ({ Event: 'RequestDistributeEvent', ThisDN: ctx.resources.dn('ack') }) },
  {
    id: 'ack/send-event-ex/reference-id',
    fn: 'TSendEventEx()',
    request: (ctx) => ({ Event: 'RequestDistributeEvent', ThisDN: ctx.resources.dn('ack'), Extensions: [['ex', 'yes'], ['n', 5]] }),
  },
  {
    id: 'ack/set-input-mask/reference-id',
    fn: 'TSetInputMask()',
    cites: ['EventACK.description.1'],
    dns: 0,
    request: () => ({ Event: 'RequestSetInputMask', InputMask: new Uint8Array(64).fill(0xff) }),
  },
  {
    id: 'ack/private-service/reference-id',
    fn: 'TPrivateService()',
    orAlone: 'EventPrivateInfo',
    request: (ctx) => ({ Event: 'RequestPrivateService', PrivateEvent: 4711, ThisDN: ctx.resources.dn('ack') }),
  },
];

const simpleAcks: FamilyMember[] = CASES.map((k) => ({
  id: k.id,
  title: `EventACK answers ${k.fn} with its ReferenceID`,
  reference: `${RESPONSE_TO} ${REFERENCE_ID_RULE}`,
  uses: k.dns === undefined ? undefined : { dns: k.dns },
  cites: [...REFERENCE_ID_CITES, ...(k.cites ?? [])],
  run: async (ctx) => {
    const c = await ctx.client('client-a');
    if (k.orAlone) return acknowledgedOr(ctx, c, k.request(ctx), k.orAlone);
    await acknowledged(c, k.request(ctx));
  },
}));

/**
 * "This event is generated ... in response to a TPrivateService() function call" (EventPrivateInfo) and EventACK
 * "is a response to ... TPrivateSevice()": real servers answer with either or both. Any EventACK that comes before
 * a barrier on the connection is judged; one that does not come is recorded, not failed.
 */
async function acknowledgedOr(ctx: ScenarioContext, c: WireClient, request: Message, alone: string): Promise<void> {
  const ref = c.request(request);
  const either = (m: Message): boolean => m.Event === 'EventACK' || m.Event === alone;
  await answered(c.expect({ what: `EventACK or ${alone} answering ${request.Event} (ReferenceID ${ref})`, match: either, sentence: RESPONSE_TO }), RESPONSE_TO);
  await c.sync();
  const ack = c.received.find((m) => m.Event === 'EventACK');
  if (!ack) return ctx.seen(`${request.Event} answered by ${alone} alone (no EventACK)`);
  mustEqual(c, ack, 'ReferenceID', ref, `must echo the ReferenceID of the ${request.Event} it acknowledges`, REFERENCE_ID_RULE);
  ctx.seen(`${request.Event} answered by EventACK${c.received.some((m) => m.Event === alone) ? ` and ${alone}` : ''}`);
}

const monitoring = (ctx: ScenarioContext, SubscriptionOperation: number, SubscriptionID?: string): Message => ({
  Event: 'RequestTransactionMonitoring',
  SubscriptionOperation,
  ThisDN: ctx.resources.dn('tm'),
  ...(SubscriptionID !== undefined ? { SubscriptionID } : {}),
});

/** SubscriptionStart, whose EventACK must carry the SubscriptionID later operations name. */
async function started(ctx: ScenarioContext, c: WireClient): Promise<string> {
  const ack = await acknowledged(c, monitoring(ctx, SUBSCRIPTION_OPERATION.SubscriptionStart));
  mustHave(c, ack, 'SubscriptionID', 'it is mandatory for the operation SubscriptionStart', SUBSCRIPTION_RULE);
  return ack.SubscriptionID!;
}

const transactionMonitoring: FamilyMember[] = [
  {
    id: 'ack/transaction-monitoring/start',
    title: 'EventACK answers TTransactionMonitoring() SubscriptionStart with ReferenceID and SubscriptionID',
    reference: `${RESPONSE_TO} ${SUBSCRIPTION_RULE}`,
    cites: [...REFERENCE_ID_CITES, 'EventACK.note.b.0'],
    run: async (ctx) => void (await started(ctx, await ctx.client('client-a'))),
  },
  ...(['SubscriptionStop', 'SubscriptionModify'] as const).map(
    (op): FamilyMember => ({
      id: `ack/transaction-monitoring/${op === 'SubscriptionStop' ? 'stop' : 'modify'}`,
      title: `EventACK answers TTransactionMonitoring() ${op} with ReferenceID and no SubscriptionID`,
      reference: `${RESPONSE_TO} ${SUBSCRIPTION_RULE}`,
      // The start that precedes it must name the subscription, so this checks both halves of the footnote.
      cites: [...REFERENCE_ID_CITES, 'EventACK.note.b.0'],
      run: async (ctx) => {
        const c = await ctx.client('client-a');
        const id = await started(ctx, c);
        const ack = await acknowledged(c, monitoring(ctx, SUBSCRIPTION_OPERATION[op], id));
        mustLack(c, ack, 'SubscriptionID', `it is not present for the operation ${op}`, SUBSCRIPTION_RULE);
      },
    }),
  ),
];

const namesRequestSentence = quote(['EventACK.note.a.0', 'EventACK.note.a.1']);

const namesRequest: FamilyMember = {
  id: 'ack/user-event-attribute',
  title: 'EventACK carries UserEvent naming the request it acknowledges, when it carries UserEvent at all',
  cites: ['EventACK.note.a.0', 'EventACK.note.a.1'],
  run: async (ctx) => {
    const c = await ctx.client('client-a');
    c.request({ Event: 'RequestDistributeEvent', ThisDN: ctx.resources.dn('ack') });
    const ack = await c.expect(event('EventACK'));
    // UserEvent is Optional, so both absent and right pass; present and wrong breaks "derived from the request".
    if (ack.UserEvent === undefined) return ctx.seen('EventACK without UserEvent (Optional)');
    mustEqual(c, ack, 'UserEvent', messageByName('RequestDistributeEvent')!.id, 'must identify the request that caused the EventACK', namesRequestSentence);
    ctx.seen('EventACK with UserEvent naming the request');
  },
};

/**
 * The same rules hold for the server that became primary by a switchover:
 * requests go to it, and its answers and copies are judged like the first
 * primary's (every rule on every copy, conformance/rules/received-rules.ts).
 */
const afterSwitchover: FamilyMember = {
  id: 'ack/after-switchover',
  title: 'EventACK and EventUserEvent from the server that became primary by a switchover',
  reference: `${RESPONSE_TO} ${REFERENCE_ID_RULE}`,
  needs: ['pair', 'control:switchover', 'second-client'],
  cites: [...REFERENCE_ID_CITES, 'EventUserEvent.description.0'],
  run: async (ctx) => {
    const dn = ctx.resources.dn('dn');
    // Both connect to the backup before the switchover and stay: their server becomes the primary they then use.
    const receiver = await ctx.client('receiver-on-new-primary', 'backup');
    const sender = await ctx.client('client-of-new-primary', 'backup');
    await receiver.register(dn);
    await receiver.sync();
    const since = receiver.received.length;
    await ctx.control.switchover();
    await receiver.expect(event('EventPrimaryChanged', (m) => receiver.received.indexOf(m) >= since, 'from the server becoming primary'));
    await acknowledged(sender, { Event: 'RequestDistributeEvent', ThisDN: dn });
    await acknowledged(sender, { Event: 'RequestDistributeUserEvent', ThisDN: dn, UserData: [['after', 'switchover']] });
    await receiver.expect(event('EventUserEvent', (m) => m.ThisDN === dn, `on ${dn}, from the new primary`, sentence('EventUserEvent.description.0')));
  },
};

/** Every EventACK scenario names one DN in its requests unless it says otherwise. */
export const ACK_SCENARIOS: Scenario[] = scenarioFamily({ uses: { dns: 1 } }, [...simpleAcks, ...transactionMonitoring, namesRequest, afterSwitchover]);
