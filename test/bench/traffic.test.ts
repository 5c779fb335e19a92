/**
 * The benchmark measures valid traffic: every message of the
 * mixed stream and every per-shape message keeps its schema, the stream
 * covers every message type of the registry, and its values vary.
 */
import { describe, expect, it } from 'vitest';
import { buildTraffic, missingTypes, TEMPLATES } from '../../bench/traffic.js';
import { SHAPES } from '../../bench/shapes.js';
import { validate } from '../../src/validate/index.js';
import { MESSAGES, encode } from '../../src/index.js';

describe('bench traffic', () => {
  const traffic = buildTraffic(4096);

  it('holds only messages valid against their schemas', () => {
    const bad = traffic.messages.map((m, i) => ({ id: traffic.ids[i], v: validate(m) })).filter((x) => x.v.length > 0);
    expect(bad.slice(0, 3).map((b) => `${b.id}: ${b.v[0]!.message}`)).toEqual([]);
  });

  it('has a valid message for every per-shape row', () => {
    for (const s of SHAPES) expect(validate(s.message).map((v) => v.message), s.name).toEqual([]);
  });

  it('covers every message type of the registry, events far more often than requests', () => {
    expect(missingTypes()).toEqual([]);
    expect(new Set(traffic.messages.map((m) => m.Event)).size).toBe(MESSAGES.length);
    const requests = traffic.messages.filter((m) => m.Event.startsWith('Request')).length;
    expect(requests / traffic.messages.length).toBeLessThan(0.15);
    const large = traffic.messages.filter((m) => (m.UserData?.length ?? 0) >= 100).length;
    expect(large).toBeGreaterThan(0);
    expect(large / traffic.messages.length).toBeLessThan(0.03);
  });

  it('varies values from message to message (few repeated frames)', () => {
    const frames = new Set(traffic.messages.map((m) => Buffer.from(encode(m, { allowObsolete: true })).toString('hex')));
    expect(frames.size / traffic.messages.length).toBeGreaterThan(0.95);
  });

  it('is the same for the same seed and different for another', () => {
    const again = buildTraffic(64);
    expect(again.messages).toEqual(buildTraffic(64).messages);
    expect(buildTraffic(64, 2).messages).not.toEqual(again.messages);
    expect(TEMPLATES.every((t) => t.weight > 0)).toBe(true);
  });
});
