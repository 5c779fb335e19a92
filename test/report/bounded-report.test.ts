/** Report files stay within their byte budget whatever the target sent, marked where cut, and still parse. */
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeHtmlReport, writeJsonReport, writeJunitReport } from '../../conformance/report/index.js';
import { REPORT_BOUNDS } from '../../conformance/report/bounded.js';
import type { RunReport, WireRecord } from '../../conformance/report/report-model.js';
import type { JsonMessage } from '../../src/index.js';
import { loadFixture } from './fixtures.js';
import { parseXml } from './xml-parse.js';

/** A decoded message many times its frame: one shared list referenced from thousands of keys (cheap in memory, huge as JSON). */
function inflatedMessage(): JsonMessage {
  const list = Array.from({ length: 100 }, () => '');
  const UserData = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, list]));
  return { Event: 'EventUserEvent', UserData } as unknown as JsonMessage;
}

function floodedRun(): RunReport {
  const sample = loadFixture('sample-run');
  const message = inflatedMessage();
  const exchange: WireRecord[] = Array.from({ length: 200 }, (_, i) => ({ t: i, dir: 'recv', actor: 'client-a', peer: 'primary', message, hex: '00'.repeat(15_000) }));
  exchange[150] = { ...exchange[150]!, violation: true };
  const failed = sample.results.find((r) => r.verdict === 'fail')!;
  return { ...sample, results: [{ ...failed, exchange, actual: 'z'.repeat(3_000_000) }, ...sample.results.slice(1)] };
}

describe('a target that floods one scenario (200 frames of 15 KB, decoding to 600 KB of JSON each)', () => {
  it('gives JSON, JUnit and HTML reports within the byte bounds, cuts marked, the blamed record kept', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tlib-bounded-'));
    const run = floodedRun();
    const paths = { json: join(dir, 'r.json'), xml: join(dir, 'r.xml'), html: join(dir, 'r.html') };
    await writeJsonReport(run, paths.json);
    await writeJunitReport(run, paths.xml);
    await writeHtmlReport(run, paths.html);
    // The exchange budget plus hex, text and markup around it: far below the 120 MB the unbounded report took.
    const limit = 3 * REPORT_BOUNDS.caseExchangeBytes + 4 * 1024 * 1024;
    for (const p of Object.values(paths)) expect((await stat(p)).size).toBeLessThan(limit);
    const json = JSON.parse(await readFile(paths.json, 'utf8')) as RunReport;
    expect(json.truncated!.exchangeRecords).toBeGreaterThan(0);
    const flooded = json.results[0]!;
    expect(flooded.actual!.length).toBeLessThan(REPORT_BOUNDS.textChars + 100);
    expect(flooded.actual).toMatch(/…\[cut \d+ chars\]$/);
    expect(flooded.exchange.some((r) => r.dir === 'note' && /records left out here/.test(r.text ?? ''))).toBe(true);
    expect(flooded.exchange.some((r) => r.violation)).toBe(true);
    expect(flooded.exchange.every((r) => r.message === undefined)).toBe(true);
    parseXml(await readFile(paths.xml, 'utf8'));
    expect(await readFile(paths.html, 'utf8')).toContain('left out of the report');
  }, 60_000);
});
