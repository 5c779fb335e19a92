/**
 * `tlib-kit demo`: encodes one special event, prints its frame as commented
 * hex, decodes it back and shows the two agree: a first look at the codec.
 */
import type { Command } from '../commander.js';
import { decode } from '../../src/codec/decode.js';
import { encode } from '../../src/codec/encode.js';
import type { Message } from '../../src/codec/types.js';
import { bytesToHex, toJSON } from '../../src/codec/json.js';

/** The demo's message; the benchmark's EventAgentReserved row is this with one more reason. */
export const SAMPLE: Message = {
  Event: 'EventAgentReserved',
  ReferenceID: 42,
  ThisDN: '7001',
  AgentID: 'agent-007',
  Place: 'Place_7001',
  Timeout: 30000,
  Reasons: [['ReasonCode', 'Lunch'], ['Attempt', 1]],
  time: { seconds: 1_700_000_000, microseconds: 250_000 },
};

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('encode a sample EventAgentReserved, print the frame as hex, decode it back')
    .action(() => {
      const frame = encode(SAMPLE);
      const hex = bytesToHex(frame).replace(/(..)/g, '$1 ').trim();
      process.stdout.write(`message:\n${JSON.stringify(toJSON(SAMPLE), null, 2)}\n\n`);
      process.stdout.write(`frame (${frame.length} bytes):\n${hex}\n\n`);
      const back = decode(frame);
      const again = encode(back);
      const same = again.length === frame.length && again.every((b, i) => b === frame[i]);
      process.stdout.write(`decoded:\n${JSON.stringify(toJSON(back))}\n\nre-encoded: ${same ? 'byte-identical' : 'DIFFERENT'}\n`);
      if (!same) process.exitCode = 1;
    });
}
