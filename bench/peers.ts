/**
 * The serializers tlib-kit is measured against, each set up in its fastest
 * documented mode for this traffic and fed the messages in its own natural
 * form (converted once, before timing):
 *  - msgpackr maps: Packr({ useRecords: false }), standard MessagePack;
 *  - msgpackr records: Packr({ structures: [] }), records whose structures
 *    are shared between writer and reader (its fastest mode);
 *  - cbor-x records: Encoder({ useRecords: true, structures: [] });
 *  - avsc: a union of one Avro record per message type;
 *  - protobufjs and @bufbuild/protobuf: one proto3 message per type under a
 *    oneof envelope, key-value lists as a recursive Pair message.
 * The schemas are derived from the traffic itself (the attributes each
 * type carries), with the registry's value kinds mapped to each format's
 * nearest type. Every peer must round-trip every message (checked by
 * main.ts before timing).
 */
import avro from 'avsc';
import { Encoder as CborEncoder } from 'cbor-x';
import { Packr } from 'msgpackr';
import protobuf from 'protobufjs';
import descriptor from 'protobufjs/ext/descriptor/index.js';
import { create, createFileRegistry, fromBinary, toBinary, type DescMessage } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { attributeByName, type KVList, type KVValue, type Message } from '../src/index.js';

export interface Peer {
  readonly id: string;
  /** The message in this peer's form (untimed). */
  readonly from: (m: Message) => unknown;
  readonly encode: (x: unknown) => Uint8Array;
  readonly decode: (b: Uint8Array) => unknown;
  /** The decoded value back in tlib-kit's form, for the round-trip check. */
  readonly back: (x: unknown) => Message;
}

type Fields = Map<string, { kind: string; always: boolean }>;

/** For each message type in the traffic: its attributes, their kinds, and whether every message of the type has them. */
function shapesOf(messages: readonly Message[]): Map<string, Fields> {
  const types = new Map<string, { n: number; seen: Map<string, number> }>();
  for (const m of messages) {
    const t = types.get(m.Event) ?? { n: 0, seen: new Map<string, number>() };
    t.n++;
    for (const k of Object.keys(m)) if (k !== 'Event') t.seen.set(k, (t.seen.get(k) ?? 0) + 1);
    types.set(m.Event, t);
  }
  const out = new Map<string, Fields>();
  for (const [name, t] of types) {
    const fields: Fields = new Map();
    for (const [k, n] of [...t.seen].sort((a, b) => a[0].localeCompare(b[0]))) {
      const kind = k === 'time' ? 'time' : k === 'Obsolete' ? 'bool' : attributeByName(k)!.kind;
      fields.set(k, { kind, always: n === t.n });
    }
    out.set(name, fields);
  }
  return out;
}

const toBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

function msgpackrPeers(): Peer[] {
  const maps = new Packr({ useRecords: false });
  const records = new Packr({ structures: [], maxSharedStructures: 64 });
  const same = (x: unknown) => x as Message;
  return [
    { id: 'msgpackr maps', from: (m) => m, encode: (x) => maps.pack(x), decode: (b) => maps.unpack(b), back: same },
    { id: 'msgpackr records', from: (m) => m, encode: (x) => records.pack(x), decode: (b) => records.unpack(b), back: same },
  ];
}

function cborPeer(): Peer {
  const cbor = new CborEncoder({ useRecords: true, structures: [], maxSharedStructures: 64, int64AsType: 'bigint' } as ConstructorParameters<typeof CborEncoder>[0]);
  return { id: 'cbor-x records', from: (m) => m, encode: (x) => cbor.encode(x), decode: (b) => cbor.decode(b) as unknown, back: (x) => x as Message };
}

// ---- avsc ----

function avroType(kind: string): unknown {
  switch (kind) {
    case 'int':
      return 'int';
    case 'u32':
    case 'u64':
      return 'long';
    case 'bool':
      return 'boolean';
    case 'binary':
      return 'bytes';
    case 'kvlist':
      return { type: 'array', items: 'Pair' };
    case 'time':
      return 'Time';
    default:
      return 'string';
  }
}

function avroPair(p: [string, KVValue]): unknown {
  const v = p[1];
  return { key: p[0], value: v instanceof Uint8Array ? toBuffer(v) : Array.isArray(v) ? v.map(avroPair) : v };
}
function pairFromAvro(p: { key: string; value: unknown }): [string, KVValue] {
  const v = p.value;
  return [p.key, Buffer.isBuffer(v) ? new Uint8Array(v) : Array.isArray(v) ? v.map(pairFromAvro) : (v as KVValue)];
}

function avscPeer(shapes: Map<string, Fields>): Peer {
  const named = [
    { type: 'record', name: 'Pair', fields: [{ name: 'key', type: 'string' }, { name: 'value', type: ['string', 'int', 'bytes', { type: 'array', items: 'Pair' }] }] },
    { type: 'record', name: 'Time', fields: [{ name: 'seconds', type: 'long' }, { name: 'microseconds', type: 'long' }] },
  ];
  const records = [...shapes].map(([name, fields]) => ({
    type: 'record',
    name,
    fields: [...fields].map(([k, f]) => {
      const t = avroType(f.kind);
      return { name: k, type: f.always ? t : ['null', t], ...(f.always ? {} : { default: null }) };
    }),
  }));
  // Pair and Time are defined once, in the registry every branch names them from.
  const type = avro.Type.forSchema(records as avro.Schema, { registry: registryWith(named), wrapUnions: 'auto' });
  const attrs = (m: Message) => {
    const out: Record<string, unknown> = {};
    for (const [k, f] of shapes.get(m.Event)!) {
      const v = (m as unknown as Record<string, unknown>)[k];
      out[k] = v === undefined ? null : f.kind === 'kvlist' ? (v as KVList).map(avroPair) : f.kind === 'binary' ? toBuffer(v as Uint8Array) : f.kind === 'u64' ? Number(v) : v;
    }
    return out;
  };
  return {
    id: 'avsc',
    from: (m) => ({ [m.Event]: attrs(m) }),
    encode: (x) => type.toBuffer(x),
    decode: (b) => type.fromBuffer(Buffer.from(b.buffer, b.byteOffset, b.byteLength)),
    back: (x) => {
      const [event, body] = Object.entries(x as Record<string, Record<string, unknown>>)[0]!;
      const m: Record<string, unknown> = { Event: event };
      for (const [k, f] of shapes.get(event)!) {
        const v = body[k];
        if (v === null || v === undefined) continue;
        m[k] = f.kind === 'kvlist' ? (v as { key: string; value: unknown }[]).map(pairFromAvro) : f.kind === 'binary' ? new Uint8Array(v as Buffer) : f.kind === 'u64' ? BigInt(v as number) : f.kind === 'time' ? { seconds: (v as { seconds: number }).seconds, microseconds: (v as { microseconds: number }).microseconds } : v;
      }
      return m as unknown as Message;
    },
  };
}

function registryWith(named: unknown[]): Record<string, avro.Type> {
  const registry: Record<string, avro.Type> = {};
  for (const s of named) avro.Type.forSchema(s as avro.Schema, { registry });
  return registry;
}

// ---- protobuf (protobufjs builds the schema; @bufbuild/protobuf reads its descriptor) ----

function pbType(kind: string): string {
  switch (kind) {
    case 'int':
      return 'sint32';
    case 'u32':
      return 'uint32';
    case 'u64':
      return 'uint64';
    case 'bool':
      return 'bool';
    case 'binary':
      return 'bytes';
    case 'kvlist':
      return 'PairList';
    case 'time':
      return 'Time';
    default:
      return 'string';
  }
}

function protoRoot(shapes: Map<string, Fields>): protobuf.Root {
  const ns = new protobuf.Root().define('tlib');
  ns.add(new protobuf.Type('Time').add(new protobuf.Field('seconds', 1, 'uint32')).add(new protobuf.Field('microseconds', 2, 'uint32')));
  const pair = new protobuf.Type('Pair')
    .add(new protobuf.Field('key', 1, 'string'))
    .add(new protobuf.Field('s', 2, 'string'))
    .add(new protobuf.Field('i', 3, 'sint32'))
    .add(new protobuf.Field('b', 4, 'bytes'))
    .add(new protobuf.Field('l', 5, 'PairList'));
  pair.add(new protobuf.OneOf('value', ['s', 'i', 'b', 'l']));
  ns.add(pair);
  ns.add(new protobuf.Type('PairList').add(new protobuf.Field('pairs', 1, 'Pair', 'repeated')));
  const envelope = new protobuf.Type('Envelope');
  let n = 1;
  for (const [name, fields] of shapes) {
    const t = new protobuf.Type(name);
    let f = 1;
    for (const [k, def] of fields) {
      const field = new protobuf.Field(k, f++, pbType(def.kind));
      // Explicit presence for scalars, so a 0 or '' survives (protobufjs cannot encode an optional bytes field).
      if (['sint32', 'uint32', 'uint64', 'string', 'bool'].includes(pbType(def.kind))) field.options = { proto3_optional: true };
      t.add(field);
    }
    ns.add(t);
    envelope.add(new protobuf.Field(name, n++, name));
  }
  envelope.add(new protobuf.OneOf('msg', [...shapes.keys()]));
  ns.add(envelope);
  const root = ns.root as protobuf.Root;
  root.resolveAll();
  return root;
}

type PbPair = { key: string; s?: string; i?: number; b?: Uint8Array; l?: { pairs: PbPair[] } };
function pbPair([key, v]: [string, KVValue]): PbPair {
  if (typeof v === 'string') return { key, s: v };
  if (typeof v === 'number') return { key, i: v };
  if (v instanceof Uint8Array) return { key, b: v };
  return { key, l: { pairs: v.map(pbPair) } };
}
/** A decoded Pair: its oneof `value` names the field that is set. */
function pairFromPb(p: PbPair & { value?: string }): [string, KVValue] {
  if (p.value === 's') return [p.key, p.s!];
  if (p.value === 'i') return [p.key, p.i!];
  if (p.value === 'b') return [p.key, new Uint8Array(p.b!)];
  return [p.key, (p.l?.pairs ?? []).map(pairFromPb)];
}

function protobufjsPeer(root: protobuf.Root, shapes: Map<string, Fields>): Peer {
  const envelope = root.lookupType('tlib.Envelope');
  const attrs = (m: Message) => {
    const out: Record<string, unknown> = {};
    for (const [k, f] of shapes.get(m.Event)!) {
      const v = (m as unknown as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = f.kind === 'kvlist' ? { pairs: (v as KVList).map(pbPair) } : f.kind === 'u64' ? Number(v) : v;
    }
    return out;
  };
  return {
    id: 'protobufjs',
    from: (m) => ({ [m.Event]: attrs(m) }),
    encode: (x) => envelope.encode(x as protobuf.Message).finish(),
    decode: (b) => envelope.decode(b),
    back: (x) => fromPb(x as Record<string, unknown>, shapes, (x as { msg: string }).msg),
  };
}

function fromPb(env: Record<string, unknown>, shapes: Map<string, Fields>, event: string): Message {
  const body = env[event] as Record<string, unknown>;
  const m: Record<string, unknown> = { Event: event };
  for (const [k, f] of shapes.get(event)!) {
    const v = body[k];
    if (v === null || v === undefined || !Object.hasOwn(body, k)) continue;
    m[k] =
      f.kind === 'kvlist' ? ((v as { pairs: PbPair[] }).pairs ?? []).map(pairFromPb)
      : f.kind === 'binary' ? new Uint8Array(v as Uint8Array)
      : f.kind === 'u64' ? BigInt(String(v))
      : f.kind === 'time' ? { seconds: (v as { seconds: number }).seconds, microseconds: (v as { microseconds: number }).microseconds }
      : v;
  }
  return m as unknown as Message;
}

function bufbuildPeer(root: protobuf.Root, shapes: Map<string, Fields>): Peer {
  const set = (root as unknown as { toDescriptor(syntax: string): protobuf.Message }).toDescriptor('proto3');
  // protobufjs writes type names as they were given (relative); a descriptor needs them fully qualified.
  type D = { file: { messageType: { field: { typeName?: string }[] }[] }[] };
  for (const file of (set as unknown as D).file) for (const t of file.messageType) for (const f of t.field) if (f.typeName && !f.typeName.startsWith('.')) f.typeName = `.tlib.${f.typeName}`;
  const bytes = ((descriptor as unknown as { FileDescriptorSet: protobuf.Type }).FileDescriptorSet).encode(set).finish();
  const registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, bytes));
  const desc = registry.getMessage('tlib.Envelope') as DescMessage;
  const pairs = (l: KVList): unknown[] => l.map(([key, v]) => ({ key, value: typeof v === 'string' ? { case: 's', value: v } : typeof v === 'number' ? { case: 'i', value: v } : v instanceof Uint8Array ? { case: 'b', value: v } : { case: 'l', value: { pairs: pairs(v) } } }));
  type BbPair = { key: string; value: { case: string; value: unknown } };
  const back = (ps: BbPair[]): KVList => ps.map((p) => [p.key, p.value.case === 'l' ? back((p.value.value as { pairs: BbPair[] }).pairs) : (p.value.value as KVValue)]);
  return {
    id: '@bufbuild/protobuf',
    from: (m) => {
      const body: Record<string, unknown> = {};
      for (const [k, f] of shapes.get(m.Event)!) {
        const v = (m as unknown as Record<string, unknown>)[k];
        if (v !== undefined) body[k] = f.kind === 'kvlist' ? { pairs: pairs(v as KVList) } : v;
      }
      return create(desc, { msg: { case: m.Event, value: body } } as never);
    },
    encode: (x) => toBinary(desc, x as never),
    decode: (b) => fromBinary(desc, b),
    back: (x) => {
      const { msg } = x as { msg: { case: string; value: Record<string, unknown> } };
      const m: Record<string, unknown> = { Event: msg.case };
      for (const [k, f] of shapes.get(msg.case)!) {
        const v = msg.value[k];
        if (v === undefined) continue;
        m[k] = f.kind === 'kvlist' ? back((v as { pairs: BbPair[] }).pairs) : f.kind === 'time' ? { seconds: (v as { seconds: number }).seconds, microseconds: (v as { microseconds: number }).microseconds } : v;
      }
      return m as unknown as Message;
    },
  };
}

export function buildPeers(messages: readonly Message[]): Peer[] {
  const shapes = shapesOf(messages);
  const root = protoRoot(shapes);
  return [...msgpackrPeers(), cborPeer(), avscPeer(shapes), protobufjsPeer(root, shapes), bufbuildPeer(root, shapes)];
}
