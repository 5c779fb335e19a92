/** The expanded view of one wire record: decoded attributes as pretty JSON and the raw frame as a hex dump. */
import type { WireRecord } from '../../report-model.js';
import { formatOffset, hexBytes } from '../format.js';
import { escapeHtml } from './escape.js';

const BYTES_PER_ROW = 16;

/** Printable ASCII for the dump's right column; anything else, and any non-hex pair, is a dot. */
function asciiOf(pair: string): string {
  const code = /^[0-9a-fA-F]{2}$/.test(pair) ? parseInt(pair, 16) : -1;
  return code >= 0x20 && code < 0x7f ? String.fromCharCode(code) : '.';
}

/** Offset, 16 bytes in two groups of 8, ASCII: the layout of `hexdump -C`, familiar to protocol people. */
export function hexDump(hex: string): string {
  const bytes = hexBytes(hex);
  const rows: string[] = [];
  for (let i = 0; i < bytes.length; i += BYTES_PER_ROW) {
    const row = bytes.slice(i, i + BYTES_PER_ROW);
    const left = row.slice(0, 8).join(' ');
    const right = row.slice(8).join(' ');
    const hexPart = `${left}${right ? '  ' + right : ''}`.padEnd(BYTES_PER_ROW * 3);
    rows.push(`${i.toString(16).padStart(4, '0')}  ${hexPart} |${row.map(asciiOf).join('')}|`);
  }
  return rows.join('\n');
}

function pane(title: string, cls: string, body: string): string {
  return `<div class="pane"><h5>${escapeHtml(title)}</h5><pre class="${cls}">${escapeHtml(body)}</pre></div>`;
}

export function messageDetail(r: WireRecord): string {
  const where = `${r.actor} ${r.dir === 'send' ? '→' : r.dir === 'recv' ? '←' : '·'} ${r.peer} at ${formatOffset(r.t).trim()}`;
  const parts = [`<p class="where">${escapeHtml(where)}</p>`];
  if (r.text) parts.push(`<p class="note-text">${escapeHtml(r.text)}</p>`);
  const panes: string[] = [];
  if (r.message) panes.push(pane('Decoded attributes', 'attrs', JSON.stringify(r.message, null, 2)));
  if (r.hex) panes.push(pane(`Raw frame · ${hexBytes(r.hex).length} bytes`, 'hexdump', hexDump(r.hex)));
  if (panes.length > 0) parts.push(`<div class="panes">${panes.join('')}</div>`);
  return `<div class="msg-detail">${parts.join('')}</div>`;
}
