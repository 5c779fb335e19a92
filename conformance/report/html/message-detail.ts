/** The expanded view of one wire record: decoded attributes as pretty JSON and the raw frame as a hex dump. */
import type { WireRecord } from '../report-model.js';
import { formatOffset, hexBytes } from '../format.js';
import { hexDump } from '../hex-dump.js';
import { escapeHtml } from './escape.js';

/** The frame as `hexdump -C` prints it. */
function dump(hex: string): string {
  return hexDump(hexBytes(hex)).join('\n');
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
  if (r.hex) panes.push(pane(`Raw frame · ${hexBytes(r.hex).length} bytes`, 'hexdump', dump(r.hex)));
  if (panes.length > 0) parts.push(`<div class="panes">${panes.join('')}</div>`);
  return `<div class="msg-detail">${parts.join('')}</div>`;
}
