"""The encoder's error and the property order both encode passes walk in (spec 10.1, step 3)."""
import re

INDEX_NAME = re.compile(r'^(0|[1-9][0-9]*)$')


class EncodeError(Exception):
    def __init__(self, code, path):
        super().__init__('%s at %r' % (code, path))
        self.code, self.path = code, path


def invalid(path):
    return EncodeError('INVALID_MESSAGE', path)


def _is_index(name):
    return bool(INDEX_NAME.match(name)) and int(name) <= 4294967294


def property_order(obj):
    """Integer-like names 0..4294967294 ascending, then the others in insertion order."""
    return sorted((k for k in obj if _is_index(k)), key=int) + [k for k in obj if not _is_index(k)]
