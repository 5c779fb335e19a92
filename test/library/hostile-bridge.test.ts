/**
 * Bridges that break the contract end their scenario with a clear verdict
 * and are not left running: one that never answers (and ignores the end of
 * its input) is killed with its process group; one that writes what is not
 * JSON, or answers a command nobody sent, is an error of the bridge.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runLibrary } from './run.js';

const ID = ['library/server-attribute/filled'];

function running(marker: string): boolean {
  const out = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return out.split('\n').some((l) => l.includes(marker) && !l.includes('ps -eo'));
}

describe('a hostile library bridge', () => {
  it('never answering: verdict timeout, and the bridge and its children are gone after the run', async () => {
    const marker = `tlib-kit-hang-${process.pid}`;
    // The shell runs node as its child, so killing the shell alone would leave node running.
    const report = await runLibrary(`node -e "process.on('SIGTERM',()=>{});setInterval(()=>{},1000)" ${marker}; sleep 300`, { ids: ID, startupMs: 500 });
    expect(report.results[0]).toMatchObject({ verdict: 'timeout' });
    expect(report.results[0]!.reason).toMatch(/answer to open/);
    expect(running(marker)).toBe(false);
  }, 30_000);

  it('writing what is not JSON: verdict error naming the broken contract', async () => {
    const report = await runLibrary(`echo 'hello, kit'; sleep 300`, { ids: ID, startupMs: 2000 });
    expect(report.results[0]).toMatchObject({ verdict: 'error' });
    expect(report.results[0]!.reason).toMatch(/library bridge contract: stdout line is not JSON/);
  }, 30_000);

  it('answering a command that was never sent: verdict error', async () => {
    const report = await runLibrary(`echo '{"id":99,"ok":true}'; sleep 300`, { ids: ID, startupMs: 2000 });
    expect(report.results[0]).toMatchObject({ verdict: 'error' });
    expect(report.results[0]!.reason).toMatch(/an answer to id 99/);
  }, 30_000);
});
