"""Decoder and encoder limits (spec 10.3) and the decode cost model (spec 10.4)."""

DEFAULTS = {
    'maxFrameBytes': 1048576,
    'maxDepth': 32,
    'maxAttributes': 1024,
    'maxPairs': 65536,
    'maxStringBytes': 1048576,
    'maxCostPerByte': 16,
}
CEILINGS = {'maxFrameBytes': 268435456, 'maxDepth': 512, 'maxCostPerByte': 1024}

COST_SLOT = 16         # an attribute (its property slot)
COST_UNKNOWN = 56      # an unknown attribute's entry
COST_LIST = 32         # a key-value list
COST_PAIR = 40         # per pair, charged at the list's count
COST_BINARY = 192      # a BINARY value
COST_FREE = 65536      # the fixed allowance per frame


class LimitsError(ValueError):
    """The spec's "RangeError": a limit name or value that is refused."""


def resolve(given):
    limits = dict(DEFAULTS)
    for name, value in (given or {}).items():
        if name not in DEFAULTS:
            raise LimitsError('unknown limit %r' % name)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value) or value < 1:
            raise LimitsError('limit %s must be an integer of at least 1' % name)
        value = int(value)
        if name in CEILINGS and value > CEILINGS[name]:
            raise LimitsError('limit %s above its ceiling %d' % (name, CEILINGS[name]))
        limits[name] = value
    return limits


def budget(limits, frame_length):
    return COST_FREE + limits['maxCostPerByte'] * frame_length
