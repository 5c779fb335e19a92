/** The warm-standby timing of connection attempts, without sockets. */
import { describe, expect, it } from 'vitest';
import { reconnectSchedule } from '../../src/client/index.js';
import { makeEndpoint } from '../../src/client/endpoint.js';

const pool = [makeEndpoint('10.0.0.1', 1, 'a'), makeEndpoint('10.0.0.2', 2, 'b')];
const policy = { enabled: true, randomDelayMs: 100, switchoverDelayMs: 40, retryDelaysMs: [10, 20, 30], maxPasses: 5 };

describe('reconnectSchedule', () => {
  it('waits a random delay, then the switchover delay, then escalating retry delays whose last value repeats', () => {
    const attempts = [...reconnectSchedule(pool, policy, { startIndex: 1, initial: false, random: () => 0.5 })];
    expect(attempts.map((a) => [a.endpoint.name, a.delayMs, a.pass])).toEqual([
      ['10.0.0.2:2', 50, 0],
      ['10.0.0.1:1', 40, 0],
      ['10.0.0.2:2', 10, 1],
      ['10.0.0.1:1', 40, 1],
      ['10.0.0.2:2', 20, 2],
      ['10.0.0.1:1', 40, 2],
      ['10.0.0.2:2', 30, 3],
      ['10.0.0.1:1', 40, 3],
      ['10.0.0.2:2', 30, 4],
      ['10.0.0.1:1', 40, 4],
    ]);
  });

  it('does not wait before the very first attempt of open()', () => {
    const first = reconnectSchedule(pool, policy, { startIndex: 0, initial: true, random: () => 0.99 }).next().value;
    expect(first).toMatchObject({ delayMs: 0, pass: 0 });
    expect(first?.endpoint.name).toBe('10.0.0.1:1');
  });

  it('tries a backup added to the pool during the cycle', () => {
    const growing = [pool[0]!];
    const schedule = reconnectSchedule(growing, { ...policy, maxPasses: 2 }, { startIndex: 0, initial: true, random: Math.random });
    expect(schedule.next().value?.endpoint.name).toBe('10.0.0.1:1');
    growing.push(pool[1]!);
    expect(schedule.next().value?.endpoint.name).toBe('10.0.0.2:2');
  });
});
