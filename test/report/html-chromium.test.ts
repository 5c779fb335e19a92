/**
 * The HTML report in a real browser: diagrams render,
 * the violation is visible, messages expand, and hostile data runs no script.
 * `npm test` installs Debian's chromium first (scripts/ensure-chromium.mjs); a
 * missing browser fails this test rather than skipping it, so CI cannot pass without it.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../../scripts/chromium-path.mjs';
import { writeHtmlReport } from '../../conformance/report/index.js';
import { caseById, loadFixture, type FixtureName } from './fixtures.js';

// The page functions below run in Chromium; this program's lib has no DOM, so the little they touch is declared here.
interface PageElement {
  id: string;
  open: boolean;
  offsetParent: unknown;
  attributes: Iterable<{ name: string }>;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { top: number; bottom: number; height: number };
}
declare const window: { innerHeight: number; scrollTo(x: number, y: number): void };
declare const document: { body: { scrollHeight: number }; scripts: { length: number }; querySelectorAll(selector: string): Iterable<PageElement> };
declare function getComputedStyle(el: unknown): { stroke: string; fill: string };

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIOLATION_RGB = 'rgb(220, 38, 38)';
const VIOLATION_BG_RGB = 'rgb(254, 226, 226)';

const sample = loadFixture('sample-run');
let browser: Browser;
const urls: Partial<Record<FixtureName, string>> = {};

/** Element ids are positional: case-N is the N-th result of the run. */
const caseIndex = (id: string) => sample.results.findIndex((r) => r.id === id);

interface Watched {
  page: Page;
  dialogs: string[];
  problems: string[];
}

async function open(name: FixtureName): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  const dialogs: string[] = [];
  const problems: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) problems.push(`network request ${r.url()}`);
  });
  await page.goto(urls[name]!);
  return { page, dialogs, problems };
}

beforeAll(async () => {
  const executablePath = chromiumPath();
  if (executablePath === undefined) throw new Error('Chromium not found: `npm test` installs it (scripts/ensure-chromium.mjs), or set CHROMIUM_PATH');
  const dir = await mkdtemp(join(tmpdir(), 'tlib-html-'));
  for (const name of ['sample-run', 'hostile-run'] as const) {
    const path = join(dir, `${name}.html`);
    await writeHtmlReport(loadFixture(name), path);
    urls[name] = pathToFileURL(path).href;
  }
  browser = await chromium.launch({ executablePath, args: ARGS });
});

afterAll(async () => {
  await browser?.close();
});

describe('HTML report in headless Chromium', () => {
  it('renders the sequence diagram of a failing pair scenario: lifelines, lanes and arrows with size', async () => {
    const { page, problems } = await open('sample-run');
    const c = caseIndex('restore-connection/never-delivered');
    const section = page.locator(`#case-${c}`);
    expect(await section.evaluate((d) => (d as PageElement).open)).toBe(true);
    expect(await section.locator('.lane-name').allTextContents()).toEqual(['app', 'primary', 'backup']);
    const lifeline = await section.locator('.seq-row .lifeline').first().boundingBox();
    expect(lifeline!.height).toBeGreaterThan(20);
    const shafts = section.locator('.seq-row .arrow .shaft');
    expect(await shafts.count()).toBe(4);
    for (const box of await Promise.all((await shafts.all()).map((s) => s.boundingBox()))) expect(box!.width).toBeGreaterThan(50);
    expect(await section.locator('.seq-row .note rect').first().boundingBox()).toMatchObject({ height: expect.any(Number) });
    expect(await section.locator('.seq-row .arrow .label').allTextContents()).toEqual([
      'RequestRegisterClient',
      'EventServerConnected',
      'EventPrimaryChanged',
      'EventRestoreConnection',
    ]);
    await page.screenshot({ path: join(tmpdir(), 'tlib-report-sample.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('opens failed scenarios by default and keeps passing ones closed', async () => {
    const { page } = await open('sample-run');
    const openIds = await page.$$eval('details.case', (ds) => ds.filter((d) => (d as PageElement).open).map((d) => d.id));
    const expected = sample.results.flatMap((r, i) => (['fail', 'timeout', 'error'].includes(r.verdict) ? [`case-${i}`] : []));
    expect(openIds.sort()).toEqual(expected.sort());
  });

  it('brings the violating message into view, highlighted in the violation colour and labelled', async () => {
    const { page } = await open('sample-run');
    const c = caseIndex('ack/transaction-monitoring/subscription-id-start');
    const blamed = page.locator(`#case-${c}-m3`);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect(await blamed.evaluate((el) => el.getBoundingClientRect().bottom > 0 && el.getBoundingClientRect().top < window.innerHeight)).toBe(false);
    await page.locator(`#case-${c} a.jump`).click();
    await page.waitForTimeout(100);
    const inView = await blamed.locator('summary').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
    });
    expect(inView).toBe(true);
    expect(await blamed.locator('.arrow .shaft').evaluate((el) => getComputedStyle(el).stroke)).toBe(VIOLATION_RGB);
    expect(await blamed.locator('.violation-badge rect').evaluate((el) => getComputedStyle(el).fill)).toBe(VIOLATION_RGB);
    await page.waitForTimeout(2600); // let the attention flash end before reading the resting colour
    expect(await blamed.locator('.row-bg').evaluate((el) => getComputedStyle(el).fill)).toBe(VIOLATION_BG_RGB);
    expect(await blamed.locator('.violation-badge text').textContent()).toBe('VIOLATION');
    expect(await blamed.locator('.violation-badge').isVisible()).toBe(true);
  });

  it('expands a message to its decoded attributes and its hex, grouped in bytes', async () => {
    const { page } = await open('sample-run');
    const c = caseIndex('ack/user-event/reference-id');
    const msg = page.locator(`#case-${c}-m1`);
    await page.locator(`#case-${c} > summary`).click();
    expect(await msg.locator('.hexdump').isVisible()).toBe(false);
    await msg.locator('summary').click();
    const hex = caseById(sample, 'ack/user-event/reference-id').exchange[1]!.hex!;
    const dump = await msg.locator('.hexdump').innerText();
    expect(await msg.locator('.hexdump').isVisible()).toBe(true);
    expect(dump.split('\n')[0]).toMatch(/^0000 {2}00 00 00 28 00 00 00 08 {2}a0 00 00 00 30 00 20 00 +\|/);
    expect(dump.replace(/^\w{4} {2}|\|.*\|$/gm, '').replace(/\s/g, '')).toBe(hex);
    const attrs = JSON.parse(await msg.locator('.attrs').innerText());
    expect(attrs).toEqual(caseById(sample, 'ack/user-event/reference-id').exchange[1]!.message);
  });

  it('filters scenarios by verdict', async () => {
    const { page } = await open('sample-run');
    await page.locator('button[data-filter="fail"]').click();
    const visible = await page.$$eval('details.case', (ds) => ds.filter((d) => (d as PageElement).offsetParent !== null).map((d) => d.getAttribute('data-verdict')));
    expect(visible).toEqual(['fail', 'fail']);
    await page.locator('button[data-filter="all"]').click();
    expect(await page.locator('details.case:visible').count()).toBe(sample.results.length);
  });

  it('shows hostile wire data as literal text and runs none of it', async () => {
    const { page, dialogs, problems } = await open('hostile-run');
    await page.locator('#expand-all').click();
    await page.$$eval('details.msg', (ds) => ds.forEach((d) => ((d as PageElement).open = true)));
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => document.scripts.length)).toBe(1);
    expect(await page.locator('img, iframe, object, embed, textarea, svg[onload]').count()).toBe(0);
    const handlers = await page.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
    );
    expect(handlers).toEqual([]);
    const hostile = loadFixture('hostile-run');
    expect(await page.locator('#case-0 .case-id').textContent()).toBe(hostile.results[0]!.id);
    expect(await page.locator('#case-0 .reason').textContent()).toContain('<script>alert(1)</script>"><img src=x onerror=alert(2)> ]]> ␛[31mRED');
    expect(await page.locator('#case-0 .seq-head .lane > title').allTextContents()).toContain('client-a<script>alert(1)</script>');
    expect(await page.locator('#case-0-m1 .attrs').innerText()).toContain('"ThisDN": "</textarea><svg onload=alert(3)>\\u001b[31mRED\\u001b[0m"');
    await page.screenshot({ path: join(tmpdir(), 'tlib-report-hostile.png'), fullPage: true });
  });
});
