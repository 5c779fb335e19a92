/**
 * Where the command line's text meets the terminal. Lines the verbs print
 * carry strings from a target (ErrorMessage, ThisDN), a bridge, a hook or a
 * file, so each one leaves here as exactly one line of plain text, through
 * the reports' terminal neutraliser: nothing a server sends can retitle,
 * clear, recolour or write to the clipboard of the terminal, or print a line
 * of its own (a forged verdict) into what a person or a CI log reads.
 * (`conform` prints coloured text built by conformance/report/, which
 * neutralises each string before it paints.)
 */
import { sanitizeOneLine } from '../conformance/report/sanitize.js';

interface TextSink {
  write(text: string): unknown;
}

/** Each line as one neutralised terminal line. */
export function printLines(sink: TextSink, lines: readonly string[]): void {
  if (lines.length > 0) sink.write(lines.map((line) => `${sanitizeOneLine(line)}\n`).join(''));
}

/** One line on standard output. */
export const say = (line: string): void => printLines(process.stdout, [line]);

/** One line on standard error. */
export const warn = (line: string): void => printLines(process.stderr, [line]);

// JSON.stringify escapes C0 but leaves DEL, C1 (U+009B is a CSI), the line
// separators and the bidirectional controls raw.
const JSON_UNSAFE = /[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A value as JSON text safe to print: the same JSON (a parser reads back the
 * same value, nothing is lost), with every character a terminal would act on
 * written as a \u escape.
 */
export function jsonText(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
