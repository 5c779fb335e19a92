/**
 * The HTML report from a phone to a wide screen, in Chromium: at each width
 * nothing sticks out of the viewport sideways (wide content such as the
 * sequence diagram scrolls inside its own box), the title reads as words,
 * and every scenario's id and title read as words, not one character per
 * line, and the controls stay on screen. Screenshots
 * go to $TMPDIR/tlib-report-<fixture>-<width>.png for a person to look at.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../../scripts/chromium-path.mjs';
import { writeHtmlReport } from '../../conformance/report/index.js';
import { loadFixture, type FixtureName } from './fixtures.js';

// What the page functions below touch; this program's lib has no DOM.
interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}
interface PageElement {
  tagName: string;
  className: unknown;
  id: string;
  open: boolean;
  textContent: string | null;
  parentElement: PageElement | null;
  getBoundingClientRect(): Box;
  getClientRects(): { length: number };
}
declare const window: { innerWidth: number };
declare const document: { documentElement: { scrollWidth: number; clientWidth: number }; querySelectorAll(selector: string): Iterable<PageElement> };
declare function getComputedStyle(el: PageElement): { overflowX: string; lineHeight: string; fontSize: string; display: string; visibility: string };

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WIDTHS = [360, 420, 768, 1300] as const;
const FIXTURES: FixtureName[] = ['sample-run', 'hostile-run'];

let browser: Browser;
const urls: Partial<Record<FixtureName, string>> = {};

beforeAll(async () => {
  const executablePath = chromiumPath();
  if (executablePath === undefined) throw new Error('Chromium not found: `npm test` installs it (scripts/ensure-chromium.mjs), or set CHROMIUM_PATH');
  const dir = await mkdtemp(join(tmpdir(), 'tlib-html-widths-'));
  for (const name of FIXTURES) {
    const path = join(dir, `${name}.html`);
    await writeHtmlReport(loadFixture(name), path);
    urls[name] = pathToFileURL(path).href;
  }
  browser = await chromium.launch({ executablePath, args: ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

interface Layout {
  pageScrollWidth: number;
  viewport: number;
  overflowing: string[];
  title: { width: number; lines: number; chars: number };
  /** Scenario ids and titles drawn with fewer than 8 characters per line ("E / v / e / n / t"). */
  squeezed: string[];
  narrowScrollers: string[];
  headerHeight: number;
  buttonsOffscreen: string[];
}

/** Runs in the page. Elements inside a box that scrolls or clips sideways may be wider than the viewport; nothing else may. */
function measure(): Layout {
  const vw = window.innerWidth;
  const all = [...document.querySelectorAll('body *')];
  const clippers = new Set(all.filter((el) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX)));
  const clipped = (el: PageElement): boolean => {
    for (let p = el.parentElement; p; p = p.parentElement) if (clippers.has(p)) return true;
    return false;
  };
  const describe = (el: PageElement) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : ''}`;
  const overflowing: string[] = [];
  for (const el of all) {
    if (el.getClientRects().length === 0 || clipped(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5)) overflowing.push(`${describe(el)} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
  }
  const linesOf = (el: PageElement) => {
    const style = getComputedStyle(el);
    const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.45;
    return Math.max(1, Math.round(el.getBoundingClientRect().height / lineHeight));
  };
  const h1 = [...document.querySelectorAll('h1')][0]!;
  const box = h1.getBoundingClientRect();
  const squeezed = [...document.querySelectorAll('.case-title, .case-id, .reason, .reference, .where, .exchange-title')]
    .filter((el) => el.getClientRects().length > 0)
    .filter((el) => {
      const chars = (el.textContent ?? '').trim().length;
      return chars >= 8 && chars / linesOf(el) < 8;
    })
    .map((el) => `${describe(el)}: ${(el.textContent ?? '').trim().slice(0, 40)} (${linesOf(el)} lines)`);
  // A box that scrolls sideways (the diagram, a hex dump) must not itself be squeezed beside something.
  const narrowScrollers = [...clippers]
    .filter((el) => el.getClientRects().length > 0 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX) && el.parentElement)
    .filter((el) => el.getBoundingClientRect().width < 0.8 * el.parentElement!.getBoundingClientRect().width)
    .map((el) => `${describe(el)} ${Math.round(el.getBoundingClientRect().width)} of ${Math.round(el.parentElement!.getBoundingClientRect().width)} px`);
  const buttonsOffscreen = [...document.querySelectorAll('button')].filter((b) => {
    const r = b.getBoundingClientRect();
    return r.left < -0.5 || r.right > vw + 0.5;
  }).map(describe);
  return {
    pageScrollWidth: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
    overflowing,
    title: { width: box.width, lines: linesOf(h1), chars: (h1.textContent ?? '').length },
    squeezed,
    narrowScrollers,
    headerHeight: [...document.querySelectorAll('header')][0]!.getBoundingClientRect().height,
    buttonsOffscreen,
  };
}

describe('HTML report at every width from 360 px', () => {
  for (const fixture of FIXTURES) {
    it.each(WIDTHS)(`${fixture} at %i px: no horizontal overflow, a readable title`, async (width) => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(urls[fixture]!);
      // Everything open: the widest state of the page.
      await page.$$eval('details', (ds) => ds.forEach((d) => ((d as unknown as PageElement).open = true)));
      await page.waitForTimeout(50);
      const layout = await page.evaluate(measure);
      await page.screenshot({ path: join(tmpdir(), `tlib-report-${fixture}-${width}.png`), fullPage: width !== 1300 || fixture === 'sample-run' });
      await page.close();
      expect(layout.overflowing).toEqual([]);
      expect(layout.pageScrollWidth).toBeLessThanOrEqual(layout.viewport);
      expect(layout.buttonsOffscreen).toEqual([]);
      expect(layout.squeezed).toEqual([]);
      expect(layout.narrowScrollers).toEqual([]);
      // The header (sticky on wide screens) leaves most of an 800 px screen to the report.
      expect(layout.headerHeight).toBeLessThan(800 * 0.45);
      // "T-Server conformance report" on at most three lines, at least eight characters on each.
      expect(layout.title.lines).toBeLessThanOrEqual(3);
      expect(layout.title.chars / layout.title.lines).toBeGreaterThanOrEqual(8);
      expect(layout.title.width).toBeGreaterThan(Math.min(width - 80, 200));
    }, 60_000);
  }
});
