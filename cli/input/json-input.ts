/**
 * JSON inputs: one object, an array, or JSON lines (one value a line, what
 * `decode --json` prints). An entry is a message ({"Event": ...}) or an
 * envelope that carries one: a golden vector of spec/vectors/*.json
 * ({name, hex, message}) or a `decode --json --hex` line ({frame, hex, message}).
 */
import type { JsonMessage } from '../../src/codec/json.js';
import { InputError } from './errors.js';

export interface JsonEntry {
  index: number;
  /** "message 2", "message 2 (line 5)", 'vector 4 "message/EventACK"', "frame 3" (a decode --json --hex line). */
  where: string;
  /** The message the entry holds, when it holds one. */
  message?: JsonMessage;
  /** An envelope's frame as hex (the bytes are what a vector is about). */
  hex?: string;
  /** A golden vector of an obsolete event says so; encode needs to know. */
  allowObsolete?: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function entryOf(value: unknown, index: number, line?: number): JsonEntry {
  const envelope = isObject(value) && !('Event' in value) && (typeof value.hex === 'string' || isObject(value.message));
  const named = envelope && typeof value.name === 'string';
  const kind = named ? 'vector' : envelope && typeof value.hex === 'string' ? 'frame' : 'message';
  const where = `${kind} ${index}${line === undefined ? '' : ` (line ${line})`}${named ? ` ${JSON.stringify(value.name)}` : ''}`;
  if (!envelope) return { index, where, message: value as JsonMessage };
  return {
    index,
    where,
    ...(isObject(value.message) ? { message: value.message as JsonMessage } : {}),
    ...(typeof value.hex === 'string' ? { hex: value.hex } : {}),
    ...(value.allowObsolete === true ? { allowObsolete: true } : {}),
  };
}

function parse(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError('BAD_JSON', `${where}not valid JSON: ${(e as Error).message}`);
  }
}

export function parseJsonEntries(text: string): JsonEntry[] {
  let whole: unknown;
  try {
    whole = JSON.parse(text);
  } catch (e) {
    const lines = text.split(/\r?\n/).map((l, i) => ({ l: l.trim(), n: i + 1 })).filter((x) => x.l !== '');
    // One value that does not parse is a broken document, not JSON lines.
    if (lines.length < 2 || !/^[[{]/.test(lines[1]!.l)) throw new InputError('BAD_JSON', `not valid JSON: ${(e as Error).message}`);
    return lines.map((x, i) => entryOf(parse(x.l, `line ${x.n}: `), i + 1, x.n));
  }
  const list = Array.isArray(whole) ? whole : [whole];
  if (list.length === 0) throw new InputError('EMPTY', 'an empty array: no message in the input');
  return list.map((v, i) => entryOf(v, i + 1));
}
