/** Issue 8 item 4: wire data in reports is text, never markup, script or terminal control. */
import { describe, expect, it } from 'vitest';
import { formatTraceRecord, renderCaseLine, renderHtmlReport, renderJunit, renderSummary } from '../../conformance/report/index.js';
import { loadFixture, TERMINAL_UNSAFE } from './fixtures.js';
import { findAll, parseXml, textOf } from './xml-parse.js';

const hostile = loadFixture('hostile-run');
const [failing] = hostile.results;

describe('hostile wire data in the HTML report', () => {
  const html = renderHtmlReport(hostile);

  it('injects no element: every < from the data arrives as &lt;', () => {
    expect(html).not.toMatch(/<img|<svg onload|<textarea|<\/textarea|<b>client-a/i);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
  });

  it('breaks out of no attribute: element ids come from positions, not from wire ids', () => {
    const ids = [...html.matchAll(/ id="([^"]*)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(2);
    for (const id of ids) expect(id).toMatch(/^(case-\d+(-m\d+)?|expand-all|collapse-all)$/);
  });

  it('contains no raw control character, and shows ESC as a visible symbol', () => {
    expect(html).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(html).toContain('␛[31mRED');
  });
});

describe('hostile wire data in the JUnit report', () => {
  const doc = parseXml(renderJunit(hostile));

  it('stays well-formed and keeps the hostile text as text', () => {
    const [failure] = findAll(doc, 'failure');
    expect(failure!.attrs.message).toContain('<script>alert(1)</script>');
    expect(failure!.attrs.message).toContain(']]>');
    expect(textOf(failure!)).toContain('Actual: Actual ]]><![CDATA[ "><img src=x onerror=alert(2)>');
    expect(findAll(doc, 'testcase')[0]!.attrs.name).toBe(failing!.id);
  });

  it('drops terminal sequences whole from free text and removes characters XML cannot hold', () => {
    const [failure] = findAll(doc, 'failure');
    const freeText = failure!.attrs.message! + textOf(failure!).split('Exchange:')[0];
    expect(freeText).not.toContain('pwned-title');
    expect(freeText).toContain('lonesurrogate');
    expect(freeText).not.toMatch(/\[31m|\[0m/);
  });
});

describe('hostile wire data in the terminal reports', () => {
  const outputs = (color: boolean) => [
    ...hostile.results.map((r) => renderCaseLine(r, { color })),
    renderSummary(hostile, { color }),
    ...failing!.exchange.map((w) => formatTraceRecord(w, { color })),
  ];

  it('prints no escape or control byte without colour', () => {
    for (const out of outputs(false)) {
      expect(out).not.toMatch(TERMINAL_UNSAFE);
      expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    }
  });

  it('prints only its own SGR colour codes with colour', () => {
    for (const out of outputs(true)) expect(out.replace(/\u001b\[\d+m/g, '')).not.toMatch(TERMINAL_UNSAFE);
  });

  it('drops OSC payloads whole from free text and keeps the readable text', () => {
    const freeText = [...hostile.results.map((r) => renderCaseLine(r)), renderSummary(hostile)].join('\n');
    expect(freeText).not.toContain('pwned-title');
    expect(freeText).not.toContain('evil.example');
    expect(freeText).toContain('<script>alert(1)</script>');
    expect(freeText).toContain('RED');
  });

  // A trace must show what the server sent; in JSON-quoted attribute values an ESC is the inert text \u001b.
  it('shows escape sequences inside traced attribute values as inert JSON escapes', () => {
    const trace = formatTraceRecord(failing!.exchange[1]!);
    expect(trace).toContain('ThisDN="</textarea><svg onload=alert(3)>\\u001b[31mRED\\u001b[0m"');
    expect(trace).not.toContain('\u001b');
  });
});
