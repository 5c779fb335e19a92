/**
 * Everything from the wire or the run enters the page only through these
 * functions: it is data, never markup. Invisible characters are also made
 * visible, because a certifier must see exactly what the server sent.
 */

const SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// C0 but \t and \n, DEL, C1, bidirectional overrides and lone surrogates.
const INVISIBLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\p{Cs}/gu;

function visible(c: string): string {
  const code = c.charCodeAt(0);
  // Unicode's control pictures (␀ … ␟, ␡) read better than escapes for the common C0 bytes.
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text for element content or a quoted attribute value. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => SPECIAL[c]!).replace(INVISIBLE, visible);
}
