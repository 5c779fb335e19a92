/**
 * Hand-built frame bytes for generators and tests that must reach inputs
 * encode() refuses to write (huge length claims, runs of empty values): the
 * varint of spec/wire-format.md, written without the codec so its bugs
 * cannot hide in the input too.
 */
export function varint(v: number): number[] {
  const out: number[] = [];
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}
