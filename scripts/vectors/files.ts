/** Where the golden vectors live and how they are written, shared by the generator and its freshness test. */
import type { Vector } from './types.js';

export const VECTORS_DIR = new URL('../../spec/vectors/', import.meta.url);

export function serializeVectors(entries: Vector[]): string {
  return `${JSON.stringify(entries, null, 2)}\n`;
}
