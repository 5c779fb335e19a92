import type { ATTRIBUTES, AttributeKind, MessageName } from '../registry.js';

/** A key-value list value: T-Library's four kinds. */
export type KVValue = string | number | Uint8Array | KVList;
/** A key-value list: ordered pairs, keys may repeat (T-Library's TKVList). */
export type KVList = Array<[key: string, value: KVValue]>;

/** AttributeTimeinSecs + AttributeTimeinuSecs. */
export interface TimeStamp {
  seconds: number;
  microseconds: number;
}

/** Wire value kinds (spec/wire-format.md, "Value kinds"). */
export { WIRE_KIND, type WireKindName } from '../registry.js';
import type { WireKindName } from '../registry.js';

/** An attribute this registry does not know, kept so it re-encodes unchanged. */
export type UnknownAttribute =
  | { tag: number; kind: 'int32'; value: number }
  | { tag: number; kind: 'int64'; value: bigint }
  | { tag: number; kind: 'string'; value: string }
  | { tag: number; kind: 'binary'; value: Uint8Array }
  | { tag: number; kind: 'kvlist'; value: KVList };

type JsOf<K extends AttributeKind> = K extends 'int' | 'u32'
  ? number
  : K extends 'connid' | 'string'
    ? string
    : K extends 'u64'
      ? bigint
      : K extends 'binary'
        ? Uint8Array
        : KVList;

type Attr = (typeof ATTRIBUTES)[number];
type TimePart = 'TimeinSecs' | 'TimeinuSecs';

/** Every wire attribute, by the reference's name, all optional at the codec level. */
export type Attributes = {
  [A in Attr as A['name'] extends TimePart ? never : A['name']]?: JsOf<A['kind']>;
} & { time?: TimeStamp };

/** Properties that are not wire attributes. */
interface NonWire {
  /**
   * T-Library's TEvent.Server: which server connection delivered the event.
   * Set by the client library, never by decode(); encode() ignores it.
   */
  Server?: string;
  /** Set by decode() on obsolete events (EventResourceAllocated / EventResourceFreed). */
  Obsolete?: true;
  /** Attributes with tags the registry does not know, in wire order. */
  Unknown?: UnknownAttribute[];
}

export type KnownMessage = { Event: MessageName } & Attributes & NonWire;
/** A message whose type id the registry does not know; preserved and re-encoded unchanged. */
export type UnknownMessage = { Event: 'Unknown'; MessageType: number } & Attributes & NonWire;
export type Message = KnownMessage | UnknownMessage;

/** A message of one named type, for code that has already switched on Event. */
export type MessageOf<N extends MessageName> = { Event: N } & Attributes & NonWire;
