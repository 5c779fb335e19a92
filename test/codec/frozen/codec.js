// GENERATED, DO NOT EDIT: the tlib-kit codec of commit 96c094c320bd2699bb8e9e7e288386c210ba66e2,
// frozen as the differential test's reference. Made by
// `node scripts/freeze-codec.mjs 96c094c320bd` (git archive of src/, bundled by esbuild
// 0.28.2); it imports nothing.
// @ts-nocheck
// ../../../tmp/tlib-freeze-J2LAUW/src/registry.ts
var TIME_SECONDS_TAG = 86;
var TIME_MICROSECONDS_TAG = 87;
var ATTRIBUTES = [
  { tag: 0, name: "ProtocolVersion", cName: "AttributeProtocolVersion", kind: "string", origin: "public" },
  { tag: 1, name: "ErrorMessage", cName: "AttributeErrorMessage", kind: "string", origin: "public" },
  { tag: 2, name: "ReferenceID", cName: "AttributeReferenceID", kind: "u32", origin: "public" },
  { tag: 9, name: "ConnID", cName: "AttributeConnID", kind: "connid", origin: "public" },
  { tag: 10, name: "PreviousConnID", cName: "AttributePreviousConnID", kind: "connid", origin: "public" },
  { tag: 14, name: "AgentID", cName: "AttributeAgentID", kind: "string", origin: "public" },
  { tag: 17, name: "Reasons", cName: "AttributeReason", kind: "kvlist", origin: "public" },
  { tag: 20, name: "ThisDN", cName: "AttributeThisDN", kind: "string", origin: "public" },
  { tag: 42, name: "Timeout", cName: "AttributeTimeout", kind: "int", origin: "public", note: "milliseconds in EventAgentReserved" },
  { tag: 45, name: "InputMask", cName: "AttributeInputMask", kind: "binary", origin: "public", note: "bit mask, 64 bytes in T-Library" },
  { tag: 46, name: "ErrorCode", cName: "AttributeErrorCode", kind: "int", origin: "public" },
  { tag: 51, name: "UserData", cName: "AttributeUserData", kind: "kvlist", origin: "public" },
  { tag: 53, name: "Extensions", cName: "AttributeExtensions", kind: "kvlist", origin: "public" },
  { tag: 58, name: "UserEvent", cName: "AttributeUserEvent", kind: "int", origin: "public", note: "a message type id" },
  { tag: 62, name: "ServerRole", cName: "AttributeServerRole", kind: "int", origin: "public", note: "0 primary, 1 backup" },
  { tag: 64, name: "ApplicationName", cName: "AttributeApplicationName", kind: "string", origin: "public" },
  { tag: 65, name: "ApplicationPassword", cName: "AttributeApplicationPassword", kind: "string", origin: "public" },
  { tag: 76, name: "CustomerID", cName: "AttributeCustomerID", kind: "string", origin: "public" },
  { tag: 86, name: "TimeinSecs", cName: "AttributeTimeinSecs", kind: "u32", origin: "public", note: "time.seconds" },
  { tag: 87, name: "TimeinuSecs", cName: "AttributeTimeinuSecs", kind: "u32", origin: "public", note: "time.microseconds" },
  { tag: 92, name: "Place", cName: "AttributePlace", kind: "string", origin: "public" },
  { tag: 93, name: "Priority", cName: "AttributePriority", kind: "int", origin: "public" },
  { tag: 105, name: "PrivateEvent", cName: "AttributePrivateMsgID", kind: "int", origin: "public" },
  { tag: 147, name: "ServerStartTime", cName: "AttributeServerStartTime", kind: "int", origin: "public" },
  { tag: 148, name: "EventSequenceNumber", cName: "AttributeEventSequenceNumber", kind: "u64", origin: "public" },
  { tag: 16e3, name: "SubscriptionID", cName: "AttributeSubscriptionID", kind: "string", origin: "project", note: "TTransactionMonitoring (7.6); public number unknown" },
  { tag: 16001, name: "SubscriptionOperation", cName: "AttributeSubscriptionOperation", kind: "int", origin: "project", note: "SubscriptionOperation enumeration" },
  { tag: 16002, name: "RegisterMode", cName: "AttributeRegisterMode", kind: "int", origin: "project", note: "TRegisterMode enumeration" },
  { tag: 16003, name: "AddressType", cName: "AttributeAddressType", kind: "int", origin: "project", note: "TAddressType enumeration" }
];
var MESSAGES = [
  { id: 0, name: "RequestRegisterClient", category: "request", note: "opening handshake of a client" },
  { id: 2, name: "RequestQueryAddress", category: "request" },
  { id: 3, name: "RequestRegisterAddress", category: "request" },
  { id: 4, name: "RequestUnregisterAddress", category: "request" },
  { id: 7, name: "RequestSetInputMask", category: "request" },
  { id: 48, name: "RequestDistributeUserEvent", category: "request", note: "TSendUserEvent()" },
  { id: 49, name: "RequestDistributeEvent", category: "request", note: "TSendEvent() / TSendEventEx()" },
  { id: 50, name: "EventServerConnected", category: "event" },
  { id: 51, name: "EventServerDisconnected", category: "event" },
  { id: 52, name: "EventError", category: "event" },
  { id: 53, name: "EventRegistered", category: "event" },
  { id: 54, name: "EventUnregistered", category: "event" },
  { id: 92, name: "EventAddressInfo", category: "event" },
  { id: 93, name: "EventServerInfo", category: "event" },
  { id: 94, name: "EventLinkDisconnected", category: "event" },
  { id: 95, name: "EventLinkConnected", category: "event" },
  { id: 96, name: "EventUserEvent", category: "event", special: true },
  { id: 99, name: "EventResourceAllocated", category: "event", special: true, obsolete: true },
  { id: 100, name: "EventResourceFreed", category: "event", special: true, obsolete: true },
  { id: 108, name: "RequestQueryCall", category: "request" },
  { id: 109, name: "EventPartyInfo", category: "event" },
  { id: 111, name: "RequestSetCallInfo", category: "request" },
  { id: 112, name: "EventCallInfoChanged", category: "event", special: true },
  { id: 117, name: "EventHardwareError", category: "event", special: true },
  { id: 127, name: "RequestReserveAgent", category: "request", note: "TReserveAgent()" },
  { id: 128, name: "EventAgentReserved", category: "event", special: true },
  { id: 132, name: "EventRestoreConnection", category: "event", special: true, note: "internal to the client library" },
  { id: 133, name: "EventPrimaryChanged", category: "event", special: true },
  { id: 134, name: "RequestLostBackupConnection", category: "request" },
  { id: 136, name: "RequestQueryLocation", category: "request" },
  { id: 137, name: "EventLocationInfo", category: "event" },
  { id: 138, name: "EventACK", category: "event", special: true },
  { id: 149, name: "RequestPrivateService", category: "request", note: "TPrivateService()" },
  { id: 150, name: "EventPrivateInfo", category: "event", special: true },
  { id: 180, name: "RequestTransactionMonitoring", category: "request", note: "TTransactionMonitoring() (7.6)" },
  { id: 181, name: "EventTransactionStatus", category: "event" }
];
var byId = new Map(MESSAGES.map((m) => [m.id, m]));
var byName = new Map(MESSAGES.map((m) => [m.name, m]));
var attrByTag = new Map(ATTRIBUTES.map((a) => [a.tag, a]));
var attrByName = new Map(ATTRIBUTES.map((a) => [a.name, a]));
function attributeByName(name) {
  return attrByName.get(name);
}

// ../../../tmp/tlib-freeze-J2LAUW/src/wire/utf8.ts
var SHORT_STRING = 64;
var encoder = new TextEncoder();
var fatalDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function writeUtf8(buf, pos, str) {
  const len = str.length;
  if (len > SHORT_STRING) {
    if (!str.isWellFormed()) return -1;
    return pos + encoder.encodeInto(str, buf.subarray(pos)).written;
  }
  let i = 0;
  for (; i < len; i++) {
    const c = str.charCodeAt(i);
    if (c >= 128) break;
    buf[pos + i] = c;
  }
  if (i === len) return pos + len;
  pos += i;
  for (; i < len; i++) {
    let c = str.charCodeAt(i);
    if (c < 128) {
      buf[pos++] = c;
    } else if (c < 2048) {
      buf[pos++] = 192 | c >> 6;
      buf[pos++] = 128 | c & 63;
    } else if (c < 55296 || c > 57343) {
      buf[pos++] = 224 | c >> 12;
      buf[pos++] = 128 | c >> 6 & 63;
      buf[pos++] = 128 | c & 63;
    } else {
      const lo = i + 1 < len ? str.charCodeAt(i + 1) : 0;
      if (c > 56319 || lo < 56320 || lo > 57343) return -1;
      i++;
      c = 65536 + (c - 55296 << 10) + (lo - 56320);
      buf[pos++] = 240 | c >> 18;
      buf[pos++] = 128 | c >> 12 & 63;
      buf[pos++] = 128 | c >> 6 & 63;
      buf[pos++] = 128 | c & 63;
    }
  }
  return pos;
}
var units = [];
function readUtf8(buf, start, end) {
  const len = end - start;
  if (len > SHORT_STRING) return decodeNative(buf, start, end);
  let ascii = 0;
  for (let i = start; i < end; i++) ascii |= buf[i];
  if (ascii < 128) return asciiString(buf, start, len);
  return decodeShortUtf8(buf, start, end);
}
function decodeNative(buf, start, end) {
  try {
    return fatalDecoder.decode(buf.subarray(start, end));
  } catch {
    return void 0;
  }
}
var CACHED_MAX = 32;
var CACHE_BITS = 12;
var SLOT_INTS = 8;
function newStringCache() {
  return { strings: new Array(1 << CACHE_BITS).fill(""), words: new Int32Array(SLOT_INTS << CACHE_BITS).fill(-1) };
}
function readUtf8Cached(buf, view, start, end, cache) {
  const len = end - start;
  if (len <= CACHED_MAX) {
    const s = internAscii(buf, view, start, len, cache);
    if (s !== void 0) return s;
  }
  return readUtf8(buf, start, end);
}
function word(b, i) {
  return b[i] | b[i + 1] << 8 | b[i + 2] << 16 | b[i + 3] << 24;
}
function internAscii(buf, view, start, len, cache) {
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  let w3 = 0;
  if (len >= 8) {
    if (view !== void 0) {
      w0 = view.getInt32(start, true);
      w1 = view.getInt32(start + 4, true);
      w2 = view.getInt32(start + len - 8, true);
      w3 = view.getInt32(start + len - 4, true);
    } else {
      w0 = word(buf, start);
      w1 = word(buf, start + 4);
      w2 = word(buf, start + len - 8);
      w3 = word(buf, start + len - 4);
    }
  } else if (len >= 4) {
    w0 = word(buf, start);
    w3 = word(buf, start + len - 4);
  } else if (len > 0) {
    w0 = buf[start] | (len > 1 ? buf[start + 1] << 8 : 0) | (len > 2 ? buf[start + 2] << 16 : 0);
  }
  const h = Math.imul(w0, 2654435761) ^ Math.imul(w1, 2246822507) ^ Math.imul(w2, 3266489909) ^ Math.imul(w3 + len, 668265263);
  const slot = (h ^ h >>> 16) >>> 32 - CACHE_BITS;
  const w = cache.words;
  const k = slot * SLOT_INTS;
  if (w[k] === w0 && w[k + 4] === len && w[k + 1] === w1 && w[k + 2] === w2 && w[k + 3] === w3) {
    const hit = cache.strings[slot];
    if (len <= 16) return hit;
    let i = 8;
    while (i < len - 8 && hit.charCodeAt(i) === buf[start + i]) i++;
    if (i === len - 8) return hit;
  }
  const s = internMiss(buf, start, len);
  if (s !== void 0) {
    cache.strings[slot] = s;
    w[k] = w0;
    w[k + 1] = w1;
    w[k + 2] = w2;
    w[k + 3] = w3;
    w[k + 4] = len;
  }
  return s;
}
function internMiss(buf, start, len) {
  let ascii = 0;
  for (let i = start; i < start + len; i++) ascii |= buf[i];
  if (ascii >= 128) return void 0;
  return asciiString(buf, start, len);
}
var UNITS_BY_LENGTH = Array.from({ length: SHORT_STRING + 1 }, (_, n) => new Array(n).fill(0));
function asciiString(b, s, len) {
  switch (len) {
    case 0:
      return "";
    case 1:
      return String.fromCharCode(b[s]);
    case 2:
      return String.fromCharCode(b[s], b[s + 1]);
    case 3:
      return String.fromCharCode(b[s], b[s + 1], b[s + 2]);
    case 4:
      return String.fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3]);
    case 5:
      return String.fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4]);
    case 6:
      return String.fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5]);
    case 7:
      return String.fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6]);
    case 8:
      return String.fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7]);
  }
  if (len > 32) return fatalDecoder.decode(b.subarray(s, s + len));
  const u = UNITS_BY_LENGTH[len];
  for (let i = 0; i < len; i++) u[i] = b[s + i];
  return String.fromCharCode.apply(null, u);
}
function decodeShortUtf8(buf, start, end) {
  let n = 0;
  let i = start;
  while (i < end) {
    const b0 = buf[i++];
    if (b0 < 128) {
      units[n++] = b0;
      continue;
    }
    let cp;
    if (b0 >= 194 && b0 <= 223) {
      if (i >= end) return void 0;
      const b1 = buf[i++];
      if ((b1 & 192) !== 128) return void 0;
      cp = (b0 & 31) << 6 | b1 & 63;
    } else if (b0 >= 224 && b0 <= 239) {
      if (i + 1 >= end) return void 0;
      const b1 = buf[i++];
      const b2 = buf[i++];
      if ((b1 & 192) !== 128 || (b2 & 192) !== 128) return void 0;
      if (b0 === 224 && b1 < 160) return void 0;
      if (b0 === 237 && b1 >= 160) return void 0;
      cp = (b0 & 15) << 12 | (b1 & 63) << 6 | b2 & 63;
    } else if (b0 >= 240 && b0 <= 244) {
      if (i + 2 >= end) return void 0;
      const b1 = buf[i++];
      const b2 = buf[i++];
      const b3 = buf[i++];
      if ((b1 & 192) !== 128 || (b2 & 192) !== 128 || (b3 & 192) !== 128) return void 0;
      if (b0 === 240 && b1 < 144) return void 0;
      if (b0 === 244 && b1 >= 144) return void 0;
      cp = (b0 & 7) << 18 | (b1 & 63) << 12 | (b2 & 63) << 6 | b3 & 63;
      cp -= 65536;
      units[n++] = 55296 + (cp >> 10);
      cp = 56320 + (cp & 1023);
    } else {
      return void 0;
    }
    units[n++] = cp;
  }
  units.length = n;
  return String.fromCharCode.apply(null, units);
}
function utf8Length(str) {
  let n = 0;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c < 128) n += 1;
    else if (c < 2048) n += 2;
    else if (c >= 55296 && c <= 56319 && i + 1 < str.length && (str.charCodeAt(i + 1) & 64512) === 56320) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// ../../../tmp/tlib-freeze-J2LAUW/src/wire/binary-writer.ts
var POOL_BYTES = 32 * 1024;
var POOLED_MAX = 4 * 1024;
var SCRATCH_BYTES = 16 * 1024;
var KEEP_BYTES = 1 << 20;
var BinaryWriter = class {
  /** The buffer being written: the pool, the scratch buffer or a caller's buffer. */
  buf;
  pos = 0;
  pool = new Uint8Array(POOL_BYTES);
  /** First byte of the pool that no returned frame covers. */
  poolFree = 0;
  scratch = new Uint8Array(SCRATCH_BYTES);
  constructor() {
    this.buf = this.pool;
  }
  /**
   * Starts a frame of at most `bytes`; returns its first offset. A pool that
   * the caller detached (transferred a frame's `.buffer`) has length 0 and
   * is replaced like a full one.
   */
  begin(bytes) {
    if (bytes <= POOLED_MAX) {
      if (this.pool.length - this.poolFree < bytes) {
        this.pool = new Uint8Array(POOL_BYTES);
        this.poolFree = 0;
      }
      this.buf = this.pool;
      this.pos = this.poolFree;
    } else {
      if (bytes > this.scratch.length) {
        let size = this.scratch.length;
        while (size < bytes) size *= 2;
        this.scratch = new Uint8Array(size);
      }
      this.buf = this.scratch;
      this.pos = 0;
    }
    return this.pos;
  }
  /** Writes into `buffer` from `offset` on; the caller guarantees room for the worst case. */
  beginInto(buffer, offset) {
    this.buf = buffer;
    this.pos = offset;
  }
  /**
   * The frame written since `start`, as an array the caller may keep: a view
   * of the pool (whose bytes are then never written again) or a fresh copy.
   */
  finish(start) {
    const buf = this.buf;
    const end = this.pos;
    this.buf = this.pool;
    if (buf === this.pool) {
      this.poolFree = end;
      return buf.subarray(start, end);
    }
    const out = buf.slice(start, end);
    this.release();
    return out;
  }
  /** Forgets a frame that failed half way (also after writing into a caller's buffer). */
  abandon() {
    this.buf = this.pool;
    this.pos = this.poolFree;
    this.release();
  }
  release() {
    if (this.scratch.length > KEEP_BYTES) this.scratch = new Uint8Array(SCRATCH_BYTES);
  }
  byte(b) {
    this.buf[this.pos++] = b;
  }
  varint(v) {
    const buf = this.buf;
    while (v > 127) {
      buf[this.pos++] = v & 127 | 128;
      v = Math.floor(v / 128);
    }
    buf[this.pos++] = v;
  }
  int32(v) {
    const buf = this.buf;
    const p = this.pos;
    buf[p] = v >>> 24;
    buf[p + 1] = v >>> 16;
    buf[p + 2] = v >>> 8;
    buf[p + 3] = v;
    this.pos = p + 4;
  }
  /** A 32-bit big-endian word at `at`, leaving the position alone (the length prefix). */
  int32At(at, v) {
    const buf = this.buf;
    buf[at] = v >>> 24;
    buf[at + 1] = v >>> 16;
    buf[at + 2] = v >>> 8;
    buf[at + 3] = v;
  }
  uint64(v) {
    this.int32(Number(v >> 32n));
    this.int32(Number(v & 0xffffffffn));
  }
  /**
   * 16 lowercase hex digits, already validated by the caller. Digit values
   * come from the char codes (no slice/parseInt per byte, which was 11% of
   * encoding a message with a ConnID).
   */
  hex64(hex) {
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < 16; i += 2) buf[p++] = hexDigit(hex.charCodeAt(i)) << 4 | hexDigit(hex.charCodeAt(i + 1));
    this.pos = p;
  }
  bytes(b) {
    this.varint(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
  /**
   * Length-prefixed UTF-8. The prefix's size is guessed from the UTF-16
   * length (exact for ASCII, the common case); when the real byte length
   * needs a longer varint, the bytes are shifted right with copyWithin.
   * Returns false on a lone surrogate.
   */
  string(s) {
    const guess = varintSize(s.length);
    const start = this.pos + guess;
    const end = writeUtf8(this.buf, start, s);
    if (end < 0) return false;
    const len = end - start;
    const real = varintSize(len);
    if (real !== guess) this.buf.copyWithin(this.pos + real, start, end);
    this.varint(len);
    this.pos += len;
    return true;
  }
};
function hexDigit(c) {
  return c <= 57 ? c - 48 : c - 87;
}
function varintSize(v) {
  return v < 128 ? 1 : v < 16384 ? 2 : v < 2097152 ? 3 : v < 268435456 ? 4 : 5;
}

// ../../../tmp/tlib-freeze-J2LAUW/src/codec/types.ts
var WIRE_KIND = { INT32: 1, INT64: 2, STRING: 3, BINARY: 4, KVLIST: 5 };

// ../../../tmp/tlib-freeze-J2LAUW/src/codec/attribute-table.ts
var SETTERS = {
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
  AddressType: (m, v) => void (m.AddressType = v)
};
var WIRE_OF = {
  int: WIRE_KIND.INT32,
  u32: WIRE_KIND.INT32,
  connid: WIRE_KIND.INT64,
  u64: WIRE_KIND.INT64,
  string: WIRE_KIND.STRING,
  binary: WIRE_KIND.BINARY,
  kvlist: WIRE_KIND.KVLIST
};
var DENSE = 256;
var dense = new Array(DENSE).fill(void 0);
var sparse = /* @__PURE__ */ new Map();
var ATTR_BY_NAME = /* @__PURE__ */ Object.create(null);
for (const a of ATTRIBUTES) {
  const codec = { tag: a.tag, name: a.name, kind: a.kind, wire: WIRE_OF[a.kind], set: SETTERS[a.name] };
  if (a.tag < DENSE) dense[a.tag] = codec;
  else sparse.set(a.tag, codec);
  ATTR_BY_NAME[a.name] = codec;
}
function attrByTag2(tag) {
  return tag < DENSE ? dense[tag] : sparse.get(tag);
}
var msgDense = new Array(DENSE).fill(void 0);
var MSG_BY_NAME = /* @__PURE__ */ Object.create(null);
for (const m of MESSAGES) {
  msgDense[m.id] = m;
  MSG_BY_NAME[m.name] = m;
}
function msgById(id) {
  return id < DENSE ? msgDense[id] : void 0;
}
var WIRE_KIND_NAME = {
  [WIRE_KIND.INT32]: "int32",
  [WIRE_KIND.INT64]: "int64",
  [WIRE_KIND.STRING]: "string",
  [WIRE_KIND.BINARY]: "binary",
  [WIRE_KIND.KVLIST]: "kvlist"
};

// ../../../tmp/tlib-freeze-J2LAUW/src/codec/cost.ts
var PAIR_COST = 40;
var LIST_COST = 32;
var BINARY_COST = 192;
var UNKNOWN_COST = 56;
var ATTRIBUTE_COST = 16;
var COST_ALLOWANCE = 64 * 1024;
function costBudget(frameBytes, maxCostPerByte) {
  return COST_ALLOWANCE + maxCostPerByte * frameBytes;
}

// ../../../tmp/tlib-freeze-J2LAUW/src/codec/errors.ts
var TLibError = class extends Error {
  name = "TLibError";
  code;
  /** Byte offset in the frame (from its first length-prefix byte) where decoding failed. */
  offset;
  /** Property path in the message where encoding failed, e.g. "UserData[3][1]". */
  path;
  constructor(code, message, where = {}) {
    super(message);
    this.code = code;
    this.offset = where.offset;
    this.path = where.path;
  }
};
function decodeError(code, what, offset) {
  return new TLibError(code, `${what} at offset ${offset}`, { offset });
}
function encodeError(code, what, path) {
  return new TLibError(code, `${path}: ${what}`, { path });
}

// ../../../tmp/tlib-freeze-J2LAUW/src/codec/limits.ts
var DEFAULT_LIMITS = Object.freeze({
  maxFrameBytes: 1 << 20,
  maxDepth: 32,
  maxAttributes: 1024,
  maxPairs: 65536,
  maxStringBytes: 1 << 20,
  maxCostPerByte: 16
});
var LIMIT_NAMES = new Set(Object.keys(DEFAULT_LIMITS));
var HARD_MAX_FRAME_BYTES = 256 << 20;
var HARD_MAX_DEPTH = 512;
var HARD_MAX_COST_PER_BYTE = 1024;
function resolveLimits(partial) {
  if (!partial) return DEFAULT_LIMITS;
  for (const key of Object.keys(partial)) {
    if (!LIMIT_NAMES.has(key)) throw new RangeError(`limits.${key} is not a limit (limits are ${[...LIMIT_NAMES].join(", ")})`);
  }
  const limits = { ...DEFAULT_LIMITS, ...partial };
  for (const [key, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`limits.${key} must be a positive integer, got ${String(value)}`);
    }
  }
  if (limits.maxFrameBytes > HARD_MAX_FRAME_BYTES) {
    throw new RangeError(`limits.maxFrameBytes must be at most ${HARD_MAX_FRAME_BYTES}, got ${limits.maxFrameBytes}`);
  }
  if (limits.maxDepth > HARD_MAX_DEPTH) {
    throw new RangeError(`limits.maxDepth must be at most ${HARD_MAX_DEPTH}, got ${limits.maxDepth}`);
  }
  if (limits.maxCostPerByte > HARD_MAX_COST_PER_BYTE) {
    throw new RangeError(`limits.maxCostPerByte must be at most ${HARD_MAX_COST_PER_BYTE}, got ${limits.maxCostPerByte}`);
  }
  return limits;
}

// ../../../tmp/tlib-freeze-J2LAUW/src/codec/own-property.ts
function own(o, key) {
  return Object.hasOwn(o, key) ? o[key] : void 0;
}
function setOwn(out, key, value) {
  if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

// ../../../tmp/tlib-freeze-J2LAUW/src/codec/encode.ts
var writer = new BinaryWriter();
var ItemList = class {
  pool = [];
  n = 0;
  push(tag, wire, kind, value, path) {
    const it = this.pool[this.n];
    if (it === void 0) this.pool.push({ tag, wire, kind, value, path });
    else {
      it.tag = tag;
      it.wire = wire;
      it.kind = kind;
      it.value = value;
      it.path = path;
    }
    this.n++;
  }
  /** Forgets the message: drops the references to its values. */
  clear() {
    for (let i = 0; i < this.n; i++) this.pool[i].value = void 0;
    this.n = 0;
  }
};
var items = new ItemList();
var tally = { limits: resolveLimits(), pairs: 0, cost: 0 };
var INT32_MIN = -2147483648;
var INT32_MAX = 2147483647;
var UINT32_MAX = 4294967295;
var UINT64_MAX = (1n << 64n) - 1n;
var CONNID = /^[0-9a-f]{16}$/;
var SKIP = ["Event", "Server", "Obsolete", "MessageType", "Unknown", "time"];
var NON_WIRE = null;
var MESSAGE = new Map(Object.entries(MSG_BY_NAME));
var PROPERTY = new Map([
  ...SKIP.map((k) => [k, NON_WIRE]),
  ...Object.values(ATTR_BY_NAME).map((a) => [a.name, a])
]);
var UNKNOWN_WIRE = /* @__PURE__ */ new Map([
  ["int32", { wire: WIRE_KIND.INT32, kind: "int" }],
  ["int64", { wire: WIRE_KIND.INT64, kind: "int64" }],
  ["string", { wire: WIRE_KIND.STRING, kind: "string" }],
  ["binary", { wire: WIRE_KIND.BINARY, kind: "binary" }],
  ["kvlist", { wire: WIRE_KIND.KVLIST, kind: "kvlist" }]
]);
function encode(message, options) {
  const start = writeFrame(message, options, void 0, 0);
  return writer.finish(start);
}
function encodeInto(message, buffer, offset = 0, options) {
  if (!(buffer instanceof Uint8Array)) throw new TypeError("encodeInto() writes into a Uint8Array");
  if (!Number.isInteger(offset) || offset < 0 || offset > buffer.length) {
    throw new RangeError(`encodeInto() offset must be an integer 0..${buffer.length}, got ${String(offset)}`);
  }
  const start = writeFrame(message, options, buffer, offset);
  if (writer.buf === buffer) {
    const written = writer.pos - start;
    writer.abandon();
    return written;
  }
  const frame = writer.finish(start);
  if (frame.length > buffer.length - offset) {
    throw new RangeError(`encodeInto(): the frame needs ${frame.length} bytes, the buffer has ${buffer.length - offset} from offset ${offset}`);
  }
  buffer.set(frame, offset);
  return frame.length;
}
function writeFrame(message, options, into, offset) {
  if (typeof message !== "object" || message === null) {
    throw new TLibError("INVALID_MESSAGE", "encode() takes a message object", { path: "" });
  }
  const limits = resolveLimits(options?.limits);
  const type = messageType(message, options);
  tally.limits = limits;
  tally.pairs = 0;
  tally.cost = 0;
  let start;
  try {
    const bound = 4 + 5 + collect(message, items);
    if (into !== void 0 && bound <= into.length - offset) {
      writer.beginInto(into, offset);
      start = offset;
    } else {
      start = writer.begin(into === void 0 ? bound : Math.max(bound, POOLED_MAX + 1));
    }
    writer.pos = start + 4;
    writer.varint(type);
    for (let i = 0; i < items.n; i++) writeItem(items.pool[i]);
    checkFrame(writer.pos - start - 4, limits);
  } catch (e) {
    writer.abandon();
    throw e;
  } finally {
    items.clear();
  }
  writer.int32At(start, writer.pos - start - 4);
  return start;
}
function checkFrame(bodyLength, limits) {
  if (bodyLength > limits.maxFrameBytes) {
    throw encodeError("FRAME_TOO_LARGE", `the frame body would be ${bodyLength} bytes, more than the maximum of ${limits.maxFrameBytes}`, "");
  }
  const budget = costBudget(4 + bodyLength, limits.maxCostPerByte);
  if (tally.cost > budget) {
    throw encodeError("LIMIT_EXCEEDED", `decoding the frame would build about ${tally.cost} bytes of objects, more than the cost limit of ${budget} for its ${4 + bodyLength} bytes (maxCostPerByte ${limits.maxCostPerByte})`, "");
  }
}
function messageType(message, options) {
  const event = own(message, "Event");
  if (event === "Unknown") {
    const id = own(message, "MessageType");
    if (!Number.isInteger(id) || id < 0 || id > UINT32_MAX) {
      throw encodeError("INVALID_MESSAGE", "an Unknown message needs MessageType, an integer 0..4294967295", "MessageType");
    }
    const known = msgById(id);
    if (known) throw encodeError("INVALID_MESSAGE", `MessageType ${id} is the registry's ${known.name}; set Event: '${known.name}' instead`, "MessageType");
    return id;
  }
  const def = MESSAGE.get(event);
  if (def === void 0) {
    throw encodeError("INVALID_MESSAGE", `unknown message type ${show(event)} (use Event: 'Unknown' with MessageType for unregistered ids)`, "Event");
  }
  if (def.obsolete && !options?.allowObsolete) {
    throw encodeError("OBSOLETE", `${def.name} is obsolete (no longer supported); pass { allowObsolete: true } to encode it anyway`, "Event");
  }
  return def.id;
}
var hasOwn = Object.prototype.hasOwnProperty;
function collect(message, items2) {
  const m = message;
  let bound = 0;
  for (const key in m) {
    if (!hasOwn.call(m, key)) continue;
    const value = m[key];
    if (value === void 0) continue;
    const def = PROPERTY.get(key);
    if (def === NON_WIRE) continue;
    if (def === void 0 || def.tag === TIME_SECONDS_TAG || def.tag === TIME_MICROSECONDS_TAG) {
      throw encodeError("INVALID_MESSAGE", `not an attribute of the registry${def ? " (set `time: { seconds, microseconds }` instead)" : ""}`, key);
    }
    bound += 6 + measure(def.kind, value, key);
    items2.push(def.tag, def.wire, def.kind, value, key);
  }
  const time = own(m, "time");
  if (time !== void 0) bound += collectTime(time, items2);
  const unknown = own(m, "Unknown");
  if (unknown !== void 0) bound += collectUnknown(unknown, items2);
  const { maxAttributes } = tally.limits;
  if (items2.n > maxAttributes) throw encodeError("LIMIT_EXCEEDED", `${items2.n} attributes, more than the limit of ${maxAttributes}`, "");
  tally.cost += items2.n * ATTRIBUTE_COST;
  sortByTag(items2.pool, items2.n);
  return bound;
}
function sortByTag(list, n) {
  for (let i = 1; i < n; i++) {
    const item = list[i];
    let j = i - 1;
    if (list[j].tag <= item.tag) continue;
    while (j >= 0 && list[j].tag > item.tag) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = item;
  }
}
function collectTime(time, items2) {
  const t = time;
  if (typeof t !== "object" || t === null) throw encodeError("INVALID_MESSAGE", "expected { seconds, microseconds }", "time");
  measure("u32", t.seconds, "time.seconds");
  measure("u32", t.microseconds, "time.microseconds");
  items2.push(TIME_SECONDS_TAG, WIRE_KIND.INT32, "u32", t.seconds, "time.seconds");
  items2.push(TIME_MICROSECONDS_TAG, WIRE_KIND.INT32, "u32", t.microseconds, "time.microseconds");
  return 12;
}
function collectUnknown(list, items2) {
  if (!Array.isArray(list)) throw encodeError("INVALID_MESSAGE", "expected an array of { tag, kind, value }", "Unknown");
  const seen2 = /* @__PURE__ */ new Set();
  let bound = 0;
  for (let i = 0; i < list.length; i++) {
    const u = list[i];
    const path = `Unknown[${i}]`;
    if (typeof u !== "object" || u === null) throw encodeError("INVALID_MESSAGE", "expected { tag, kind, value }", path);
    if (!Number.isInteger(u.tag) || u.tag < 0 || u.tag > UINT32_MAX) throw encodeError("INVALID_MESSAGE", "tag must be an integer 0..4294967295", `${path}.tag`);
    const known = attrByTag2(u.tag);
    if (known || u.tag === TIME_SECONDS_TAG) throw encodeError("INVALID_MESSAGE", `tag ${u.tag} is the registry's ${known?.name ?? "time"}; set that property instead`, `${path}.tag`);
    if (seen2.has(u.tag)) throw encodeError("INVALID_MESSAGE", `tag ${u.tag} appears twice`, `${path}.tag`);
    seen2.add(u.tag);
    const k = UNKNOWN_WIRE.get(u.kind);
    if (k === void 0) throw encodeError("INVALID_MESSAGE", `kind must be one of ${[...UNKNOWN_WIRE.keys()].join(", ")}, got ${show(u.kind)}`, `${path}.kind`);
    bound += 6 + measure(k.kind, u.value, `${path}.value`);
    tally.cost += UNKNOWN_COST;
    items2.push(u.tag, k.wire, k.kind, u.value, `${path}.value`);
  }
  return bound;
}
function measure(kind, v, path) {
  switch (kind) {
    case "int":
      if (Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX) return 4;
      throw encodeError("INVALID_MESSAGE", `expected a signed 32-bit integer, got ${show(v)}`, path);
    case "u32":
      if (Number.isInteger(v) && v >= 0 && v <= UINT32_MAX) return 4;
      throw encodeError("INVALID_MESSAGE", `expected an unsigned 32-bit integer, got ${show(v)}`, path);
    case "connid":
      if (typeof v === "string" && CONNID.test(v)) return 8;
      throw encodeError("INVALID_MESSAGE", `expected a connection id of 16 lowercase hex digits, got ${show(v)}`, path);
    case "u64":
    case "int64":
      if (typeof v === "bigint" && v >= 0n && v <= UINT64_MAX) return 8;
      throw encodeError("INVALID_MESSAGE", `expected a bigint 0..2^64-1, got ${show(v)}`, path);
    case "string":
      if (typeof v === "string") return measureString(v, path);
      throw encodeError("INVALID_MESSAGE", `expected a string, got ${show(v)}`, path);
    case "binary":
      if (v instanceof Uint8Array) return measureBinary(v, path);
      throw encodeError("INVALID_MESSAGE", `expected a Uint8Array, got ${show(v)}`, path);
    case "kvlist":
      return measureList(v, path, 1);
  }
}
function measureString(v, path) {
  const max = tally.limits.maxStringBytes;
  if (3 * v.length > max && (v.length > max || utf8Length(v) > max)) {
    throw encodeError("LIMIT_EXCEEDED", `string of ${v.length > max ? `more than ${max}` : utf8Length(v)} UTF-8 bytes exceeds the limit of ${max}`, path);
  }
  return 5 + 3 * v.length;
}
function measureBinary(v, path) {
  const max = tally.limits.maxStringBytes;
  if (v.length > max) throw encodeError("LIMIT_EXCEEDED", `binary value of ${v.length} bytes exceeds the limit of ${max}`, path);
  tally.cost += BINARY_COST;
  return 5 + v.length;
}
function measureList(list, path, depth) {
  if (!Array.isArray(list)) throw encodeError("INVALID_MESSAGE", `expected a key-value list (array of [key, value] pairs), got ${show(list)}`, path);
  const { maxDepth, maxPairs } = tally.limits;
  if (depth > maxDepth) throw encodeError("NESTING_TOO_DEEP", `key-value list nested deeper than ${maxDepth} levels`, path);
  tally.pairs += list.length;
  if (tally.pairs > maxPairs) throw encodeError("LIMIT_EXCEEDED", `more than ${maxPairs} key-value pairs in one message`, path);
  tally.cost += LIST_COST + list.length * PAIR_COST;
  const longest = tally.limits.maxStringBytes / 3;
  let bound = 5;
  for (let i = 0; i < list.length; i++) {
    const pair = list[i];
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "string") {
      throw encodeError("INVALID_MESSAGE", "expected a [key, value] pair with a string key", `${path}[${i}]`);
    }
    const key = pair[0];
    const value = pair[1];
    bound += 6 + 3 * key.length;
    if (key.length > longest) measureString(key, `${path}[${i}][0]`);
    if (typeof value === "string") {
      bound += 5 + 3 * value.length;
      if (value.length > longest) measureString(value, `${path}[${i}][1]`);
    } else if (typeof value === "number") {
      if (!Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) {
        throw encodeError("INVALID_MESSAGE", `a key-value integer must be a signed 32-bit integer, got ${show(value)}`, `${path}[${i}][1]`);
      }
      bound += 4;
    } else if (value instanceof Uint8Array) bound += measureBinary(value, `${path}[${i}][1]`);
    else if (Array.isArray(value)) bound += measureList(value, `${path}[${i}][1]`, depth + 1);
    else throw encodeError("INVALID_MESSAGE", `a key-value value must be a string, integer, Uint8Array or list, got ${show(value)}`, `${path}[${i}][1]`);
  }
  return bound;
}
function writeItem(item) {
  writer.varint(item.tag);
  writer.byte(item.wire);
  const v = item.value;
  switch (item.wire) {
    case WIRE_KIND.STRING:
      if (!writer.string(v)) throw loneSurrogate(item.path);
      return;
    case WIRE_KIND.INT32:
      return writer.int32(v);
    case WIRE_KIND.KVLIST:
      if (!writeList(v)) throw loneSurrogate(findLoneSurrogate(v, item.path) ?? item.path);
      return;
    case WIRE_KIND.INT64:
      if (item.kind === "connid") return writer.hex64(v);
      return writer.uint64(v);
    default:
      return writer.bytes(v);
  }
}
function writeList(list) {
  writer.varint(list.length);
  for (let i = 0; i < list.length; i++) {
    const pair = list[i];
    if (!writer.string(pair[0])) return false;
    const value = pair[1];
    if (typeof value === "string") {
      writer.byte(WIRE_KIND.STRING);
      if (!writer.string(value)) return false;
    } else if (typeof value === "number") {
      writer.byte(WIRE_KIND.INT32);
      writer.int32(value);
    } else if (value instanceof Uint8Array) {
      writer.byte(WIRE_KIND.BINARY);
      writer.bytes(value);
    } else {
      writer.byte(WIRE_KIND.KVLIST);
      if (!writeList(value)) return false;
    }
  }
  return true;
}
function loneSurrogate(path) {
  return encodeError("INVALID_UTF8", "string holds a lone surrogate, which UTF-8 cannot carry", path);
}
function findLoneSurrogate(list, path) {
  for (let i = 0; i < list.length; i++) {
    const [key, value] = list[i];
    if (!key.isWellFormed()) return `${path}[${i}][0]`;
    if (typeof value === "string" && !value.isWellFormed()) return `${path}[${i}][1]`;
    if (Array.isArray(value)) {
      const inner = findLoneSurrogate(value, `${path}[${i}][1]`);
      if (inner) return inner;
    }
  }
  return void 0;
}
function show(v) {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}\u2026` : v);
  if (typeof v === "bigint") return `${v}n`;
  if (v instanceof Uint8Array) return `Uint8Array(${v.length})`;
  if (Array.isArray(v)) return `array(${v.length})`;
  return v === null ? "null" : typeof v === "object" ? "object" : String(v);
}

// ../../../tmp/tlib-freeze-J2LAUW/src/wire/binary-reader.ts
var KEY_CACHE = newStringCache();
var VALUE_CACHE = newStringCache();
var HEX_CODES = Array.from("0123456789abcdef", (c) => c.charCodeAt(0));
var BinaryReader = class {
  constructor(buf, pos, end) {
    this.buf = buf;
    this.end = end;
    this.pos = pos;
  }
  buf;
  end;
  pos;
  /**
   * Unsigned LEB128, at most 5 bytes, at most 2^32-1, shortest form only.
   * `what` + `suffix` names the value in errors; the two are joined only when
   * throwing, so the hot path never builds a string.
   */
  varint(what, suffix = "") {
    const { buf, end } = this;
    const start = this.pos;
    let p = start;
    if (p >= end) throw decodeError("VALUE_OVERRUN", `${what}${suffix} runs past the end of the frame`, p);
    let b = buf[p++];
    if (b < 128) {
      this.pos = p;
      return b;
    }
    let value = b & 127;
    let shift = 7;
    for (; ; ) {
      if (p >= end) throw decodeError("VALUE_OVERRUN", `${what}${suffix} runs past the end of the frame`, start);
      b = buf[p++];
      if (shift === 28 && b > 15) throw decodeError("VARINT_INVALID", `${what}${suffix} is a varint above 2^32-1 or longer than 5 bytes`, start);
      value += (b & 127) * 2 ** shift;
      if (b < 128) break;
      shift += 7;
    }
    if (b === 0) throw decodeError("VARINT_INVALID", `${what}${suffix} is a varint not in its shortest form`, start);
    this.pos = p;
    return value;
  }
  byte(what) {
    if (this.pos >= this.end) throw decodeError("VALUE_OVERRUN", `${what} runs past the end of the frame`, this.pos);
    return this.buf[this.pos++];
  }
  need(n, what) {
    const p = this.pos;
    if (n > this.end - p) throw decodeError("VALUE_OVERRUN", `${what} needs ${n} bytes but the frame has ${this.end - p} left`, p);
    this.pos = p + n;
    return p;
  }
  int32(what) {
    const p = this.need(4, what);
    const b = this.buf;
    return b[p] << 24 | b[p + 1] << 16 | b[p + 2] << 8 | b[p + 3];
  }
  uint32(what) {
    return this.int32(what) >>> 0;
  }
  /** All 8 bytes are checked first: a value cut short is reported where it starts. */
  uint64(what) {
    const p = this.need(8, what);
    const b = this.buf;
    const hi = (b[p] << 24 | b[p + 1] << 16 | b[p + 2] << 8 | b[p + 3]) >>> 0;
    const lo = (b[p + 4] << 24 | b[p + 5] << 16 | b[p + 6] << 8 | b[p + 7]) >>> 0;
    return BigInt(hi) << 32n | BigInt(lo);
  }
  /**
   * 8 bytes as 16 lowercase hex digits: how T-Library shows a ConnID. One
   * fixed-arity fromCharCode makes a flat string at once; joining eight
   * two-digit strings with + made a rope that every later read had to
   * flatten (twice the cost, measured).
   */
  hex64(what) {
    const p = this.need(8, what);
    const b = this.buf;
    const x0 = b[p], x1 = b[p + 1], x2 = b[p + 2], x3 = b[p + 3];
    const x4 = b[p + 4], x5 = b[p + 5], x6 = b[p + 6], x7 = b[p + 7];
    const H = HEX_CODES;
    return String.fromCharCode(
      H[x0 >> 4],
      H[x0 & 15],
      H[x1 >> 4],
      H[x1 & 15],
      H[x2 >> 4],
      H[x2 & 15],
      H[x3 >> 4],
      H[x3 & 15],
      H[x4 >> 4],
      H[x4 & 15],
      H[x5 >> 4],
      H[x5 & 15],
      H[x6 >> 4],
      H[x6 & 15],
      H[x7 >> 4],
      H[x7 & 15]
    );
  }
  /**
   * A length prefix, checked against `max` and the bytes left; leaves pos at
   * the first byte of the value. Lengths below 128 (nearly all of them) take
   * a one-byte fast path instead of the general varint loop.
   */
  length(what, max) {
    const at = this.pos;
    let len;
    if (at < this.end && this.buf[at] < 128) {
      len = this.buf[at];
      this.pos = at + 1;
    } else {
      len = this.varint(what, " length");
    }
    if (len > max) throw decodeError("LIMIT_EXCEEDED", `${what} of ${len} bytes exceeds the limit of ${max}`, at);
    if (len > this.end - this.pos) throw decodeError("VALUE_OVERRUN", `${what} needs ${len} bytes but the frame has ${this.end - this.pos} left`, this.pos);
    return len;
  }
  /** A length-prefixed UTF-8 string; short ones are looked up in `cache` first. */
  string(what, max, cache = VALUE_CACHE) {
    const len = this.length(what, max);
    const start = this.pos;
    this.pos = start + len;
    const s = readUtf8Cached(this.buf, void 0, start, start + len, cache);
    if (s === void 0) throw decodeError("INVALID_UTF8", `${what} is not well-formed UTF-8`, start);
    return s;
  }
  /** A copy, so the message does not keep the (possibly large, possibly reused) input alive. */
  binary(what, max) {
    const len = this.length(what, max);
    const start = this.pos;
    this.pos = start + len;
    return this.buf.slice(start, start + len);
  }
};

// ../../../tmp/tlib-freeze-J2LAUW/src/codec/decode.ts
var MIN_PAIR_BYTES = 3;
var VIEW_MIN_PAIRS = 24;
var FrameDecoderState = class {
  constructor(r, limits) {
    this.r = r;
    this.limits = limits;
    this.budget = costBudget(r.end, limits.maxCostPerByte);
  }
  r;
  limits;
  pairs = 0;
  attributes = 0;
  /** Estimated heap bytes of the message so far (cost.ts), against `budget`. */
  cost = 0;
  budget;
};
function charge(s, n, at) {
  s.cost += n;
  if (s.cost > s.budget) {
    throw decodeError("LIMIT_EXCEEDED", `decoding would build about ${s.cost} bytes of objects, more than the cost limit of ${s.budget} for a ${s.r.end}-byte frame (maxCostPerByte ${s.limits.maxCostPerByte})`, at);
  }
}
function decode(bytes, options) {
  const limits = resolveLimits(options?.limits);
  if (bytes.length < 4) throw decodeError("TRUNCATED", `input of ${bytes.length} bytes ends inside the 4-byte length prefix`, bytes.length);
  const bodyLength = (bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]) >>> 0;
  if (bodyLength > limits.maxFrameBytes) {
    throw decodeError("FRAME_TOO_LARGE", `frame length ${bodyLength} exceeds the maximum of ${limits.maxFrameBytes} bytes`, 0);
  }
  const end = 4 + bodyLength;
  if (bytes.length < end) throw decodeError("TRUNCATED", `input ends after ${bytes.length} of the frame's ${end} bytes`, bytes.length);
  if (bytes.length > end) throw decodeError("TRAILING_BYTES", `${bytes.length - end} bytes follow the end of the frame`, end);
  return decodeBody(new FrameDecoderState(new BinaryReader(bytes, 4, end), limits));
}
function decodeBody(s) {
  const { r } = s;
  const type = r.varint("message type");
  const def = msgById(type);
  const msg = def ? { Event: def.name } : { Event: "Unknown", MessageType: type };
  if (def?.obsolete) msg.Obsolete = true;
  let seconds;
  let micros;
  let timeAt = 0;
  let unknownTags;
  const stamp = nextStamp();
  while (r.pos < r.end) {
    const at = r.pos;
    if (++s.attributes > s.limits.maxAttributes) throw decodeError("LIMIT_EXCEEDED", `more than ${s.limits.maxAttributes} attributes in one message`, at);
    s.cost += ATTRIBUTE_COST;
    const tag = r.varint("attribute tag");
    const wire = r.byte("attribute kind");
    const attr = attrByTag2(tag);
    if (attr === void 0) {
      unknownTags ??= /* @__PURE__ */ new Set();
      if (unknownTags.has(tag)) throw decodeError("DUPLICATE_ATTRIBUTE", `attribute tag ${tag} appears twice`, at);
      unknownTags.add(tag);
      charge(s, UNKNOWN_COST, at);
      (msg.Unknown ??= []).push(readUnknown(s, tag, wire));
      continue;
    }
    if (wire !== attr.wire) throw kindMismatch(attr, wire, r.pos - 1);
    if (tag === TIME_SECONDS_TAG || tag === TIME_MICROSECONDS_TAG) {
      const isSeconds = tag === TIME_SECONDS_TAG;
      if ((isSeconds ? seconds : micros) !== void 0) throw decodeError("DUPLICATE_ATTRIBUTE", `attribute ${attr.name} (${tag}) appears twice`, at);
      const v = r.uint32(attr.name);
      if (isSeconds) seconds = v;
      else micros = v;
      timeAt = at;
      continue;
    }
    if (seenBefore(tag, stamp) || tag >= SEEN_TAGS && msg[attr.name] !== void 0) {
      throw decodeError("DUPLICATE_ATTRIBUTE", `attribute ${attr.name} (${tag}) appears twice`, at);
    }
    attr.set(msg, readKnown(s, attr));
  }
  charge(s, 0, r.end);
  if (seconds !== void 0 && micros !== void 0) msg.time = { seconds, microseconds: micros };
  else if (seconds !== void 0 || micros !== void 0) {
    throw decodeError("TIME_INCOMPLETE", `${seconds === void 0 ? "AttributeTimeinuSecs (87) without AttributeTimeinSecs (86)" : "AttributeTimeinSecs (86) without AttributeTimeinuSecs (87)"}`, timeAt);
  }
  return msg;
}
var SEEN_TAGS = 256;
var seen = new Uint32Array(SEEN_TAGS);
var currentStamp = 0;
function nextStamp() {
  if (currentStamp === 4294967295) {
    seen.fill(0);
    currentStamp = 0;
  }
  return ++currentStamp;
}
function seenBefore(tag, stamp) {
  if (tag >= SEEN_TAGS) return false;
  if (seen[tag] === stamp) return true;
  seen[tag] = stamp;
  return false;
}
function kindMismatch(attr, wire, at) {
  const got = WIRE_KIND_NAME[wire];
  if (got === void 0) return decodeError("UNKNOWN_KIND", `value kind ${wire} of attribute ${attr.name} is not defined`, at);
  return decodeError("KIND_MISMATCH", `attribute ${attr.name} (${attr.tag}) must be ${WIRE_KIND_NAME[attr.wire]}, got ${got}`, at);
}
function readKnown(s, attr) {
  const { r } = s;
  switch (attr.wire) {
    case WIRE_KIND.STRING:
      return r.string(attr.name, s.limits.maxStringBytes);
    case WIRE_KIND.INT32:
      return attr.kind === "int" ? r.int32(attr.name) : r.uint32(attr.name);
    case WIRE_KIND.KVLIST:
      return readList(s, attr.name, 1);
    case WIRE_KIND.INT64:
      return attr.kind === "connid" ? r.hex64(attr.name) : r.uint64(attr.name);
    default:
      charge(s, BINARY_COST, r.pos);
      return r.binary(attr.name, s.limits.maxStringBytes);
  }
}
function readUnknown(s, tag, wire) {
  const { r } = s;
  const what = "unknown attribute";
  switch (wire) {
    case WIRE_KIND.INT32:
      return { tag, kind: "int32", value: r.int32(what) };
    case WIRE_KIND.INT64:
      return { tag, kind: "int64", value: r.uint64(what) };
    case WIRE_KIND.STRING:
      return { tag, kind: "string", value: r.string(what, s.limits.maxStringBytes) };
    case WIRE_KIND.BINARY:
      charge(s, BINARY_COST, r.pos);
      return { tag, kind: "binary", value: r.binary(what, s.limits.maxStringBytes) };
    case WIRE_KIND.KVLIST:
      return { tag, kind: "kvlist", value: readList(s, what, 1) };
    default:
      throw decodeError("UNKNOWN_KIND", `value kind ${wire} of attribute ${tag} is not defined`, r.pos - 1);
  }
}
function readList(s, what, depth) {
  const { r, limits } = s;
  const at = r.pos;
  if (depth > limits.maxDepth) throw decodeError("NESTING_TOO_DEEP", `key-value list nested deeper than ${limits.maxDepth} levels`, at);
  const count = r.varint(what, " pair count");
  if (count > (r.end - r.pos) / MIN_PAIR_BYTES) {
    throw decodeError("VALUE_OVERRUN", `${what} claims ${count} pairs but the frame has only ${r.end - r.pos} bytes left`, at);
  }
  s.pairs += count;
  if (s.pairs > limits.maxPairs) throw decodeError("LIMIT_EXCEEDED", `more than ${limits.maxPairs} key-value pairs in one message`, at);
  charge(s, LIST_COST + count * PAIR_COST, at);
  const list = new Array(count);
  const { buf, end } = r;
  const max = limits.maxStringBytes;
  const view = count >= VIEW_MIN_PAIRS ? new DataView(buf.buffer, buf.byteOffset, buf.byteLength) : void 0;
  let p = r.pos;
  for (let i = 0; i < count; i++) {
    let key = shortString(buf, view, p, end, max, KEY_CACHE);
    if (key !== void 0) p += 1 + buf[p];
    else {
      r.pos = p;
      key = r.string("key-value key", max, KEY_CACHE);
      p = r.pos;
    }
    if (p >= end) {
      r.pos = p;
      r.byte("key-value kind");
    }
    const kindAt = p;
    const wire = buf[p++];
    let value;
    if (wire === WIRE_KIND.STRING) {
      let v = shortString(buf, view, p, end, max, VALUE_CACHE);
      if (v !== void 0) p += 1 + buf[p];
      else {
        r.pos = p;
        v = r.string("key-value string", max);
        p = r.pos;
      }
      value = v;
    } else if (wire === WIRE_KIND.INT32 && end - p >= 4) {
      value = buf[p] << 24 | buf[p + 1] << 16 | buf[p + 2] << 8 | buf[p + 3];
      p += 4;
    } else {
      r.pos = p;
      switch (wire) {
        case WIRE_KIND.INT32:
          value = r.int32("key-value integer");
          break;
        case WIRE_KIND.BINARY:
          charge(s, BINARY_COST, p);
          value = r.binary("key-value binary", max);
          break;
        case WIRE_KIND.KVLIST:
          value = readList(s, "nested key-value list", depth + 1);
          break;
        default:
          throw decodeError("UNKNOWN_KIND", `value kind ${wire} is not allowed in a key-value list (string 3, int32 1, binary 4, list 5)`, kindAt);
      }
      p = r.pos;
    }
    list[i] = [key, value];
  }
  r.pos = p;
  return list;
}
function shortString(buf, view, p, end, max, cache) {
  if (p >= end) return void 0;
  const len = buf[p];
  if (len > max || len >= end - p) return void 0;
  if (len <= CACHED_MAX) {
    const s = internAscii(buf, view, p + 1, len, cache);
    if (s !== void 0) return s;
  }
  return len < 128 ? readUtf8(buf, p + 1, p + 1 + len) : void 0;
}

// ../../../tmp/tlib-freeze-J2LAUW/src/wire/frame-decoder.ts
var PREFIX = 4;
var FIRST_ASSEMBLY = 4096;
var FrameDecoder = class {
  maxFrameBytes;
  /** Bytes of the partial frame so far (its prefix included). */
  partial = new Uint8Array(0);
  have = 0;
  /** Total size of the partial frame, once its prefix is known; 0 before. */
  want = 0;
  /** Stream offset of the first byte of the partial frame, for error offsets. */
  consumed = 0;
  failure;
  constructor(limits) {
    this.maxFrameBytes = resolveLimits(limits).maxFrameBytes;
  }
  /** Bytes held for a frame not yet complete. */
  get pending() {
    return this.have;
  }
  /** Stream offset of the frame not yet complete (meaningful while `pending` > 0): tells one partial frame from the next. */
  get pendingOffset() {
    return this.consumed;
  }
  /**
   * The TLibError FRAME_TOO_LARGE the stream failed with (its offset is the
   * bad prefix's, in the stream), once it has; the stream cannot be
   * resynchronised after that.
   */
  get error() {
    return this.failure;
  }
  /**
   * Adds a chunk; returns every frame it completes, each with its prefix.
   * On an oversize length prefix it fails: the frames before it are still
   * returned (check `error` after using them), and this and every later
   * call with no frame to return throws the error.
   */
  push(chunk) {
    if (this.failure) throw this.failure;
    const frames = [];
    let off = 0;
    if (this.have > 0) {
      off = this.fill(chunk, 0);
      if (this.failure) return this.failed(frames);
      if (this.want === 0 || this.have < this.want) return frames;
      frames.push(this.partial.subarray(0, this.want));
      this.consumed += this.want;
      this.reset();
    }
    while (chunk.length - off >= PREFIX) {
      const size = this.frameSize(chunk, off);
      if (size < 0) return this.failed(frames);
      if (chunk.length - off < size) break;
      frames.push(chunk.subarray(off, off + size));
      off += size;
      this.consumed += size;
    }
    if (off < chunk.length) this.fill(chunk, off);
    return this.failure ? this.failed(frames) : frames;
  }
  failed(frames) {
    this.reset();
    if (frames.length === 0) throw this.failure;
    return frames;
  }
  /** Call at end of stream: throws TRUNCATED if a partial frame is left. */
  end() {
    if (this.failure) throw this.failure;
    if (this.have > 0) {
      throw decodeError("TRUNCATED", `stream ended ${this.want ? `after ${this.have} of a ${this.want}-byte frame` : `inside a length prefix (${this.have} of 4 bytes)`}`, this.consumed + this.have);
    }
  }
  /** The frame's total size from its prefix at `off`; -1 (and `failure` set) when it is too large. */
  frameSize(buf, off) {
    const body = (buf[off] << 24 | buf[off + 1] << 16 | buf[off + 2] << 8 | buf[off + 3]) >>> 0;
    if (body > this.maxFrameBytes) {
      this.failure = decodeError("FRAME_TOO_LARGE", `frame length ${body} exceeds the maximum of ${this.maxFrameBytes} bytes`, this.consumed);
      return -1;
    }
    return PREFIX + body;
  }
  /** Appends bytes from chunk[off..] to the partial frame, up to its end; returns the new offset. */
  fill(chunk, off) {
    if (this.want === 0) {
      const take2 = Math.min(PREFIX - this.have, chunk.length - off);
      this.append(chunk.subarray(off, off + take2));
      off += take2;
      if (this.have < PREFIX) return off;
      const size = this.frameSize(this.partial, 0);
      if (size < 0) return off;
      this.want = size;
    }
    const take = Math.min(this.want - this.have, chunk.length - off);
    this.append(chunk.subarray(off, off + take));
    return off + take;
  }
  append(bytes) {
    const need = this.have + bytes.length;
    if (need > this.partial.length) {
      const cap = this.want || PREFIX;
      const next = new Uint8Array(Math.min(Math.max(need, this.partial.length * 2, Math.min(FIRST_ASSEMBLY, cap)), Math.max(cap, need)));
      next.set(this.partial.subarray(0, this.have));
      this.partial = next;
    }
    this.partial.set(bytes, this.have);
    this.have = need;
  }
  reset() {
    this.partial = new Uint8Array(0);
    this.have = 0;
    this.want = 0;
  }
};

// ../../../tmp/tlib-freeze-J2LAUW/src/codec/json.ts
var HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
function bytesToHex(bytes) {
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]];
  return out;
}
function hexToBytes(hex, path = "hex") {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw encodeError("INVALID_MESSAGE", "expected an even number of hex digits", path);
  }
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}
function kvToJson(list) {
  return list.map(([k, v]) => [k, kvValueToJson(v)]);
}
function kvValueToJson(v) {
  if (v instanceof Uint8Array) return { $hex: bytesToHex(v) };
  if (Array.isArray(v)) return kvToJson(v);
  return v;
}
function kvFromJson(list, path) {
  if (!Array.isArray(list)) throw encodeError("INVALID_MESSAGE", "expected a key-value list (array of [key, value] pairs)", path);
  return list.map((pair, i) => {
    const p = `${path}[${i}]`;
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "string") {
      throw encodeError("INVALID_MESSAGE", "expected a [key, value] pair with a string key", p);
    }
    return [pair[0], kvValueFromJson(pair[1], `${p}[1]`)];
  });
}
function kvValueFromJson(v, path) {
  if (typeof v === "string" || typeof v === "number") return v;
  if (Array.isArray(v)) return kvFromJson(v, path);
  if (isJsonHex(v)) return hexToBytes(v.$hex, `${path}.$hex`);
  throw encodeError("INVALID_MESSAGE", 'expected a string, integer, {"$hex"} or nested list', path);
}
function isJsonHex(v) {
  return typeof v === "object" && v !== null && Object.hasOwn(v, "$hex") && typeof v.$hex === "string";
}
function unknownToJson(u) {
  switch (u.kind) {
    case "int64":
      return { tag: u.tag, kind: u.kind, value: u.value.toString() };
    case "binary":
      return { tag: u.tag, kind: u.kind, value: { $hex: bytesToHex(u.value) } };
    case "kvlist":
      return { tag: u.tag, kind: u.kind, value: kvToJson(u.value) };
    default:
      return { tag: u.tag, kind: u.kind, value: u.value };
  }
}
function unknownFromJson(u, path) {
  if (typeof u !== "object" || u === null) throw encodeError("INVALID_MESSAGE", "expected { tag, kind, value }", path);
  const { tag, kind, value } = u;
  switch (kind) {
    case "int64":
      if (typeof value !== "string" || !/^[0-9]+$/.test(value)) throw encodeError("INVALID_MESSAGE", "expected a decimal string", `${path}.value`);
      return { tag, kind, value: BigInt(value) };
    case "binary":
      if (!isJsonHex(value)) throw encodeError("INVALID_MESSAGE", 'expected {"$hex": "..."}', `${path}.value`);
      return { tag, kind, value: hexToBytes(value.$hex, `${path}.value.$hex`) };
    case "kvlist":
      return { tag, kind, value: kvFromJson(value, `${path}.value`) };
    case "int32":
      return { tag, kind, value };
    case "string":
      return { tag, kind, value };
    default:
      throw encodeError("INVALID_MESSAGE", `unknown value kind ${JSON.stringify(kind)}`, `${path}.kind`);
  }
}
function toJSON(message) {
  const out = { Event: message.Event };
  for (const [key, value] of Object.entries(message)) {
    if (key === "Event" || value === void 0) continue;
    if (key === "Unknown") out.Unknown = value.map(unknownToJson);
    else if (typeof value === "bigint") out[key] = value.toString();
    else if (value instanceof Uint8Array) out[key] = { $hex: bytesToHex(value) };
    else if (attributeByName(key)?.kind === "kvlist") out[key] = kvToJson(value);
    else setOwn(out, key, value);
  }
  return out;
}
function fromJSON(json) {
  if (typeof json !== "object" || json === null || !Object.hasOwn(json, "Event") || typeof json.Event !== "string") {
    throw new TLibError("INVALID_MESSAGE", 'a JSON message must be an object with a string "Event" property', { path: "" });
  }
  const out = {};
  for (const [key, value] of Object.entries(json)) {
    if (key === "Unknown") {
      if (!Array.isArray(value)) throw encodeError("INVALID_MESSAGE", "expected an array", "Unknown");
      out.Unknown = value.map((u, i) => unknownFromJson(u, `Unknown[${i}]`));
      continue;
    }
    const def = attributeByName(key);
    if (def?.kind === "u64" && typeof value === "string") {
      if (!/^[0-9]+$/.test(value)) throw encodeError("INVALID_MESSAGE", "expected a decimal string", key);
      out[key] = BigInt(value);
    } else if (def?.kind === "binary" && isJsonHex(value)) out[key] = hexToBytes(value.$hex, `${key}.$hex`);
    else if (def?.kind === "kvlist") out[key] = kvFromJson(value, key);
    else setOwn(out, key, value);
  }
  return out;
}
export {
  FrameDecoder,
  TLibError,
  decode,
  encode,
  encodeInto,
  fromJSON,
  toJSON
};
