/** The ErrorCode union of src/wire/errors.ts, read from its source: a TypeScript type has no runtime list. */
import { readFileSync } from 'node:fs';

export function errorCodesInSource(): string[] {
  const source = readFileSync(new URL('../../src/wire/errors.ts', import.meta.url), 'utf8');
  const union = /export type ErrorCode =([\s\S]*?);/.exec(source)?.[1] ?? '';
  return [...union.matchAll(/\|\s*'([A-Z0-9_]+)'/g)].map((m) => m[1]!);
}
