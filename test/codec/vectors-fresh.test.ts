/**
 * The golden files are what the generator writes (no hand edits, no stale
 * files), and they cover what the issue asks: every message type of the
 * registry, every error code the decoder can raise.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/index.js';
import { buildVectorFiles } from '../../scripts/vectors/build.js';
import { VECTORS_DIR, serializeVectors } from '../../scripts/vectors/files.js';
import { errorCodesInSource } from './error-codes.js';
import { ERROR_VECTORS, MESSAGE_VECTORS, VECTOR_FILES } from './vector-files.js';

/** Codes only encode() raises: no frame can produce them. */
const ENCODE_ONLY = new Set(['INVALID_MESSAGE', 'OBSOLETE']);

describe('golden vector files', () => {
  const built = buildVectorFiles();

  it('are exactly what scripts/gen-vectors.ts writes', () => {
    expect(Object.keys(built).sort()).toEqual([...VECTOR_FILES].sort());
    for (const [file, entries] of Object.entries(built)) {
      expect(readFileSync(new URL(file, VECTORS_DIR), 'utf8'), file).toBe(serializeVectors(entries));
    }
  });

  it('cover every message type of the registry, obsolete ones marked allowObsolete', () => {
    const covered = new Set(MESSAGE_VECTORS.map((v) => v.message.Event));
    expect(MESSAGES.filter((m) => !covered.has(m.name)).map((m) => m.name)).toEqual([]);
    const marked = MESSAGE_VECTORS.filter((v) => v.allowObsolete).map((v) => v.message.Event);
    expect(marked.sort()).toEqual(MESSAGES.filter((m) => 'obsolete' in m).map((m) => m.name).sort());
  });

  it('have an invalid frame for every error code a decoder can raise', () => {
    const codes = errorCodesInSource();
    expect(codes.length).toBeGreaterThanOrEqual(14);
    const covered = new Set(ERROR_VECTORS.map((v) => v.error));
    expect(codes.filter((c) => !ENCODE_ONLY.has(c) && !covered.has(c))).toEqual([]);
    expect([...covered].filter((c) => !codes.includes(c))).toEqual([]);
  });

  it('have unique names', () => {
    const names = Object.values(built).flat().map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
