/**
 * Bytes allocated per operation: the growth of the V8 heap over a batch
 * short enough that no garbage collection runs inside it (a batch during
 * which the young generation shrank saw a collection and is discarded).
 * The median of the clean batches; temporaries are counted, not only
 * what the result keeps.
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { median } from './harness.js';

function heapUsed(): { total: number; young: number } {
  let total = 0;
  let young = 0;
  for (const s of getHeapSpaceStatistics()) {
    total += s.space_used_size;
    if (s.space_name === 'new_space') young = s.space_used_size;
  }
  return { total, young };
}

/** `run(n)` performs the operation n times; returns bytes per operation, or NaN if every batch saw a collection. */
export function bytesPerOp(run: (n: number) => void, n: number, tries = 41): number {
  const samples: number[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let t = 0; t < tries; t++) {
    gc?.();
    const a = heapUsed();
    run(n);
    const b = heapUsed();
    if (b.young >= a.young && b.total >= a.total) samples.push((b.total - a.total) / n);
  }
  return samples.length ? median(samples) : Number.NaN;
}
