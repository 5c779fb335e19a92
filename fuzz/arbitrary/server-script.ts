/**
 * A script for the live-server property: how many clients, and a sequence
 * of operations each done by one of them: registrations on a few DN slots
 * (numbers the target maps to DNs it serves, so shrinking can never invent a
 * DN the server lacks), requests the simulator answers with EventACK or an answer event,
 * requests that deliver events to registered clients, random request
 * messages (registry-derived, with any attributes), unknown message types,
 * and garbage frames (random or damaged bodies behind a correct length).
 */
import fc from 'fast-check';
import { encode, MESSAGES, type Message } from '../../src/index.js';
import { messageArb } from './message.js';
import { unknownMessageTypeArb } from './unknown-message-type.js';

/** How many DNs a script uses: ops name slot 0 to DN_SLOTS - 1, the target says which DN each slot is. */
export const DN_SLOTS = 3;
/** How many agents a reservation may name: slot k is the target's agent k (modulo its agent count). */
const AGENT_SLOTS = 2;

export type ServerOp =
  | { kind: 'register' | 'unregister' | 'user-event'; client: number; dn: number }
  | { kind: 'reserve'; client: number; dn: number; agent: number }
  | { kind: 'private'; client: number; dn: number; privateEvent: number }
  | { kind: 'simple'; client: number; request: 'RequestSetInputMask' | 'RequestDistributeEvent' | 'RequestQueryLocation' | 'RequestQueryAddress' }
  | { kind: 'random'; client: number; message: Message }
  | { kind: 'unknown-type'; client: number; type: number }
  | { kind: 'garbage'; client: number; frame: Uint8Array };

export interface ServerScript {
  clients: number;
  ops: ServerOp[];
}

/** Requests the random op may send: every request of the registry but the opening handshake. */
const RANDOM_REQUESTS = MESSAGES.filter((m) => m.category === 'request' && m.name !== 'RequestRegisterClient').map((m) => m.name);

function withLength(body: Uint8Array): Uint8Array {
  const f = new Uint8Array(4 + body.length);
  new DataView(f.buffer).setUint32(0, body.length);
  f.set(body, 4);
  return f;
}

export function serverScriptArb(maxClients = 4, maxOps = 16): fc.Arbitrary<ServerScript> {
  return fc.integer({ min: 1, max: maxClients }).chain((clients) => {
    const client = fc.nat({ max: clients - 1 });
    const dn = fc.nat({ max: DN_SLOTS - 1 });
    const agent = fc.nat({ max: AGENT_SLOTS - 1 });
    const op: fc.Arbitrary<ServerOp> = fc.oneof(
      // Registrations and what they make a server deliver weigh most: a script exercises delivery only when another client is on the DN.
      { arbitrary: fc.record({ kind: fc.constant('register' as const), client, dn }), weight: 5 },
      { arbitrary: fc.record({ kind: fc.constant('unregister' as const), client, dn }), weight: 1 },
      { arbitrary: fc.record({ kind: fc.constant('user-event' as const), client, dn }), weight: 4 },
      { arbitrary: fc.record({ kind: fc.constant('reserve' as const), client, dn, agent }), weight: 2 },
      { arbitrary: fc.record({ kind: fc.constant('private' as const), client, dn, privateEvent: fc.integer({ min: -5, max: 5000 }) }), weight: 1 },
      { arbitrary: fc.record({ kind: fc.constant('simple' as const), client, request: fc.constantFrom('RequestSetInputMask' as const, 'RequestDistributeEvent' as const, 'RequestQueryLocation' as const, 'RequestQueryAddress' as const) }), weight: 2 },
      {
        arbitrary: fc.record({
          kind: fc.constant('random' as const),
          client,
          message: fc.tuple(fc.constantFrom(...RANDOM_REQUESTS), messageArb({ unknownTypes: false, kv: { maxDepth: 2, maxPairs: 3 } })).map(
            // Random requests never name a DN of the script's, so they cannot change what the model expects there.
            ([Event, m]) => ({ ...m, Event, ...('ThisDN' in m ? { ThisDN: `x-${Array.from(String(m.ThisDN)).slice(0, 8).join("")}` } : {}) }) as Message,
          ),
        }),
        weight: 2,
      },
      { arbitrary: fc.record({ kind: fc.constant('unknown-type' as const), client, type: unknownMessageTypeArb() }), weight: 1 },
      {
        arbitrary: fc.record({
          kind: fc.constant('garbage' as const),
          client,
          frame: fc.oneof(
            fc.uint8Array({ maxLength: 64 }).map(withLength),
            fc.tuple(fc.constantFrom(...RANDOM_REQUESTS), fc.array(fc.nat(), { minLength: 1, maxLength: 4 })).map(([Event, flips]) => {
              const f = encode({ Event, ReferenceID: 1, ThisDN: 'x-garbage', UserData: [['k', 'v']] } as Message);
              for (const b of flips) f[4 + (b % (f.length - 4))]! ^= 1 << (b % 8);
              return f;
            }),
          ),
        }),
        weight: 1,
      },
    );
    return fc.record({ clients: fc.constant(clients), ops: fc.array(op, { minLength: 1, maxLength: maxOps, size: 'medium' }) });
  });
}
