/** --trace lines: one wire record as a person reads it in a terminal. */
import type { WireRecord } from './report-model.js';
import type { JsonMessage } from '../../src/codec/json.js';
import { paint } from './ansi.js';
import { formatOffset, hexLines } from './format.js';
import { sanitizeForTerminal, sanitizeOneLine } from './sanitize.js';

const HEX_BYTES_PER_LINE = 32;
const INDENT = ' '.repeat(14);

/** "client-a → primary" for sends, "client-a ← primary" for receives: the actor is always on the left. */
function directionText(r: WireRecord): string {
  const arrow = r.dir === 'send' ? '→' : r.dir === 'recv' ? '←' : '·';
  return `${sanitizeOneLine(r.actor)} ${arrow} ${sanitizeOneLine(r.peer)}`;
}

/** Attributes as key=value, values in compact JSON so strings, numbers and lists stay distinguishable. */
function attributesText(message: JsonMessage): string {
  return Object.entries(message)
    .filter(([key]) => key !== 'Event')
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(' ');
}

function headline(r: WireRecord, color: boolean | undefined): string {
  if (r.dir === 'note') return paint(`note: ${sanitizeOneLine(r.text ?? '')}`, 'cyan', color);
  if (!r.message) return paint(`undecodable: ${sanitizeOneLine(r.text ?? '')}`, 'yellow', color);
  const attrs = sanitizeOneLine(attributesText(r.message));
  const name = paint(sanitizeOneLine(r.message.Event), 'bold', color);
  return attrs ? `${name} ${attrs}` : name;
}

export function formatTraceRecord(r: WireRecord, opts: { color?: boolean } = {}): string {
  const { color } = opts;
  const flag = r.violation ? ` ${paint('◀ VIOLATION', 'red', color)}` : '';
  const first = `${paint(formatOffset(r.t), 'gray', color)}  ${directionText(r)}  ${headline(r, color)}${flag}`;
  const hex = r.hex ? hexLines(sanitizeForTerminal(r.hex), HEX_BYTES_PER_LINE) : [];
  return [first, ...hex.map((line) => paint(INDENT + line, 'dim', color))].join('\n');
}
