"""Mutants of this codec, each breaking one sentence of spec/wire-format.md, so the
differential fuzz can show it catches such a break (oracle-mutants.test.ts).
Applied by `tlib_codec.py --mutant NAME`; never used otherwise."""
import decode as D
import encode as E
import encode_errors
import limits as L
import stream as S


def int64_two_words():
    # 5.1 "An INT64 is one 8-byte value, not two INT32s read in turn"
    fixed = D._Reader.fixed

    def two_words(self, size):
        if size == 8 and 4 <= self.end - self.pos < 8:
            raise D.DecodeError('VALUE_OVERRUN', self.pos + 4)
        return fixed(self, size)
    D._Reader.fixed = two_words


def unknown_without_slot():
    # 10.4 "An unknown attribute therefore costs 16 + 56 = 72"
    L.COST_UNKNOWN = 40


def binary_charged_after_length():
    # 10.1 "at a BINARY value's length varint, before the varint is read"
    def binary(self):
        at = self.pos
        _, raw = self.length_prefixed()
        self.charge(L.COST_BINARY, at)
        return {'$hex': raw.hex()}
    D._Reader.binary = binary


def varint_longer_forms():
    # 3 "a varint of more than one byte MUST NOT end with a 0x00 byte"
    def varint(self):
        b, start, end = self.b, self.pos, self.end
        value = shift = 0
        pos = start
        while True:
            if pos >= end:
                raise D.DecodeError('VALUE_OVERRUN', start)
            byte = b[pos]
            pos += 1
            if shift == 28 and byte > 0x0f:
                raise D.DecodeError('VARINT_INVALID', start)
            value |= (byte & 0x7f) << shift
            if byte < 0x80:
                self.pos = pos
                return value
            shift += 7
    D._Reader.varint = varint


def surrogates_in_utf8():
    # 5.2 "no surrogates U+D800-U+DFFF (ed a0 80)"
    def string(self):
        start, raw = self.length_prefixed()
        try:
            return raw.decode('utf-8', 'surrogatepass').encode('utf-8', 'surrogatepass').decode('utf-8', 'replace')
        except UnicodeDecodeError:
            raise D.DecodeError('INVALID_UTF8', start) from None
    D._Reader.string = string


def depth_one_more():
    # 5.3 "Depth at most maxDepth (32) is allowed; the list at depth 33 is NESTING_TOO_DEEP"
    resolve = L.resolve

    def deeper(given):
        lim = resolve(given)
        lim['maxDepth'] += 1
        return lim
    D.L.resolve = deeper


def stream_offset_consumed():
    # 2 "TRUNCATED at the end of the stream is at the total number of bytes received"
    def end(self):
        if self.error:
            raise self.error
        if self.buf:
            raise D.DecodeError('TRUNCATED', self.consumed)
    S.StreamDecoder.end = end


def lone_surrogates_written():
    # 5.2 "An encoder working from UTF-16 strings MUST refuse a lone surrogate"
    E.has_lone_surrogate = lambda s: False

    def text(self, typed):
        raw = typed[1].encode('utf-8', 'surrogatepass')
        self.varint(len(raw))
        self.out += raw
    E._Writer.text = text


def names_in_insertion_order():
    # 10.1 step 3 "names that are the decimal form of an integer ... first, in ascending numeric order"
    order = lambda obj: list(obj)
    encode_errors.property_order = order
    E.property_order = order
    E.from_json.property_order = order


MUTANTS = {f.__name__.replace('_', '-'): f for f in (
    int64_two_words, unknown_without_slot, binary_charged_after_length, varint_longer_forms, surrogates_in_utf8,
    depth_one_more, stream_offset_consumed, lone_surrogates_written, names_in_insertion_order)}


def apply(name):
    MUTANTS[name]()
