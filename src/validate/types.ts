import type { JsonMessage } from '../codec/json.js';
import type { Message } from '../codec/types.js';

/** One broken rule. Every field is derived from the schema or rule data. */
export interface Violation {
  /** Stable rule id, e.g. "EventACK/ReferenceID/mandatory". */
  rule: string;
  /** Where in the message, e.g. "ReferenceID" or "UserData[0][1]"; "" for the message as a whole. */
  path: string;
  /** What a valid message has there. */
  expected: string;
  /** What this message has there. */
  actual: string;
  /** The sentence of the reference the rule enforces, quoted. */
  reference: string;
  /** One sentence for a person. */
  message: string;
}

export interface ValidationContext {
  /** The request this event answers: turns on the request-dependent rules. */
  request?: Message | JsonMessage;
  /**
   * The event as the client library delivers it to the application (true),
   * or as it is on the wire (false, the default). See spec/validation.md.
   */
  delivered?: boolean;
  /**
   * The strict reading of the reference's tables (true, the default): an
   * attribute a special event's table does not list is a violation
   * (`<Event>/no-other-attributes`). false: the open reading, which the
   * conformance runner uses: no sentence forbids a server to send more, so
   * such attributes pass, and `attributesOutsideTable` names them.
   * See spec/validation.md, "Attributes outside the table".
   */
  strictTables?: boolean;
}

export interface Rule {
  id: string;
  /** The event it applies to, or "message" for the loose check of any message. */
  scope: string;
  /** "schema": enforced by spec/…schema.json; "request": needs context.request; "input": the value is no message at all. */
  source: 'schema' | 'request' | 'input';
  /** What a valid message has. */
  expected: string;
  reference: string;
}
