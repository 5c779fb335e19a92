/**
 * Reads the inputs `tlib-kit validate` accepts, told apart by content: a
 * JSON message or array of messages, hex frames as text (whitespace and
 * `#` comments allowed), or binary concatenated frames. Anything it cannot
 * read becomes an InputError saying where and why.
 */
import { decode } from '../codec/decode.js';
import { hexToBytes, type JsonMessage } from '../codec/json.js';
import { isTLibError } from '../codec/errors.js';
import type { Message } from '../codec/types.js';
import { FrameDecoder } from '../wire/frame-decoder.js';

export type InputForm = 'json' | 'hex' | 'binary';

export interface InputMessage {
  /** Where it came from, for a person: "message 2" or "frame 1 (byte 0)". */
  label: string;
  message: Message | JsonMessage;
}

export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly code: 'BAD_JSON' | 'BAD_HEX' | 'BAD_FRAMES' | 'EMPTY',
    message: string,
  ) {
    super(message);
  }
}

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

export function detectForm(bytes: Uint8Array): InputForm {
  const text = asText(bytes);
  if (text === undefined) return 'binary';
  return /^\s*[[{]/.test(text) ? 'json' : 'hex';
}

function fromJsonText(text: string): InputMessage[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError('BAD_JSON', `not valid JSON: ${(e as Error).message}`);
  }
  const list = Array.isArray(data) ? data : [data];
  return list.map((message: JsonMessage, i) => ({ label: `message ${i + 1}`, message }));
}

/** Hex digits with whitespace and `#` comments; the error names line and column. */
export function hexText(text: string): Uint8Array {
  const lines = text.split(/\r?\n/);
  let digits = '';
  for (const [n, line] of lines.entries()) {
    const code = line.replace(/#.*/, '');
    const bad = /[^0-9a-fA-F\s]/.exec(code);
    if (bad) throw new InputError('BAD_HEX', `not hex: ${JSON.stringify(bad[0])} at line ${n + 1}, column ${bad.index + 1}`);
    digits += code.replace(/\s+/g, '');
  }
  if (digits.length % 2 !== 0) throw new InputError('BAD_HEX', `not hex: an odd number of hex digits (${digits.length})`);
  return hexToBytes(digits);
}

/** Splits concatenated frames and decodes each; codec errors keep their code and absolute offset. */
export function framesOf(bytes: Uint8Array): InputMessage[] {
  const frames = new FrameDecoder();
  let split: Uint8Array[];
  try {
    split = frames.push(bytes);
    frames.end();
  } catch (e) {
    throw codecFailure(e, 'the frame stream', 0);
  }
  const out: InputMessage[] = [];
  let start = 0;
  for (const [i, frame] of split.entries()) {
    try {
      out.push({ label: `frame ${i + 1} (byte ${start})`, message: decode(frame) });
    } catch (e) {
      throw codecFailure(e, `frame ${i + 1}`, start);
    }
    start += frame.length;
  }
  return out;
}

function codecFailure(e: unknown, where: string, base: number): InputError | unknown {
  if (!isTLibError(e)) return e;
  const at = e.offset === undefined ? '' : ` (byte ${base + e.offset} of the input)`;
  return new InputError('BAD_FRAMES', `${where} does not decode: ${e.code}: ${e.message}${at}`);
}

export function readMessages(bytes: Uint8Array): { form: InputForm; messages: InputMessage[] } {
  const form = detectForm(bytes);
  const text = form === 'binary' ? '' : (asText(bytes) ?? '');
  const messages = form === 'json' ? fromJsonText(text) : framesOf(form === 'hex' ? hexText(text) : bytes);
  if (messages.length === 0) throw new InputError('EMPTY', form === 'json' ? 'an empty array: no message to validate' : 'no frame in the input');
  return { form, messages };
}
