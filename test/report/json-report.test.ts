import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeJsonReport } from '../../conformance/report/index.js';
import { runState } from '../../conformance/report/run-state.js';
import { loadFixture } from './fixtures.js';

describe('writeJsonReport', () => {
  it('writes the run model unchanged with its state, creating missing folders', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tlib-report-'));
    const path = join(dir, 'nested', 'run.json');
    const report = loadFixture('hostile-run');
    await writeJsonReport(report, path);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ ...report, state: runState(report) });
  });
});
