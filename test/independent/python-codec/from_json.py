"""Reading the JSON form (spec 10.1 "Reading the JSON form first", section 14): one pass over
the members, in property order, refusing only what cannot be turned into a value.
Everything else passes as it is, for the encoder's own checks."""
from encode_errors import invalid, property_order
from spec_tables import ATTRIBUTE_BY_NAME

import re

DECIMAL = re.compile(r'^[0-9]+$')
HEX = re.compile(r'^([0-9a-fA-F]{2})*$')
KINDS = ('int32', 'int64', 'string', 'binary', 'kvlist')


def is_hex_object(v):
    return isinstance(v, dict) and isinstance(v.get('$hex'), str)


def _hex(v, path):
    if is_hex_object(v) and not HEX.match(v['$hex']):
        raise invalid(path + '.$hex')


def _kvlist(v, path):
    if not isinstance(v, list):
        raise invalid(path)
    for i, pair in enumerate(v):
        p = '%s[%d]' % (path, i)
        if not isinstance(pair, list) or len(pair) != 2 or not isinstance(pair[0], str):
            raise invalid(p)
        value = pair[1]
        vp = p + '[1]'
        if isinstance(value, list):
            _kvlist(value, vp)
        elif is_hex_object(value):
            _hex(value, vp)
        elif isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise invalid(vp)


def _unknown(entries):
    if not isinstance(entries, list):
        raise invalid('Unknown')
    for i, e in enumerate(entries):
        p = 'Unknown[%d]' % i
        if not isinstance(e, dict):
            raise invalid(p)
        kind = e.get('kind')
        if not isinstance(kind, str) or kind not in KINDS:
            raise invalid(p + '.kind')
        value = e.get('value')
        if kind == 'int64' and not (isinstance(value, str) and DECIMAL.match(value)):
            raise invalid(p + '.value')
        if kind == 'binary':
            if not is_hex_object(value):
                raise invalid(p + '.value')
            _hex(value, p + '.value')
        if kind == 'kvlist':
            _kvlist(value, p + '.value')


def check(msg):
    if not isinstance(msg, dict) or not isinstance(msg.get('Event'), str):
        raise invalid('')
    for name in property_order(msg):
        value = msg[name]
        if name == 'Unknown':
            _unknown(value)
            continue
        attr = ATTRIBUTE_BY_NAME.get(name)
        if attr is None:
            continue
        if attr.value == 'u64' and isinstance(value, str) and not DECIMAL.match(value):
            raise invalid(name)
        elif attr.value == 'binary':
            _hex(value, name)
        elif attr.value == 'kvlist':
            _kvlist(value, name)
