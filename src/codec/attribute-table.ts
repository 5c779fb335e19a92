/**
 * Lookup tables derived once from the registry, shaped for the hot paths:
 * an array indexed by tag for the dense public range, a Map for the rest.
 */
import { ATTRIBUTES, MESSAGES, VALUE_KINDS, type AttributeKind, type AttributeName, type MessageDef, type WireKindName } from '../registry.js';

export interface AttrCodec {
  readonly tag: number;
  readonly name: string;
  readonly kind: AttributeKind;
  readonly wire: number;
  /** Stores a decoded value on a message under this attribute's name (see SETTERS). */
  readonly set: Setter;
}

type Setter = (message: Record<string, unknown>, value: unknown) => void;

/**
 * One setter per attribute, each storing under a literal property name.
 * decode() used `msg[attr.name] = value`: one store site for every name,
 * which V8 handles as a megamorphic keyed store (a stub-cache probe per
 * store, 15% of decoding an EventAgentReserved). A setter's store sees one
 * name and the few object shapes that reach it, so its inline cache stays
 * fast. `satisfies Record<AttributeName, ...>` makes a registry addition
 * without a setter a compile error.
 */
const SETTERS = {
  ProtocolVersion: (m, v) => void (m.ProtocolVersion = v),
  ErrorMessage: (m, v) => void (m.ErrorMessage = v),
  ReferenceID: (m, v) => void (m.ReferenceID = v),
  ConnID: (m, v) => void (m.ConnID = v),
  PreviousConnID: (m, v) => void (m.PreviousConnID = v),
  AgentID: (m, v) => void (m.AgentID = v),
  Reasons: (m, v) => void (m.Reasons = v),
  ThisDN: (m, v) => void (m.ThisDN = v),
  Timeout: (m, v) => void (m.Timeout = v),
  InputMask: (m, v) => void (m.InputMask = v),
  ErrorCode: (m, v) => void (m.ErrorCode = v),
  UserData: (m, v) => void (m.UserData = v),
  Extensions: (m, v) => void (m.Extensions = v),
  UserEvent: (m, v) => void (m.UserEvent = v),
  ServerRole: (m, v) => void (m.ServerRole = v),
  ApplicationName: (m, v) => void (m.ApplicationName = v),
  ApplicationPassword: (m, v) => void (m.ApplicationPassword = v),
  CustomerID: (m, v) => void (m.CustomerID = v),
  TimeinSecs: (m, v) => void (m.TimeinSecs = v),
  TimeinuSecs: (m, v) => void (m.TimeinuSecs = v),
  Place: (m, v) => void (m.Place = v),
  Priority: (m, v) => void (m.Priority = v),
  PrivateEvent: (m, v) => void (m.PrivateEvent = v),
  ServerStartTime: (m, v) => void (m.ServerStartTime = v),
  EventSequenceNumber: (m, v) => void (m.EventSequenceNumber = v),
  SubscriptionID: (m, v) => void (m.SubscriptionID = v),
  SubscriptionOperation: (m, v) => void (m.SubscriptionOperation = v),
  RegisterMode: (m, v) => void (m.RegisterMode = v),
  AddressType: (m, v) => void (m.AddressType = v),
} satisfies Record<AttributeName, Setter>;

const DENSE = 256;
const dense: (AttrCodec | undefined)[] = new Array(DENSE).fill(undefined);
const sparse = new Map<number, AttrCodec>();
/** By property name; `time` is handled by the codec itself. */
export const ATTR_BY_NAME: Record<string, AttrCodec> = Object.create(null);

for (const a of ATTRIBUTES) {
  const codec: AttrCodec = { tag: a.tag, name: a.name, kind: a.kind, wire: VALUE_KINDS[a.kind].wire, set: SETTERS[a.name] };
  if (a.tag < DENSE) dense[a.tag] = codec;
  else sparse.set(a.tag, codec);
  ATTR_BY_NAME[a.name] = codec;
}

export function attrByTag(tag: number): AttrCodec | undefined {
  return tag < DENSE ? dense[tag] : sparse.get(tag);
}

const msgDense: (MessageDef | undefined)[] = new Array(DENSE).fill(undefined);
export const MSG_BY_NAME: Record<string, MessageDef> = Object.create(null);
for (const m of MESSAGES) {
  msgDense[m.id] = m;
  MSG_BY_NAME[m.name] = m;
}

export function msgById(id: number): MessageDef | undefined {
  return id < DENSE ? msgDense[id] : undefined;
}

/** Wire kind byte -> its name, for the kinds that are defined. */
export const WIRE_KIND_NAME: Record<number, WireKindName> = Object.fromEntries(Object.values(VALUE_KINDS).map((k) => [k.wire, k.wireName]));
