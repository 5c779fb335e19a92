/** A step that timed out shows in the HTML diagram: on whose lifeline, from when, and how long the runner waited. */
import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../conformance/report/index.js';
import { layoutLanes } from '../../conformance/report/html/lanes.js';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { runEmbedded, STEP_MS } from '../conformance/helpers.js';

describe('a timeout in the sequence diagram', () => {
  it('is a row on the waiting lane with the time waited and its start, blamed as TIMEOUT', async () => {
    const report = await runEmbedded(['ack-missing-set-input-mask'], { scenarios: SCENARIOS.filter((s) => s.id === 'ack/set-input-mask/reference-id') });
    const result = report.results[0]!;
    expect(result.verdict).toBe('timeout');
    const waits = result.exchange.filter((r) => r.waitedMs !== undefined);
    expect(waits).toHaveLength(1);
    const w = waits[0]!;
    expect(w.violation).toBe(true);
    expect(w.actor).toBe('client-a');
    expect(w.waitedMs!).toBeGreaterThanOrEqual(STEP_MS - 1);
    // The wait starts once the request it waits on is sent (later sends, such as barriers after the timeout, do not count).
    const sent = result.exchange.find((r) => r.dir === 'send' && r.message?.Event === 'RequestSetInputMask')!;
    expect(sent).toBeDefined();
    expect(w.t - w.waitedMs!).toBeGreaterThanOrEqual(sent.t - 1);

    const html = renderHtmlReport(report);
    const group = /<g class="wait" data-waited-ms="([\d.]+)" data-from-ms="([\d.]+)">[\s\S]*?<\/g>/.exec(html);
    expect(group).not.toBeNull();
    expect(Number(group![1])).toBe(w.waitedMs);
    expect(Number(group![2])).toBeCloseTo(w.t - w.waitedMs!, 3);
    // The label rounds the start the group carries (t - waited can land on the other side of a .x5 in floating point).
    expect(group![0]).toContain(`>waited ${Math.round(w.waitedMs!)} ms from +${Number(group![2]).toFixed(1)}</text>`);
    expect(group![0]).toContain(`to +${w.t.toFixed(1)} ms)</title>`);
    // The bar stands on the lifeline of the actor that waited.
    const lanes = layoutLanes(result.exchange);
    const bar = /<rect class="wait-bar" x="([\d.]+)"/.exec(group![0])!;
    expect(Number(bar[1]) + 5).toBe(lanes.x('actor', w.actor));
    expect(html).toMatch(/<details class="msg dir-note wait violation"[^>]* open>/);
    expect(html).toContain('>TIMEOUT</text>');
  });

  it('a note that is no wait keeps the plain note look', async () => {
    const report = await runEmbedded([], { scenarios: SCENARIOS.filter((s) => s.id === 'ack/set-input-mask/reference-id') });
    expect(report.results[0]!.verdict).toBe('pass');
    expect(renderHtmlReport(report)).not.toContain('class="wait"');
  });
});
