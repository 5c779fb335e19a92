/**
 * EventACK: "T-Server has acknowledged a request received from a client
 * application." UserEvent "is the identifier of the request that has caused
 * T-Server to generate EventACK", so it is the request's message type id.
 */
import type { Attributes, Message } from '../../codec/types.js';
import { messageByName } from '../../registry.js';
import { event } from '../events.js';
import { need } from '../refusal.js';

export function ackFor(request: Message, extra: Attributes = {}): Message {
  const ReferenceID = need(request, 'ReferenceID');
  return event('EventACK', { ...extra, UserEvent: messageByName(request.Event)?.id ?? -1, ReferenceID });
}
