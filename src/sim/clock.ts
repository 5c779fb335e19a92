import type { TimeStamp } from '../codec/types.js';

/** The `time` every event carries (AttributeTimeinSecs + AttributeTimeinuSecs). */
export function now(): TimeStamp {
  const ms = Date.now();
  return { seconds: Math.floor(ms / 1000), microseconds: (ms % 1000) * 1000 };
}
