/**
 * EventACK: "T-Server has acknowledged a request received from a client
 * application. This event is a response to the TSendUserEvent(),
 * TSendEvent(), TSendEventEx(), TSetInputMask(), TTransactionMonitoring(),
 * and TPrivateSevice() functions."
 */
import { sentence } from '../../src/reference/sentences.js';
import type { SentenceId } from '../../src/reference/sentences.js';
import { messageByName, SUBSCRIPTION_OPERATION, type Message } from '../../src/index.js';
import type { Scenario, ScenarioContext, WireClient } from '../scenario.js';
import { event, mustEqual, mustHave, mustLack } from './check.js';

const RESPONSE_TO = sentence('EventACK.description.1');
const REFERENCE_ID_RULE = `EventACK: ${sentence('EventACK.row.ReferenceID')}. ${sentence('EventACK.description.0')}`;
const SUBSCRIPTION_RULE = sentence('EventACK.note.b.0');
const REFERENCE_ID_CITES: SentenceId[] = ['EventACK.row.ReferenceID', 'EventACK.description.0'];

/** Sends the request and returns the EventACK that answers it, its ReferenceID checked. */
async function acknowledged(c: WireClient, request: Message): Promise<Message> {
  const ref = c.request(request);
  const ack = await c.expect(event('EventACK', undefined, `answering ${request.Event} (ReferenceID ${ref})`));
  mustEqual(c, ack, 'ReferenceID', ref, `must echo the ReferenceID of the ${request.Event} it acknowledges`, REFERENCE_ID_RULE);
  return ack;
}

interface AckCase {
  id: string;
  fn: string;
  /** Sentences this case checks beyond the ReferenceID echo. */
  cites?: SentenceId[];
  /** DNs the request names (default 1). */
  dns?: number;
  request: (ctx: ScenarioContext) => Message;
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
  { id: 'ack/private-service/reference-id', fn: 'TPrivateService()', request: (ctx) => ({ Event: 'RequestPrivateService', PrivateEvent: 4711, ThisDN: ctx.resources.dn('ack') }) },
];

const simpleAcks: Scenario[] = CASES.map((k) => ({
  id: k.id,
  title: `EventACK answers ${k.fn} with its ReferenceID`,
  reference: `${RESPONSE_TO} ${REFERENCE_ID_RULE}`,
  level: 'must',
  needs: [],
  uses: { dns: k.dns ?? 1 },
  cites: [...REFERENCE_ID_CITES, ...(k.cites ?? [])],
  run: async (ctx) => {
    const c = await ctx.client('client-a');
    await acknowledged(c, k.request(ctx));
  },
}));

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

const transactionMonitoring: Scenario[] = [
  {
    id: 'ack/transaction-monitoring/start',
    title: 'EventACK answers TTransactionMonitoring() SubscriptionStart with ReferenceID and SubscriptionID',
    reference: `${RESPONSE_TO} ${SUBSCRIPTION_RULE}`,
    level: 'must',
    needs: [],
    uses: { dns: 1 },
    cites: [...REFERENCE_ID_CITES, 'EventACK.note.b.0'],
    run: async (ctx) => void (await started(ctx, await ctx.client('client-a'))),
  },
  ...(['SubscriptionStop', 'SubscriptionModify'] as const).map(
    (op): Scenario => ({
      id: `ack/transaction-monitoring/${op === 'SubscriptionStop' ? 'stop' : 'modify'}`,
      title: `EventACK answers TTransactionMonitoring() ${op} with ReferenceID and no SubscriptionID`,
      reference: `${RESPONSE_TO} ${SUBSCRIPTION_RULE}`,
      level: 'must',
      needs: [],
      uses: { dns: 1 },
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

const namesRequestSentence = `${sentence('EventACK.note.a.0')} ${sentence('EventACK.note.a.1')}`;

const namesRequest: Scenario = {
  id: 'ack/user-event-attribute',
  title: 'EventACK carries UserEvent naming the request it acknowledges, when it carries UserEvent at all',
  reference: namesRequestSentence,
  level: 'must',
  needs: [],
  uses: { dns: 1 },
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

export const ACK_SCENARIOS: Scenario[] = [...simpleAcks, ...transactionMonitoring, namesRequest];
