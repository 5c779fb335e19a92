/**
 * What one scenario keeps of a flood is bounded by bytes, not only counts:
 * frames whose decoded messages are many times their size (empty pairs under
 * nested lists) keep only their Event, marked, and the records kept stay
 * within EXCHANGE_CAPS' byte budgets; a session keeps at most MAX_INBOX_BYTES
 * of frames, then is closed with the reason.
 */
import { describe, expect, it } from 'vitest';
import { EXCHANGE_CAPS, Exchange } from '../../conformance/message-path/exchange.js';
import { Inbox, MAX_INBOX_BYTES } from '../../conformance/message-path/inbox.js';
import { encode, decode, toJSON, type KVList, type Message } from '../../src/index.js';

/** An EventUserEvent under 16 KiB whose JSON form is more than twice as large: empty pairs under nested lists. */
function inflating(): { frame: Uint8Array; message: Message } {
  const nested: KVList = [['', [['', '']]]];
  const UserData: KVList = Array.from({ length: 1600 }, () => ['', nested] as [string, KVList]);
  const frame = encode({ Event: 'EventUserEvent', ThisDN: '7001', UserData });
  return { frame, message: decode(frame) };
}

describe('records kept by bytes', () => {
  it('keeps a 16 KiB frame whose decoded message is larger than its cap as its Event alone, marked', () => {
    const { frame, message } = inflating();
    expect(frame.length).toBeLessThanOrEqual(EXCHANGE_CAPS.frameBytes);
    expect(JSON.stringify(toJSON(message)).length).toBeGreaterThan(2 * EXCHANGE_CAPS.messageBytes);
    const r = new Exchange('s').frame('recv', 'client', 'primary', frame, message);
    expect(r.message).toEqual({ Event: 'EventUserEvent' });
    expect(r.text).toContain(`larger than ${EXCHANGE_CAPS.messageBytes} bytes in JSON form`);
  });

  it('keeps at most the head and tail byte budgets of a 2.4 MB flood, and says how much it left out', () => {
    const { frame, message } = inflating();
    const exchange = new Exchange('s');
    const count = Math.ceil((2.4 * 1024 * 1024) / frame.length);
    for (let i = 0; i < count; i++) exchange.frame('recv', 'client', 'primary', frame, message);
    const kept = JSON.stringify(exchange.records).length;
    expect(kept).toBeLessThanOrEqual(EXCHANGE_CAPS.headBytes + EXCHANGE_CAPS.tailBytes + 64 * 1024);
    expect(exchange.truncated?.records).toBeGreaterThan(0);
    expect(exchange.truncated!.records + exchange.records.length - 1).toBe(count);
    expect(exchange.records.some((r) => r.dir === 'note' && /left out here/.test(r.text ?? ''))).toBe(true);
  });

  it('closes a session past MAX_INBOX_BYTES of frames, with the reason, whatever the count', () => {
    const inbox = new Inbox('client', 1000, 0);
    const reasons: string[] = [];
    (inbox as unknown as { overflow(reason: string): void }).overflow = (reason: string) => void reasons.push(reason);
    const message: Message = { Event: 'EventUserEvent', ThisDN: '7001' };
    const megabyte = 1024 * 1024;
    for (let i = 0; i < 250; i++) inbox.deliver(message, { t: 0, dir: 'recv', actor: 'client', peer: 'primary' }, megabyte);
    expect(inbox.received.length).toBe(Math.floor(MAX_INBOX_BYTES / megabyte));
    expect(reasons[0]).toContain(`more than ${MAX_INBOX_BYTES} bytes of messages`);
  });
});
