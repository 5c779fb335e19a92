"""The registry, read from the generated tables of spec/wire-format.md (sections 12 and 13).

Reading the tables from the spec text keeps this codec honest: it knows exactly
the ids and tags the spec lists, and follows the spec when they change.
"""
import os

SPEC = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'spec', 'wire-format.md')

KIND_NAMES = {1: 'int32', 2: 'int64', 3: 'string', 4: 'binary', 5: 'kvlist'}
KIND_BY_NAME = {v: k for k, v in KIND_NAMES.items()}


def _rows(text, marker):
    start = text.index('<!-- generated:%s' % marker)
    end = text.index('<!-- end generated:%s -->' % marker)
    rows = []
    for line in text[start:end].splitlines():
        if not line.startswith('|'):
            continue
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if not cells[0].isdigit():
            continue  # header and separator
        rows.append(cells)
    return rows


class Message:
    __slots__ = ('id', 'name', 'obsolete')

    def __init__(self, id_, name, obsolete):
        self.id, self.name, self.obsolete = id_, name, obsolete


class Attribute:
    __slots__ = ('tag', 'name', 'kind', 'value')

    def __init__(self, tag, name, kind, value):
        self.tag, self.name, self.kind, self.value = tag, name, kind, value


def load(path=SPEC):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    messages = []
    for cells in _rows(text, 'messages'):
        messages.append(Message(int(cells[0]), cells[2], 'obsolete' in cells[4]))
    attributes = []
    for cells in _rows(text, 'attributes'):
        kind = int(cells[4].split()[0])
        value = cells[5].split(':')[0].strip()
        attributes.append(Attribute(int(cells[0]), cells[2], kind, value))
    return messages, attributes


MESSAGES, ATTRIBUTES = load()
MESSAGE_BY_ID = {m.id: m for m in MESSAGES}
MESSAGE_BY_NAME = {m.name: m for m in MESSAGES}
ATTRIBUTE_BY_TAG = {a.tag: a for a in ATTRIBUTES}
ATTRIBUTE_BY_NAME = {a.name: a for a in ATTRIBUTES}
TIME_SECONDS, TIME_MICROS = 86, 87
