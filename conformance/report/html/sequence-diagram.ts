/**
 * The message exchange of one scenario as a sequence diagram. Each record is
 * one row: an inline SVG strip (lifelines, arrow or note, label, time) inside
 * a <details>, so clicking a message opens its attributes and bytes in place
 * without any script. Rows stack without gaps, so the lifelines read as
 * continuous lines.
 */
import type { WireRecord } from '../report-model.js';
import { formatOffset, truncate } from '../format.js';
import { escapeHtml } from './escape.js';
import { GEOMETRY as G, layoutLanes, type Lanes } from './lanes.js';
import { messageDetail } from './message-detail.js';
import { VIOLATION_COLOR } from './style.js';

const CHAR_WIDTH = 7; // average label glyph width at 12px, to fit labels between lifelines
const ARROW_HEAD = 8;
const LABEL_MAX = 18; // lane heading characters

function lifelines(lanes: Lanes, top: number, bottom: number): string {
  const xs = [...lanes.actors.map((a) => lanes.x('actor', a)), ...lanes.peers.map((p) => lanes.x('peer', p))];
  return xs.map((x) => `<line class="lifeline" x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="#94a3b8" stroke-width="1.2" stroke-dasharray="5 4"/>`).join('');
}

function laneHead(lanes: Lanes): string {
  const box = (side: 'actor' | 'peer', name: string) => {
    const x = lanes.x(side, name);
    const w = G.laneWidth - 24;
    return (
      `<g class="lane"><title>${escapeHtml(name)}</title>` +
      `<rect class="lane-box ${side}" x="${x - w / 2}" y="24" width="${w}" height="28" rx="6" fill="${side === 'actor' ? '#dbeafe' : '#ccfbf1'}" stroke="${side === 'actor' ? '#3b82f6' : '#14b8a6'}"/>` +
      `<text class="lane-name" x="${x}" y="42" text-anchor="middle">${escapeHtml(truncate(name, LABEL_MAX))}</text></g>`
    );
  };
  const sideCaption = (text: string, names: string[], side: 'actor' | 'peer') => {
    if (names.length === 0) return '';
    const mid = (lanes.x(side, names[0]!) + lanes.x(side, names[names.length - 1]!)) / 2;
    return `<text class="side-caption" x="${mid}" y="13" text-anchor="middle">${text}</text>`;
  };
  return (
    `<svg class="seq-head" width="${lanes.width}" height="${G.headHeight}" role="img" aria-label="lifelines">` +
    sideCaption('RUNNER', lanes.actors, 'actor') +
    sideCaption('SERVER UNDER TEST', lanes.peers, 'peer') +
    lifelines(lanes, 52, G.headHeight) +
    lanes.actors.map((a) => box('actor', a)).join('') +
    lanes.peers.map((p) => box('peer', p)).join('') +
    `</svg>`
  );
}

function label(r: WireRecord): string {
  if (r.dir === 'note') return r.text ?? '';
  return r.message ? r.message.Event : `undecodable${r.text ? ': ' + r.text : ''}`;
}

function arrow(r: WireRecord, lanes: Lanes): string {
  const a = lanes.x('actor', r.actor);
  const p = lanes.x('peer', r.peer);
  const [from, to] = r.dir === 'send' ? [a, p] : [p, a];
  const dirSign = to > from ? 1 : -1;
  const y = G.rowHeight - 9;
  const tip = to - dirSign * 1;
  const head = `${tip},${y} ${tip - dirSign * ARROW_HEAD},${y - 4.5} ${tip - dirSign * ARROW_HEAD},${y + 4.5}`;
  const text = label(r);
  const room = Math.floor(Math.abs(to - from) / CHAR_WIDTH) - 2;
  const cls = `arrow ${r.dir}${r.message ? '' : ' undecodable'}`;
  const color = r.violation ? VIOLATION_COLOR : r.dir === 'send' ? '#1d4ed8' : '#0f766e';
  return (
    `<g class="${cls}"><title>${escapeHtml(text)}</title>` +
    `<line class="shaft" x1="${from}" y1="${y}" x2="${tip - dirSign * ARROW_HEAD}" y2="${y}" stroke="${color}" stroke-width="1.8"/>` +
    `<polygon class="head" points="${head}" fill="${color}"/>` +
    `<text class="label" x="${(from + to) / 2}" y="${y - 7}" text-anchor="middle" fill="${color}">${escapeHtml(truncate(text, room))}</text></g>`
  );
}

function note(r: WireRecord, lanes: Lanes): string {
  const a = lanes.x('actor', r.actor);
  const p = lanes.x('peer', r.peer);
  const left = Math.min(a, p) - G.laneWidth / 2 + 8;
  const width = Math.abs(p - a) + G.laneWidth - 16;
  const text = label(r);
  return (
    `<g class="note"><title>${escapeHtml(text)}</title>` +
    `<rect x="${left}" y="5" width="${width}" height="${G.rowHeight - 10}" rx="4" fill="#fef9c3" stroke="${r.violation ? VIOLATION_COLOR : '#ca8a04'}"/>` +
    `<text x="${left + width / 2}" y="${G.rowHeight / 2 + 4}" text-anchor="middle">${escapeHtml(truncate(text, Math.floor(width / CHAR_WIDTH) - 2))}</text></g>`
  );
}

/**
 * A step that timed out: a dashed bar on the waiting actor's lifeline and a
 * dashed arrow from the peer that never sent, ending in a cross, labelled
 * with how long and from when to when. Colours are SVG presentation
 * attributes, so the row reads the same whatever the stylesheet says.
 */
function wait(r: WireRecord, lanes: Lanes): string {
  const a = lanes.x('actor', r.actor);
  const p = lanes.x('peer', r.peer);
  const waited = r.waitedMs ?? 0;
  const from = Math.round(Math.max(0, r.t - waited) * 1000) / 1000;
  const y = G.rowHeight - 9;
  // The row's time column shows when the wait ended; the label says how long and from when.
  const text = `waited ${Math.round(waited)} ms from +${from.toFixed(1)}`;
  const room = Math.floor(Math.abs(p - a) / CHAR_WIDTH) - 2;
  const dir = p > a ? 1 : -1;
  return (
    `<g class="wait" data-waited-ms="${waited}" data-from-ms="${from}"><title>${escapeHtml(`${r.text ?? ''} (from +${from.toFixed(1)} ms to +${r.t.toFixed(1)} ms)`)}</title>` +
    `<rect class="wait-bar" x="${a - 5}" y="2" width="10" height="${G.rowHeight - 4}" rx="3" fill="#f3e8ff" stroke="#9333ea" stroke-dasharray="3 2"/>` +
    `<line class="wait-line" x1="${p - dir * 6}" y1="${y}" x2="${a + dir * 6}" y2="${y}" stroke="#9333ea" stroke-width="1.5" stroke-dasharray="5 4"/>` +
    `<text class="wait-cross" x="${p}" y="${y + 4}" text-anchor="middle" fill="#9333ea">✕</text>` +
    `<text class="label wait-label" x="${(a + p) / 2}" y="${y - 7}" text-anchor="middle" fill="#7e22ce">${escapeHtml(truncate(text, room))}</text></g>`
  );
}

function body(r: WireRecord, lanes: Lanes): string {
  if (r.dir !== 'note') return arrow(r, lanes);
  return r.waitedMs === undefined ? note(r, lanes) : wait(r, lanes);
}

function row(r: WireRecord, lanes: Lanes, id: string): string {
  const h = G.rowHeight;
  const badge = r.violation
    ? `<g class="violation-badge"><rect x="${lanes.width - G.badgeWidth + 6}" y="8" width="${G.badgeWidth - 12}" height="${h - 16}" rx="9" fill="${VIOLATION_COLOR}"/>` +
      `<text x="${lanes.width - G.badgeWidth / 2}" y="${h / 2 + 4}" text-anchor="middle" fill="#fff">${r.waitedMs === undefined ? 'VIOLATION' : 'TIMEOUT'}</text></g>`
    : '';
  const svg =
    `<svg class="seq-row" width="${lanes.width}" height="${h}">` +
    `<rect class="row-bg" x="0" y="0" width="${lanes.width}" height="${h}" fill="${r.violation ? '#fee2e2' : 'transparent'}"/>` +
    lifelines(lanes, 0, h) +
    `<text class="time" x="${G.timeWidth - 6}" y="${h - 6}" text-anchor="end" fill="#64748b">${escapeHtml(formatOffset(r.t).trim())}</text>` +
    body(r, lanes) +
    badge +
    `</svg>`;
  const cls = `msg dir-${r.dir}${r.waitedMs === undefined ? '' : ' wait'}${r.violation ? ' violation' : ''}`;
  return `<details class="${cls}" id="${id}"${r.violation ? ' open' : ''}><summary>${svg}</summary>${messageDetail(r)}</details>`;
}

/** The diagram for one scenario; `idPrefix` makes message element ids unique in the page. */
export function sequenceDiagram(exchange: WireRecord[], idPrefix: string): string {
  if (exchange.length === 0) return '<p class="empty">No messages were exchanged.</p>';
  const lanes = layoutLanes(exchange);
  const rows = exchange.map((r, i) => row(r, lanes, `${idPrefix}-m${i}`));
  const tail = `<svg class="seq-tail" width="${lanes.width}" height="12">${lifelines(lanes, 0, 12)}</svg>`;
  // On a narrow screen the server's lifelines lie beyond the right edge: the cue says the diagram scrolls.
  const cue = `<p class="scroll-cue" aria-hidden="true">The diagram is wider than the screen (${lanes.width} px): scroll it sideways to see the server side →</p>`;
  return `${cue}<div class="seq" role="group" aria-label="message sequence" tabindex="0">${laneHead(lanes)}${rows.join('')}${tail}</div>`;
}

/** The record the verdict blames, if any: its element id and what the link to it says. */
export function blamedRecord(exchange: WireRecord[], idPrefix: string): { id: string; label: string } | undefined {
  const i = exchange.findIndex((r) => r.violation);
  if (i < 0) return undefined;
  const r = exchange[i]!;
  // A timeout blames the wait, not a message: no message broke a rule.
  const label = r.dir !== 'note' ? 'Show the violating message ↓' : r.waitedMs !== undefined ? 'Show the wait that timed out ↓' : 'Show the step that failed ↓';
  return { id: `${idPrefix}-m${i}`, label };
}
