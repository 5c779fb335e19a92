/**
 * A target that streams valid events without pause: the
 * runner keeps a bounded part of each scenario's exchange, says so in the
 * report, and closes a session past MAX_INBOX messages instead of holding
 * them all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunawayTarget, type RunawayTarget } from '../../bench/runaway-target.js';
import { EXCHANGE_CAPS } from '../../conformance/message-path/exchange.js';
import { MAX_INBOX } from '../../conformance/message-path/inbox.js';
import { renderHtmlReport } from '../../conformance/report/html/page.js';
import { renderJunit } from '../../conformance/report/junit.js';
import { SCENARIOS } from '../../conformance/scenarios/index.js';
import { tcpTarget } from '../../conformance/targets/tcp.js';
import { run } from './helpers.js';

let target: RunawayTarget;
beforeAll(async () => void (target = await startRunawayTarget()));
afterAll(() => target.close());

describe('a target that never stops sending', () => {
  it('gets a bounded exchange with the truncation noted, and an error verdict naming the flood', async () => {
    const report = await run(tcpTarget({ primary: { host: '127.0.0.1', port: target.port }, connectTimeoutMs: 1000 }), {
      scenarios: SCENARIOS.filter((s) => s.id === 'ack/send-event/reference-id'),
      timeoutMs: 5000,
    });
    const result = report.results[0]!;
    expect(result.verdict).toBe('error');
    // Closed at the cap (its reason), not at the scenario deadline: no wall-clock bound needed to tell them apart.
    expect(result.reason).toContain(`more than ${MAX_INBOX} messages`);
    expect(result.exchange.length).toBeLessThanOrEqual(EXCHANGE_CAPS.head + EXCHANGE_CAPS.tail + 1);
    expect(result.truncated?.records).toBeGreaterThan(0);
    expect(result.exchange.some((r) => r.dir === 'note' && /left out here/.test(r.text ?? ''))).toBe(true);
    expect(JSON.stringify(report).length).toBeLessThan(2 << 20);
    expect(renderJunit(report).length).toBeLessThan(2 << 20);
    expect(renderHtmlReport(report).length).toBeLessThan(4 << 20);
  }, 60_000);
});
