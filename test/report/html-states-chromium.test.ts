/**
 * The HTML headline in each run state, in Chromium, served the way Jenkins
 * serves reports (Content-Security-Policy: no inline style or script, no
 * script at all), and at 360 px. Screenshots of every headline go to
 * test-results/html-states/<state>.png for a person to look at.
 */
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../../scripts/chromium-path.mjs';
import { writeHtmlReport } from '../../conformance/report/index.js';
import { runState, type RunStateKind } from '../../conformance/report/run-state.js';
import { loadFixture } from './fixtures.js';
import { STATE_RUNS, STATE_TEXT } from './state-runs.js';

declare function getComputedStyle(el: unknown): { stroke: string; fill: string; backgroundColor: string; display: string };
declare const document: { documentElement: { scrollWidth: number; clientWidth: number } };

/** What Jenkins sends with every file it serves from a job's workspace or archive. */
const JENKINS_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'self';";
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SHOTS = join(process.cwd(), 'test-results', 'html-states');
const KINDS = Object.keys(STATE_RUNS) as RunStateKind[];
const TYPES: Record<string, string> = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript' };

let browser: Browser;
let server: Server;
let base = '';

beforeAll(async () => {
  const executablePath = chromiumPath();
  if (executablePath === undefined) throw new Error('Chromium not found: `npm test` installs it (scripts/ensure-chromium.mjs), or set CHROMIUM_PATH');
  const dir = await mkdtemp(join(tmpdir(), 'tlib-html-states-'));
  for (const kind of KINDS) await writeHtmlReport(STATE_RUNS[kind], join(dir, `${kind}.html`));
  await writeHtmlReport(loadFixture('sample-run'), join(dir, 'sample.html'));
  await mkdir(SHOTS, { recursive: true });
  server = createServer((req, res) => {
    const name = (req.url ?? '/').slice(1).replace(/[^\w.-]/g, '');
    readFile(join(dir, name)).then(
      (body) => {
        res.writeHead(200, { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream', 'content-security-policy': JENKINS_CSP });
        res.end(body);
      },
      () => {
        res.writeHead(404);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await chromium.launch({ executablePath, args: ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function open(name: string, width: number): Promise<{ page: Page; refused: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const refused: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') refused.push(m.text());
  });
  await page.goto(`${base}/${name}.html`);
  return { page, refused };
}

describe('the HTML headline in every run state, under Jenkins CSP', () => {
  it.each(KINDS)('%s: reads as the terminal does, styled, screenshot saved', async (kind) => {
    const { page, refused } = await open(kind, 1300);
    const outcome = page.locator('.outcome');
    expect(await outcome.getAttribute('data-state')).toBe(kind);
    const text = `${await outcome.locator('.state-label').textContent()} (${await outcome.locator('.state-detail').textContent()})`;
    expect(text).toBe(STATE_TEXT[kind]);
    // The stylesheet applied despite the policy: a coloured pill, not default black on white.
    const background = await outcome.evaluate((el) => getComputedStyle(el).backgroundColor);
    const expected = { passed: 'rgb(20, 83, 45)', 'passed-with-known-failures': 'rgb(113, 63, 18)', 'passed-with-skips': 'rgb(113, 63, 18)' }[kind as string] ?? 'rgb(127, 29, 29)';
    expect(background).toBe(expected);
    expect(runState(STATE_RUNS[kind]).kind).toBe(kind);
    await page.locator('header.top').screenshot({ path: join(SHOTS, `${kind}.png`) });
    // Only the script is refused (Jenkins allows none); no style is.
    expect(refused.filter((r) => /style/i.test(r))).toEqual([]);
    // Without the script the filter buttons, which would do nothing, are not shown.
    expect(await page.locator('nav.filters').isVisible()).toBe(false);
    await page.close();
  });

  it('draws the diagrams in colour, not as black bars', async () => {
    const { page } = await open('sample', 1300);
    const fills = await page.locator('.seq-row .row-bg').evaluateAll((els) => els.map((el) => getComputedStyle(el).fill));
    expect(fills.length).toBeGreaterThan(3);
    expect(fills).not.toContain('rgb(0, 0, 0)');
    const lifeline = await page.locator('.seq-row .lifeline').first().evaluate((el) => getComputedStyle(el).stroke);
    expect(lifeline).toBe('rgb(148, 163, 184)');
    await page.screenshot({ path: join(SHOTS, 'sample-jenkins-csp.png') });
    await page.close();
  });

  it('at 360 px says that the diagram scrolls sideways', async () => {
    const { page } = await open('sample', 360);
    const cue = page.locator('details.case[open] .scroll-cue').first();
    expect(await cue.isVisible()).toBe(true);
    expect(await cue.textContent()).toContain('scroll it sideways to see the server side');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'sample-360.png') });
    const wide = await open('sample', 1300);
    expect(await wide.page.locator('details.case[open] .scroll-cue').first().isVisible()).toBe(false);
    await page.close();
    await wide.page.close();
  });
});
