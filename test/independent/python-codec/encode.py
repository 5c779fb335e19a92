"""Encoder: JSON-form message (section 14) to a canonical frame (section 9),
checks in the encoding order of section 10.1.

encode(message, options) returns the frame bytes or raises EncodeError(code, path).
"""
import re

import from_json
import limits as L
from encode_errors import EncodeError, invalid, property_order
from spec_tables import (ATTRIBUTE_BY_NAME, ATTRIBUTE_BY_TAG, MESSAGE_BY_ID, MESSAGE_BY_NAME, KIND_BY_NAME,
                         TIME_SECONDS, TIME_MICROS)

NOT_WIRE = ('Event', 'Obsolete', 'Server')
DEFERRED = ('time', 'Unknown')
U32_MAX = 2**32 - 1
U64_MAX = 2**64 - 1
CONNID = re.compile(r'^[0-9a-f]{16}$')
DECIMAL = re.compile(r'^[0-9]+$')
HEX = re.compile(r'^[0-9a-fA-F]*$')


def _integer(v, lo, hi, path):
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise invalid(path)
    if isinstance(v, float):
        if v != v or v in (float('inf'), float('-inf')) or v != int(v):
            raise invalid(path)
        v = int(v)
    if v < lo or v > hi:
        raise invalid(path)
    return v


def utf8_length(s):
    # A lone surrogate counts 3 bytes, as in any UTF-16 to UTF-8 conversion that
    # keeps or replaces it; it is refused later (INVALID_UTF8), when bytes are written.
    return len(s.encode('utf-8', 'surrogatepass'))


def has_lone_surrogate(s):
    return any(0xD800 <= ord(c) <= 0xDFFF for c in s)


class _Checker:
    """Checks and converts values to the typed tree the writer uses."""

    def __init__(self, lim):
        self.lim = lim
        self.pairs = 0

    def string(self, v, path):
        if not isinstance(v, str):
            raise invalid(path)
        if utf8_length(v) > self.lim['maxStringBytes']:
            raise EncodeError('LIMIT_EXCEEDED', path)
        return ('s', v, path)

    def binary(self, v, path):
        if not isinstance(v, dict):
            raise invalid(path)
        h = v.get('$hex')
        if not isinstance(h, str):
            raise invalid(path)  # {} or {"$hex": 5} is not a binary
        if len(h) % 2 or not HEX.match(h):
            raise invalid(path + '.$hex')
        raw = bytes.fromhex(h)
        if len(raw) > self.lim['maxStringBytes']:
            raise EncodeError('LIMIT_EXCEEDED', path)
        return ('b', raw)

    def int32(self, v, path):
        return ('i', _integer(v, -2**31, 2**31 - 1, path))

    def u32(self, v, path):
        return ('i', _integer(v, 0, U32_MAX, path))

    def connid(self, v, path):
        if not isinstance(v, str) or not CONNID.match(v):
            raise invalid(path)
        return ('l', int(v, 16))

    def u64(self, v, path):
        if not isinstance(v, str) or not DECIMAL.match(v) or int(v) > U64_MAX:
            raise invalid(path)
        return ('l', int(v))

    def kvlist(self, v, path, depth=1):
        if not isinstance(v, list):
            raise invalid(path)
        if depth > self.lim['maxDepth']:
            raise EncodeError('NESTING_TOO_DEEP', path)
        self.pairs += len(v)
        if self.pairs > self.lim['maxPairs']:
            raise EncodeError('LIMIT_EXCEEDED', path)
        out = []
        for i, pair in enumerate(v):
            p = '%s[%d]' % (path, i)
            if not isinstance(pair, list) or len(pair) != 2 or not isinstance(pair[0], str):
                raise invalid(p)
            key = self.string(pair[0], p + '[0]')
            val = pair[1]
            vp = p + '[1]'
            if isinstance(val, str):
                value = self.string(val, vp)
            elif isinstance(val, dict):
                value = self.binary(val, vp)
            elif isinstance(val, list):
                value = self.kvlist(val, vp, depth + 1)
            else:
                value = self.int32(val, vp)  # refuses null, booleans and non-integers too
            out.append((key, value))
        return ('k', out)

    def by_shape(self, shape, v, path):
        if v is None:
            raise invalid(path)
        if shape == 'int':
            return self.int32(v, path)
        return getattr(self, shape)(v, path)


SHAPE_KIND = {'int': 1, 'u32': 1, 'connid': 2, 'u64': 2, 'string': 3, 'binary': 4, 'kvlist': 5}
UNKNOWN_SHAPE = {'int32': 'int', 'int64': 'u64', 'string': 'string', 'binary': 'binary', 'kvlist': 'kvlist'}


def _event(msg, allow_obsolete):
    if not isinstance(msg, dict):
        raise invalid('')
    name = msg.get('Event')
    if not isinstance(name, str):
        raise invalid('Event')
    if name == 'Unknown':
        type_id = _integer(msg.get('MessageType'), 0, U32_MAX, 'MessageType')
        if type_id in MESSAGE_BY_ID:
            raise invalid('MessageType')
        return type_id
    m = MESSAGE_BY_NAME.get(name)
    if m is None:
        raise invalid('Event')
    if m.obsolete and not allow_obsolete:
        raise EncodeError('OBSOLETE', 'Event')
    return m.id


def encode(msg, options=None):
    options = options or {}
    lim = L.resolve(options.get('limits'))
    from_json.check(msg)
    type_id = _event(msg, bool(options.get('allowObsolete')))
    chk = _Checker(lim)
    attrs = {}  # tag -> (kind, typed value, path)
    for name in property_order(msg):
        if name in NOT_WIRE or name in DEFERRED or name == 'MessageType':
            continue
        attr = ATTRIBUTE_BY_NAME.get(name)
        if attr is None or attr.tag in (TIME_SECONDS, TIME_MICROS):
            raise invalid(name)
        attrs[attr.tag] = (attr.kind, chk.by_shape(attr.value, msg[name], name), name)
    if 'time' in msg:
        t = msg['time']
        if not isinstance(t, dict):
            raise invalid('time')
        attrs[TIME_SECONDS] = (1, chk.u32(t.get('seconds'), 'time.seconds'), 'time.seconds')
        attrs[TIME_MICROS] = (1, chk.u32(t.get('microseconds'), 'time.microseconds'), 'time.microseconds')
    unknown_count = 0
    if 'Unknown' in msg:
        entries = msg['Unknown']
        if not isinstance(entries, list):
            raise invalid('Unknown')
        own = set()
        for i, e in enumerate(entries):
            p = 'Unknown[%d]' % i
            if not isinstance(e, dict):
                raise invalid(p)
            tag = _integer(e.get('tag'), 0, U32_MAX, p + '.tag')
            if tag in ATTRIBUTE_BY_TAG or tag in own:
                raise invalid(p + '.tag')
            own.add(tag)
            kind_name = e.get('kind')
            if not isinstance(kind_name, str) or kind_name not in UNKNOWN_SHAPE:
                raise invalid(p + '.kind')
            value = chk.by_shape(UNKNOWN_SHAPE[kind_name], e.get('value'), p + '.value')
            attrs[tag] = (KIND_BY_NAME[kind_name], value, p + '.value')
            unknown_count += 1
    if len(attrs) > lim['maxAttributes']:
        raise EncodeError('LIMIT_EXCEEDED', '')
    w = _Writer()
    w.varint(type_id)
    for tag in sorted(attrs):
        kind, value, _ = attrs[tag]
        w.varint(tag)
        w.out.append(kind)
        w.value(value)
    body = bytes(w.out)
    if len(body) > lim['maxFrameBytes']:
        raise EncodeError('FRAME_TOO_LARGE', '')
    cost = w.cost + L.COST_SLOT * len(attrs) + L.COST_UNKNOWN * unknown_count
    if cost > L.budget(lim, 4 + len(body)):
        raise EncodeError('LIMIT_EXCEEDED', '')
    return len(body).to_bytes(4, 'big') + body


class _Writer:
    def __init__(self):
        self.out = bytearray()
        self.cost = 0

    def varint(self, v):
        while v >= 0x80:
            self.out.append((v & 0x7f) | 0x80)
            v >>= 7
        self.out.append(v)

    def value(self, typed):
        t = typed[0]
        if t == 'i':
            self.out += (typed[1] & 0xffffffff).to_bytes(4, 'big')
        elif t == 'l':
            self.out += typed[1].to_bytes(8, 'big')
        elif t == 's':
            self.text(typed)
        elif t == 'b':
            self.cost += L.COST_BINARY
            self.varint(len(typed[1]))
            self.out += typed[1]
        else:
            pairs = typed[1]
            self.cost += L.COST_LIST + L.COST_PAIR * len(pairs)
            self.varint(len(pairs))
            for key, value in pairs:
                self.text(key)
                self.out.append({'i': 1, 's': 3, 'b': 4, 'k': 5}[value[0]])
                self.value(value)

    def text(self, typed):
        _, s, path = typed
        if has_lone_surrogate(s):
            raise EncodeError('INVALID_UTF8', path)
        raw = s.encode('utf-8')
        self.varint(len(raw))
        self.out += raw
