/**
 * What a verb reads, told apart by content unless --format says: JSON
 * (messages or envelopes of frames), hex text, or binary frames.
 */
import { decode } from '../../src/codec/decode.js';
import { isTLibError } from '../../src/codec/errors.js';
import type { JsonMessage } from '../../src/codec/json.js';
import type { Message } from '../../src/codec/types.js';
import { InputError } from './errors.js';
import { codecProblem, decodeStreamBytes, type FrameResult } from './frames.js';
import { parseHex } from './hex.js';
import { parseJsonEntries, type JsonEntry } from './json-input.js';

export const FORMATS = ['auto', 'hex', 'bin', 'json'] as const;
export type Format = (typeof FORMATS)[number];
type Form = Exclude<Format, 'auto'>;


/** Bytes no text file holds: NUL and the other C0 controls except tab, newline, CR, form feed. */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function asText(bytes: Uint8Array): string | undefined {
  try {
    const text = utf8.decode(bytes);
    return CONTROL.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

function detectForm(bytes: Uint8Array): Form {
  const text = asText(bytes);
  if (text === undefined) return 'bin';
  return /^\s*[[{]/.test(text) ? 'json' : 'hex';
}

function textOf(bytes: Uint8Array, form: Form): string {
  const text = asText(bytes);
  if (text === undefined) throw new InputError(form === 'hex' ? 'BAD_HEX' : 'BAD_JSON', `--format ${form}: the input is not text (binary frames? try --format bin)`);
  return text;
}

function resolve(bytes: Uint8Array, format: Format): Form {
  if (bytes.length === 0) throw new InputError('EMPTY', 'the input is empty');
  return format === 'auto' ? detectForm(bytes) : format;
}

/** The frame of an envelope (a golden vector), decoded as one frame: its offsets count from the vector's first byte. */
function envelopeFrame(e: JsonEntry): FrameResult {
  let bytes: Uint8Array;
  try {
    bytes = parseHex(e.hex!).bytes;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { index: e.index, where: e.where, error: new InputError('BAD_HEX', `${e.where}: "hex" is ${err.message}`) };
  }
  try {
    return { index: e.index, where: e.where, bytes, message: decode(bytes) };
  } catch (err) {
    if (!isTLibError(err)) throw err;
    return { index: e.index, where: e.where, bytes, error: codecProblem(err, e.where) };
  }
}

/** For decode: every frame of the input. JSON input must carry frames (envelopes with "hex"). */
export function readFrames(bytes: Uint8Array, format: Format): FrameResult[] {
  const form = resolve(bytes, format);
  if (form === 'bin') return decodeStreamBytes(bytes);
  const text = textOf(bytes, form);
  if (form === 'hex') {
    const hex = parseHex(text);
    if (hex.bytes.length === 0) throw new InputError('EMPTY', 'no hex digits in the input');
    return decodeStreamBytes(hex.bytes, hex);
  }
  return parseJsonEntries(text).map((e) =>
    e.hex !== undefined ? envelopeFrame(e) : { index: e.index, where: e.where, error: new InputError('BAD_FRAME', `${e.where}: a JSON message, not a frame: decode reads frames (hex, binary, or vectors with "hex"); encode turns messages into frames`) },
  );
}

/** One message to check, or why there is none. */
export interface MessageItem {
  where: string;
  message?: Message | JsonMessage;
  error?: InputError;
}

/** For validate: JSON messages as written, envelopes through their bytes, frames decoded. */
export function readMessages(bytes: Uint8Array, format: Format): MessageItem[] {
  const form = resolve(bytes, format);
  if (form !== 'json') return readFrames(bytes, form);
  return parseJsonEntries(textOf(bytes, form)).map((e): MessageItem => {
    if (e.hex !== undefined) return envelopeFrame(e);
    return e.message !== undefined ? { where: e.where, message: e.message } : { where: e.where, error: new InputError('BAD_MESSAGE', `${e.where}: holds no message`) };
  });
}

/** For encode: JSON entries that hold a message. */
export function readJsonMessages(bytes: Uint8Array, format: Format): JsonEntry[] {
  const form = resolve(bytes, format);
  if (form !== 'json') throw new InputError('BAD_JSON', `encode reads JSON messages (one object, an array or JSON lines); this input looks like ${form === 'bin' ? 'binary frames' : 'hex'}: decode turns frames into messages`);
  return parseJsonEntries(textOf(bytes, form));
}
