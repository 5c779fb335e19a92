/**
 * EventACK (EventACK.description.0); its UserEvent identifies the request
 * (EventACK.note.a.0), so it is the request's message type id.
 */
import type { Attributes, Message } from '../../codec/types.js';
import { messageByName } from '../../registry.js';
import { event } from '../events.js';
import { need } from '../refusal.js';

export function ackFor(request: Message, extra: Attributes = {}): Message {
  const ReferenceID = need(request, 'ReferenceID');
  return event('EventACK', { ...extra, UserEvent: messageByName(request.Event)?.id ?? -1, ReferenceID });
}
