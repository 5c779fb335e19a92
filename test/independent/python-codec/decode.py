"""Single-frame decoder: spec/wire-format.md sections 2-8 and 10.1 (decoding order).

decode(frame, limits) returns the message in the JSON form of section 14, or
raises DecodeError(code, offset).
"""
import limits as L
from spec_tables import ATTRIBUTE_BY_TAG, MESSAGE_BY_ID, KIND_NAMES, TIME_SECONDS, TIME_MICROS


class DecodeError(Exception):
    def __init__(self, code, offset):
        super().__init__('%s at offset %d' % (code, offset))
        self.code, self.offset = code, offset


class _Reader:
    __slots__ = ('b', 'pos', 'end', 'lim', 'attrs', 'pairs', 'cost', 'budget')

    def __init__(self, b, end, lim):
        self.b, self.pos, self.end, self.lim = b, 4, end, lim
        self.attrs = 0
        self.pairs = 0
        self.cost = 0
        self.budget = L.budget(lim, end)

    def charge(self, amount, at):
        self.cost += amount
        if self.cost > self.budget:
            raise DecodeError('LIMIT_EXCEEDED', at)

    def varint(self):
        b, start, end = self.b, self.pos, self.end
        value = 0
        shift = 0
        pos = start
        while True:
            if pos >= end:
                raise DecodeError('VALUE_OVERRUN', start)
            byte = b[pos]
            pos += 1
            if shift == 28 and byte > 0x0f:
                raise DecodeError('VARINT_INVALID', start)  # above 2^32-1, or a sixth byte
            value |= (byte & 0x7f) << shift
            if byte < 0x80:
                if byte == 0 and pos - start > 1:
                    raise DecodeError('VARINT_INVALID', start)  # not the shortest form
                self.pos = pos
                return value
            shift += 7

    def fixed(self, size):
        at = self.pos
        if self.end - at < size:
            raise DecodeError('VALUE_OVERRUN', at)
        self.pos = at + size
        return self.b[at:at + size]

    def kind_byte(self):
        if self.pos >= self.end:
            raise DecodeError('VALUE_OVERRUN', self.pos)
        k = self.b[self.pos]
        self.pos += 1
        return k

    def length_prefixed(self):
        at = self.pos
        n = self.varint()
        if n > self.lim['maxStringBytes']:
            raise DecodeError('LIMIT_EXCEEDED', at)
        start = self.pos
        if n > self.end - start:
            raise DecodeError('VALUE_OVERRUN', start)
        self.pos = start + n
        return start, bytes(self.b[start:start + n])

    def string(self):
        start, raw = self.length_prefixed()
        try:
            return raw.decode('utf-8')  # strict RFC 3629: no overlongs, surrogates or > U+10FFFF
        except UnicodeDecodeError:
            raise DecodeError('INVALID_UTF8', start) from None

    def binary(self):
        self.charge(L.COST_BINARY, self.pos)
        _, raw = self.length_prefixed()
        return {'$hex': raw.hex()}

    def kvlist(self, depth):
        c = self.pos
        if depth > self.lim['maxDepth']:
            raise DecodeError('NESTING_TOO_DEEP', c)
        count = self.varint()
        if count > (self.end - self.pos) // 3:
            raise DecodeError('VALUE_OVERRUN', c)
        self.pairs += count
        if self.pairs > self.lim['maxPairs']:
            raise DecodeError('LIMIT_EXCEEDED', c)
        self.charge(L.COST_LIST + L.COST_PAIR * count, c)
        pairs = []
        for _ in range(count):
            key = self.string()
            at = self.pos
            kind = self.kind_byte()
            if kind == 1:
                value = _int32(self.fixed(4))
            elif kind == 3:
                value = self.string()
            elif kind == 4:
                value = self.binary()
            elif kind == 5:
                value = self.kvlist(depth + 1)
            else:
                raise DecodeError('UNKNOWN_KIND', at)
            pairs.append([key, value])
        return pairs

    def value(self, kind, shape):
        if kind == 1:
            raw = self.fixed(4)
            return _u32(raw) if shape == 'u32' else _int32(raw)
        if kind == 2:
            raw = self.fixed(8)
            return raw.hex() if shape == 'connid' else str(int.from_bytes(raw, 'big'))
        if kind == 3:
            return self.string()
        if kind == 4:
            return self.binary()
        return self.kvlist(1)


def _int32(raw):
    return int.from_bytes(raw, 'big', signed=True)


def _u32(raw):
    return int.from_bytes(raw, 'big')


def decode(frame, limits=None):
    lim = L.resolve(limits)
    b = memoryview(bytes(frame))
    total = len(b)
    if total < 4:
        raise DecodeError('TRUNCATED', total)
    n = int.from_bytes(b[0:4], 'big')
    if n > lim['maxFrameBytes']:
        raise DecodeError('FRAME_TOO_LARGE', 0)
    if total < 4 + n:
        raise DecodeError('TRUNCATED', total)
    if total > 4 + n:
        raise DecodeError('TRAILING_BYTES', 4 + n)
    r = _Reader(b, 4 + n, lim)
    type_id = r.varint()
    known_type = MESSAGE_BY_ID.get(type_id)
    msg = {}
    if known_type is None:
        msg['Event'] = 'Unknown'
        msg['MessageType'] = type_id
    else:
        msg['Event'] = known_type.name
        if known_type.obsolete:
            msg['Obsolete'] = True
    seen = set()
    unknown = []
    time = {}
    time_at = {}
    while r.pos < r.end:
        a = r.pos
        r.attrs += 1
        r.cost += L.COST_SLOT  # charged as met, checked at the next costly object or at the end
        if r.attrs > lim['maxAttributes']:
            raise DecodeError('LIMIT_EXCEEDED', a)
        tag = r.varint()
        kind_at = r.pos
        kind = r.kind_byte()
        attr = ATTRIBUTE_BY_TAG.get(tag)
        if attr is not None:
            if kind != attr.kind:
                raise DecodeError('UNKNOWN_KIND' if kind not in KIND_NAMES else 'KIND_MISMATCH', kind_at)
            if tag in seen:
                raise DecodeError('DUPLICATE_ATTRIBUTE', a)
            seen.add(tag)
            value = r.value(kind, attr.value)
            if tag == TIME_SECONDS:
                time['seconds'] = value
                time_at[tag] = a
            elif tag == TIME_MICROS:
                time['microseconds'] = value
                time_at[tag] = a
            else:
                msg[attr.name] = value
        else:
            if tag in seen:
                raise DecodeError('DUPLICATE_ATTRIBUTE', a)
            seen.add(tag)
            r.charge(L.COST_UNKNOWN, a)  # its slot was charged at a too
            if kind not in KIND_NAMES:
                raise DecodeError('UNKNOWN_KIND', kind_at)
            value = _int32(r.fixed(4)) if kind == 1 else r.value(kind, 'u64')
            unknown.append({'tag': tag, 'kind': KIND_NAMES[kind], 'value': value})
    r.charge(0, r.end)
    if len(time) == 1:
        raise DecodeError('TIME_INCOMPLETE', next(iter(time_at.values())))
    if time:
        msg['time'] = {'seconds': time['seconds'], 'microseconds': time['microseconds']}
    if unknown:
        msg['Unknown'] = unknown
    return msg
