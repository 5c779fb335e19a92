/**
 * Wire data reaches a person's terminal through progress lines, summaries and
 * traces. A server under test (or an attacker on its path) must not be able to
 * recolour, rewrite, retitle or hide what the terminal shows, so every escape
 * sequence is dropped whole (not just its ESC byte, which would leave "[31m"
 * litter) and every remaining control character is dropped.
 */

// OSC, DCS, SOS, PM, APC: a payload running to BEL or ST. The payload stops at
// the next ESC, BEL or C1 character, so matching is linear; an unterminated
// sequence loses only its introducer (its payload stays as inert text), so a
// hostile U+009D cannot erase the evidence that follows it.
const STRING_SEQUENCE = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])([^\x07\x1b\x80-\x9f]*)(\x07|\x1b\\|\x9c)?/g;
// CSI, 7-bit (ESC [) and 8-bit (0x9b) forms: parameters, intermediates, final byte.
const CSI_SEQUENCE = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?/g;
// Every other escape: ESC, optional intermediates, one final byte.
const OTHER_ESCAPE = /\x1b[\x20-\x2f]*[\x30-\x7e]?/g;
// C0 except \t and \n (a \r could overwrite the line before it), DEL, C1.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
// Bidirectional overrides reorder what the reader sees ("Trojan Source").
const BIDI_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/g;

/** Wire-derived text made safe to print: no escape sequences, no control characters but \n and \t. */
export function sanitizeForTerminal(s: string): string {
  return s
    .replace(STRING_SEQUENCE, (_all, payload: string, end: string | undefined) => (end === undefined ? payload : ''))
    .replace(CSI_SEQUENCE, '')
    .replace(OTHER_ESCAPE, '')
    .replace(CONTROL, '')
    .replace(BIDI_OVERRIDE, '');
}

/** Sanitized and flattened to one line, for fields printed inside a single terminal line. */
export function sanitizeOneLine(s: string): string {
  return sanitizeForTerminal(s).replace(/[\n\t]+/g, ' ');
}
