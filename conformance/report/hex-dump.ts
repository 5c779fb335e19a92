/** The one hex dump of the kit (HTML report, `tlib-kit decode --hex`): the layout of `hexdump -C`, familiar to protocol people. */

const BYTES_PER_ROW = 16;

/** Printable ASCII for the right column; anything else, and any non-hex pair, is a dot. */
function asciiOf(pair: string): string {
  const code = /^[0-9a-fA-F]{2}$/.test(pair) ? parseInt(pair, 16) : -1;
  return code >= 0x20 && code < 0x7f ? String.fromCharCode(code) : '.';
}

/** Offset, 16 bytes in two groups of 8, ASCII; one string per row. Bytes as a Uint8Array or as two-digit hex pairs. */
export function hexDump(bytes: Uint8Array | readonly string[]): string[] {
  const pairs = bytes instanceof Uint8Array ? Array.from(bytes, (b) => b.toString(16).padStart(2, '0')) : bytes;
  const rows: string[] = [];
  for (let i = 0; i < pairs.length; i += BYTES_PER_ROW) {
    const row = pairs.slice(i, i + BYTES_PER_ROW);
    const left = row.slice(0, 8).join(' ');
    const right = row.slice(8).join(' ');
    const hexPart = `${left}${right ? '  ' + right : ''}`.padEnd(BYTES_PER_ROW * 3);
    rows.push(`${i.toString(16).padStart(4, '0')}  ${hexPart} |${row.map(asciiOf).join('')}|`);
  }
  return rows;
}
