import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../conformance/report/index.js';
import { loadFixture } from './fixtures.js';

const sample = loadFixture('sample-run');
const html = renderHtmlReport(sample);

const inline = (tag: 'style' | 'script') => {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html);
  if (!m) throw new Error(`no inline ${tag}`);
  return m[1]!;
};
const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = () => /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';

describe('HTML report (markup)', () => {
  it('has a CSP that allows nothing but its own inline style and script, by hash', () => {
    expect(csp()).toContain("default-src 'none'");
    expect(csp()).toContain(`style-src ${hash(inline('style'))}`);
    expect(csp()).toContain(`script-src ${hash(inline('script'))}`);
    expect(csp()).not.toContain('unsafe-inline');
  });

  it('is self-contained: no external resource references', () => {
    expect(html).not.toMatch(/\b(?:src|href)="(?!#)/);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('has one script, which builds no markup', () => {
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(inline('script')).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
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
