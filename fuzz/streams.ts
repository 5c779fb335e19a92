/**
 * A fuzz campaign split into seed streams: one per worker thread of each CI
 * shard. Stream 0 is the base seed itself (a one-worker run replays as
 * before); the others are the base seed hashed with the stream number, so
 * no stream repeats another's slices. Streams on one target get their own DNs.
 */
import { DN_SLOTS } from './arbitrary/server-script.js';

/** Streams per shard the numbering leaves room for: shard i's streams are (i-1)*MAX_WORKERS + w. */
const MAX_WORKERS = 1000;

export function streamIndex(shard: { index: number }, worker: number): number {
  return (shard.index - 1) * MAX_WORKERS + worker;
}

/** A 32-bit mix (murmur3's finalizer) of the base seed and the stream number. */
export function streamSeed(baseSeed: number, stream: number): number {
  if (stream === 0) return baseSeed >>> 0;
  let h = (baseSeed ^ Math.imul(stream, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  // 31 bits: every seed a person sees is non-negative, as --seed accepts.
  return (h ^ (h >>> 16)) >>> 1;
}

/**
 * The DNs a stream uses on a shared target: the next DN_SLOTS of the
 * list the user gave (shard i, worker w takes group (i-1)*workers + w), or
 * generated numeric names when none was given.
 */
export function streamDns(given: readonly string[] | undefined, shard: { index: number }, workers: number, worker: number): string[] {
  const size = DN_SLOTS;
  if (given === undefined) return Array.from({ length: size }, (_, j) => String(900_000 + streamIndex(shard, worker) * size + j));
  const group = (shard.index - 1) * workers + worker;
  if ((group + 1) * size > given.length) {
    throw new RangeError(`--dns gives ${given.length} DNs; shard ${shard.index} with ${workers} worker${workers === 1 ? '' : 's'} needs ${(group + 1) * size} (${size} for each worker of each shard up to this one)`);
  }
  return given.slice(group * size, (group + 1) * size);
}
