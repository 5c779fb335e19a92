#!/usr/bin/env python3
"""Batch front end of the independent codec: one JSON request per input line, one JSON answer per output line.

  {"op":"decode","hex":"..","limits":{..}?}
      -> {"ok":true,"message":{..},"canonical":"<hex of encode(message)>"} | {"ok":false,"code":..,"offset":..}
  {"op":"encode","message":{..},"options":{"allowObsolete"?,"limits"?}?}
      -> {"ok":true,"hex":".."} | {"ok":false,"code":..,"path":..}
  {"op":"stream","chunks":["hex",..],"maxFrameBytes":N?}
      -> {"frames":["hex",..],"error":{"code":..,"offset":..}|null,"again"?:[..]}: after FRAME_TOO_LARGE, what a
      later chunk and the end of the stream give
A refused limit answers {"ok":false,"code":"RangeError","message":..}.
`--mutant NAME` runs one of mutants.py, each breaking one sentence of the spec.
"""
import json
import sys

from decode import DecodeError, decode
from encode import EncodeError, encode
from limits import LimitsError
from stream import StreamDecoder


def do_decode(req):
    try:
        msg = decode(bytes.fromhex(req['hex']), req.get('limits'))
    except DecodeError as e:
        return {'ok': False, 'code': e.code, 'offset': e.offset}
    answer = {'ok': True, 'message': msg}
    try:
        answer['canonical'] = encode(msg, {'allowObsolete': True, 'limits': req.get('limits')}).hex()
    except EncodeError as e:
        answer['canonicalError'] = {'code': e.code, 'path': e.path}
    return answer


def do_encode(req):
    try:
        return {'ok': True, 'hex': encode(req['message'], req.get('options')).hex()}
    except EncodeError as e:
        return {'ok': False, 'code': e.code, 'path': e.path}


def do_stream(req):
    s = StreamDecoder(req.get('maxFrameBytes'))
    frames = []
    try:
        for chunk in req['chunks']:
            frames += s.push(bytes.fromhex(chunk))
        s.end()
        return {'frames': [f.hex() for f in frames], 'error': None}
    except DecodeError as e:
        error = {'code': e.code, 'offset': e.offset}
    if error['code'] != 'FRAME_TOO_LARGE':
        return {'frames': [f.hex() for f in frames], 'error': error}
    # the error stays: a later chunk and the end of the stream raise it again and return nothing
    again = []
    for call in (lambda: s.push(b'\0\0\0\0'), s.end):
        try:
            again.append({'returned': [f.hex() for f in call() or []]})
        except DecodeError as e:
            again.append({'code': e.code, 'offset': e.offset})
    return {'frames': [f.hex() for f in frames], 'error': error, 'again': again}


OPS = {'decode': do_decode, 'encode': do_encode, 'stream': do_stream}


def answer(line):
    req = json.loads(line)
    try:
        return OPS[req['op']](req)
    except LimitsError as e:
        return {'ok': False, 'code': 'RangeError', 'message': str(e)}


def main():
    out = sys.stdout
    for line in sys.stdin:
        if line.strip():
            out.write(json.dumps(answer(line), separators=(',', ':')))
            out.write('\n')
    out.flush()


if __name__ == '__main__':
    sys.setrecursionlimit(10000)
    if len(sys.argv) == 3 and sys.argv[1] == '--mutant':
        import mutants
        mutants.apply(sys.argv[2])
    main()
