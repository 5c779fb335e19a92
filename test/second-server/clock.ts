/**
 * The `time` of events: wall-clock seconds and microseconds. Microseconds
 * come from the high-resolution clock, so they are not multiples of 1000.
 */
import type { TimeStamp } from '../../src/index.js';

const originNs = BigInt(Date.now()) * 1_000_000n - process.hrtime.bigint();

export function now(): TimeStamp {
  const ns = originNs + process.hrtime.bigint();
  const us = ns / 1000n;
  return { seconds: Number(us / 1_000_000n), microseconds: Number(us % 1_000_000n) };
}
