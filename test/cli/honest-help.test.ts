/** Help and output that say only what is true: encode's input forms, load's latency with nothing measured, neutralised server strings. */
import { describe, expect, it } from 'vitest';
import { latencyText } from '../../cli/commands/load.js';
import { runCli } from './run-cli.js';

describe('encode --help', () => {
  it('offers only the input forms encode reads', () => {
    const help = runCli(['encode', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/--format <form>[\s\S]*choices: "auto", "json"/);
    expect(help.out).not.toMatch(/hex \(digits/);
    const refused = runCli(['encode', '--format', 'hex'], { input: '{}' });
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("Allowed choices are auto, json");
  });
});

describe('load output', () => {
  it('says that no latency was measured instead of NaN', () => {
    expect(latencyText({ p50: Number.NaN, p99: Number.NaN, max: Number.NaN })).toBe('none measured (no event arrived)');
    expect(latencyText({ p50: 1.5, p99: 3, max: 4 })).toBe('p50 1.5 ms, p99 3 ms, max 4 ms (send to receiver dispatch)');
  });
});

describe('load progress', () => {
  const SMALL = ['load', '--clients', '4', '--events', '40', '--senders', '2', '--workers', '1'];

  it('is silent when nobody watches (standard error not a terminal), and on standard error when asked', () => {
    const quiet = runCli(SMALL);
    expect(quiet.code).toBe(0);
    expect(quiet.out + quiet.err).not.toMatch(/\[(connect|send|drain)\]/);
    expect(quiet.out).toMatch(/^latency: /m);
    const asked = runCli([...SMALL, '--report-every', '0.001']);
    expect(asked.code).toBe(0);
    expect(asked.err).toMatch(/\[\w+\] connected \d+/);
    expect(asked.out).not.toMatch(/\[\w+\] connected \d+/);
  }, 120_000);
});
