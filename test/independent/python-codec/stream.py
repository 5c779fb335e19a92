"""Stream decoder (spec section 2): splits a byte stream into raw frames, whatever the chunking."""
import limits as L
from decode import DecodeError


class StreamDecoder:
    def __init__(self, max_frame_bytes=None):
        lim = L.resolve({'maxFrameBytes': max_frame_bytes} if max_frame_bytes is not None else None)
        self.max = lim['maxFrameBytes']
        self.buf = bytearray()
        self.consumed = 0   # stream offset of buf[0]
        self.error = None

    def push(self, chunk):
        """Returns the whole frames completed by chunk. An oversize prefix sets the error: raised at once
        when no frame comes before it, else on the next call (spec section 2)."""
        if self.error:
            raise self.error
        self.buf += chunk
        frames = []
        while len(self.buf) >= 4:
            n = int.from_bytes(self.buf[0:4], 'big')
            if n > self.max:
                self.error = DecodeError('FRAME_TOO_LARGE', self.consumed)
                self.buf = bytearray()  # closed: nothing after it is read
                if not frames:
                    raise self.error
                break
            if len(self.buf) < 4 + n:
                break
            frames.append(bytes(self.buf[:4 + n]))
            del self.buf[:4 + n]
            self.consumed += 4 + n
        return frames

    def end(self):
        if self.error:
            raise self.error
        if self.buf:
            raise DecodeError('TRUNCATED', self.consumed + len(self.buf))
