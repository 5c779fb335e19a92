import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../conformance/report/index.js';
import { SCRIPT } from '../../conformance/report/html/script.js';
import { STYLE } from '../../conformance/report/html/style.js';
import { loadFixture } from './fixtures.js';

const sample = loadFixture('sample-run');
const html = renderHtmlReport(sample);

const csp = () => /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';

describe('HTML report (markup)', () => {
  it('has no inline style or script, so a policy that forbids them (Jenkins) changes nothing', () => {
    expect(html).not.toMatch(/<style|\sstyle=|<script>|\son[a-z]+=/i);
    expect(csp()).toBe("default-src 'none'; style-src 'self'; script-src 'self'; base-uri 'none'; form-action 'none'");
  });

  it('links only its own stylesheet and script, beside it', () => {
    const refs = [...html.matchAll(/\b(?:src|href)="([^"#][^"]*)"/g)].map((m) => m[1]);
    expect(refs).toEqual(['report.css', 'report.js']);
    expect(html).not.toMatch(/@import|url\(/);
    expect(STYLE).not.toMatch(/@import|url\(/);
  });

  it('has one script, which builds no markup', () => {
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
  });

  it('has a section per scenario, open exactly when it did not conform', () => {
    const sections = [...html.matchAll(/<details class="case v-([\w-]+)" data-verdict="[\w-]+" id="case-\d+"( open)?>/g)];
    expect(sections).toHaveLength(sample.results.length);
    for (const [, verdict, open] of sections) expect(Boolean(open)).toBe(['fail', 'timeout', 'error'].includes(verdict!));
  });

  it('puts the counts, target and seed in the header', () => {
    expect(html).toContain('<span class="n">10</span> all');
    expect(html).toContain('<span class="n">2</span> failed');
    expect(html).toContain('<dt>Seed</dt><dd>1729</dd>');
    expect(html).toContain('embedded simulator (hot-standby pair)');
  });

  it('draws one diagram row per wire record and marks and opens the violating one', () => {
    const rows = html.match(/<details class="msg /g) ?? [];
    expect(rows).toHaveLength(sample.results.reduce((n, r) => n + r.exchange.length, 0));
    const violations = html.match(/<details class="msg dir-\w+ violation" id="case-\d+-m\d+" open>/g) ?? [];
    expect(violations).toHaveLength(sample.results.reduce((n, r) => n + r.exchange.filter((w) => w.violation).length, 0));
  });

  it('shows the quoted reference sentence, Expected and Actual', () => {
    expect(html).toContain('<q>This attribute, applicable only to EventACK in response to TTransactionMonitoring()');
    expect(html).toContain('<pre>EventACK with ReferenceID 7 and a SubscriptionID</pre>');
    expect(html).toContain('<pre>EventACK with ReferenceID 7 and no SubscriptionID</pre>');
  });
});

describe('the link to what the verdict blames', () => {
  const timeout = sample.results.find((r) => r.verdict === 'timeout')!;
  const section = (r: typeof timeout) => renderHtmlReport({ ...sample, results: [r] });

  it('names a message only when a message broke the rule', () => {
    const failed = sample.results.find((r) => r.verdict === 'fail')!;
    expect(section(failed)).toContain('Show the violating message ↓</a>');
    expect(section(timeout)).not.toContain('Show the violating message');
    expect(section(timeout)).toContain('Show the step that failed ↓</a>');
  });

  it('names the wait on a timeout that blames one, and offers nothing when nothing is blamed', () => {
    const wait = { ...timeout, exchange: timeout.exchange.map((w) => (w.violation ? { ...w, waitedMs: 2000 } : w)) };
    expect(section(wait)).toContain('Show the wait that timed out ↓</a>');
    const none = { ...timeout, exchange: timeout.exchange.map((w) => ({ ...w, violation: false })) };
    expect(section(none)).not.toContain('class="jump"');
  });
});
