/**
 * tlib-kit/validate in a browser page whose policy forbids evaluating
 * strings (`script-src 'self'`, no 'unsafe-eval'): the package, resolved
 * through its export map as a bundler sees it, bundled by esbuild, runs and
 * reports violations, and Chromium records no CSP violation. A probe on the
 * same page shows the policy really is enforced (new Function is refused).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build, type Metafile } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../../scripts/chromium-path.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CSP = "script-src 'self'";

// Runs in the page: validate two messages, record CSP violation events, try new Function.
const APP = `
import { validate } from 'tlib-kit/validate';
import { decode, encode, toJSON } from 'tlib-kit';
const violations = [];
// The codec's portable paths (no Buffer here): strings of a frame sliced from one latin1 string.
const sent = { Event: 'EventUserEvent', ThisDN: 'dn-7001', ConnID: '006e02a1c3d4e5f6', UserData: [['Customer', 'Zoë Ångström'], ['a long ascii key of the list', 'and a long ascii value of the pair'], ['n', -7]], time: { seconds: 1, microseconds: 2 } };
const codec = toJSON(decode(encode(sent)));
document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI));
const bad = validate({ Event: 'EventACK', ReferenceID: 'seven' }).map((v) => v.rule);
const good = validate({ Event: 'EventACK', ReferenceID: 7, time: { seconds: 1, microseconds: 2 } }).length;
let evalAllowed;
try { evalAllowed = new Function('return true')(); } catch { evalAllowed = false; }
setTimeout(() => {
  const out = document.createElement('pre');
  out.id = 'result';
  out.textContent = JSON.stringify({ bad, good, evalAllowed, violations, codec, sent });
  document.body.append(out);
}, 50);
`;

const PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>validate under CSP</title><script type="module" src="/app.js"></script></head><body></body></html>';

let server: Server;
let browser: Browser;
let origin: string;
let bundle: string;
let metafile: Metafile;
let library: Uint8Array;

beforeAll(async () => {
  const executablePath = chromiumPath();
  if (executablePath === undefined) throw new Error('Chromium not found: `npm test` installs it (scripts/ensure-chromium.mjs), or set CHROMIUM_PATH');
  const options = {
    stdin: { contents: APP, resolveDir: ROOT, sourcefile: 'app.js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  } as const;
  const built = await build(options);
  bundle = built.outputFiles[0]!.text;
  metafile = built.metafile;
  // The library alone, minified, as an application's bundler would ship it.
  library = (await build({ ...options, stdin: { ...options.stdin, contents: "export * from 'tlib-kit/validate';" }, minify: true })).outputFiles[0]!.contents;
  server = createServer((req, res) => {
    if (req.url === '/app.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    else if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': CSP }).end(PAGE);
    else if (req.url === '/favicon.ico') res.writeHead(204).end();
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath, args: ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe("tlib-kit and tlib-kit/validate under script-src 'self'", () => {
  it('bundles the codec and the validator from the built package with neither ajv nor node: modules', () => {
    const inputs = Object.keys(metafile.inputs);
    expect(inputs).toContain('dist/src/validate/index.js');
    expect(inputs).toContain('dist/src/codec/encode-fast.js');
    expect(inputs).toContain('dist/src/validate/generated/validators.js');
    expect(inputs.filter((i) => i.includes('node_modules') || i.startsWith('node:'))).toEqual([]);
    expect(new TextDecoder().decode(library)).not.toMatch(/\bnew Function\b|\beval\(/);
  });

  it('is small: under 180 KB minified (it was 209 KB with ajv compiling at run time)', () => {
    expect(library.length).toBeGreaterThan(50_000);
    expect(library.length).toBeLessThan(180_000);
  });

  it('validates in Chromium with no CSP violation, while the policy refuses new Function', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    const response = await page.goto(`${origin}/`);
    expect(response?.headers()['content-security-policy']).toBe(CSP);
    const text = await page.locator('#result').textContent({ timeout: 10_000 });
    const result = JSON.parse(text ?? '{}') as { bad: string[]; good: number; evalAllowed: boolean; violations: string[]; codec: unknown; sent: unknown };
    expect(result.codec).toEqual(result.sent);
    expect(result.bad).toEqual(['EventACK/time/mandatory', 'EventACK/ReferenceID/type']);
    expect(result.good).toBe(0);
    // The probe's own new Function is the one thing the policy refuses.
    expect(result.evalAllowed).toBe(false);
    expect(result.violations).toEqual(['script-src eval']);
    // Chromium may log the probe's refusal; nothing else may be logged.
    expect(problems.filter((p) => !/unsafe-eval/.test(p))).toEqual([]);
    await page.close();
  }, 30_000);
});
