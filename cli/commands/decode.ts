/**
 * `tlib-kit decode [file|-]`: frames (hex text, binary, golden vectors) to
 * messages, readable by default or one JSON line each for tools. A frame
 * that does not decode is named with its index and byte offset; the
 * frames around it are still printed.
 */
import type { Command } from '../commander.js';
import { bytesToHex, toJSON } from '../../src/codec/json.js';
import type { Message } from '../../src/codec/types.js';
import { formatViolation, validate, type Violation } from '../../src/validate/index.js';
import { EXIT } from '../exit-codes.js';
import type { FrameResult } from '../input/frames.js';
import { readFrames, type Format } from '../input/read-input.js';
import { readSource } from '../input/source.js';
import { formatOption, inputPath, usageExit, verbAction } from '../verb-action.js';
import { hexDump } from '../../conformance/report/hex-dump.js';
import { jsonText, printLines, warn } from '../terminal.js';

interface DecodeOptions {
  json?: boolean;
  hex?: boolean;
  validate?: boolean;
  format: Format;
}

function readable(f: FrameResult, message: Message, o: DecodeOptions, violations: readonly Violation[]): string[] {
  const json = toJSON(message);
  const size = f.bytes ? `, ${f.bytes.length} bytes` : '';
  const lines = [`${f.where}${size}: ${json.Event}`];
  const entries = Object.entries(json).filter(([k]) => k !== 'Event');
  const width = Math.max(0, ...entries.map(([k]) => k.length));
  for (const [k, v] of entries) lines.push(`  ${k.padEnd(width)}  ${jsonText(v)}`);
  if (o.hex && f.bytes) lines.push(...hexDump(f.bytes).map((row) => `  ${row}`));
  for (const v of violations) lines.push(`  violation: ${formatViolation(v)}`);
  return lines;
}

function jsonLine(f: FrameResult, message: Message, o: DecodeOptions): string {
  const json = toJSON(message);
  if (!o.hex) return jsonText(json) + '\n';
  return jsonText({ frame: f.index, ...(f.offset === undefined ? {} : { offset: f.offset }), hex: bytesToHex(f.bytes!), message: json }) + '\n';
}

async function run(file: string | undefined, o: DecodeOptions): Promise<number> {
  const frames = readFrames(await readSource(inputPath(file), 'file'), o.format);
  let unreadable = 0;
  let broken = 0;
  frames.forEach((f, i) => {
    if (f.error) {
      unreadable++;
      warn(`tlib-kit decode: ${f.error.message}`);
      return;
    }
    const violations = o.validate ? validate(f.message!) : [];
    if (violations.length > 0) broken++;
    if (o.json) {
      process.stdout.write(jsonLine(f, f.message!, o));
      for (const v of violations) warn(`${f.where}: ${formatViolation(v)}`);
    } else {
      printLines(process.stdout, [...(i > 0 ? [''] : []), ...readable(f, f.message!, o, violations)]);
    }
  });
  if (unreadable > 0) warn(`${frames.length - unreadable} of ${frames.length} frames decoded, ${unreadable} unreadable`);
  if (broken > 0) warn(`${broken} message${broken === 1 ? '' : 's'} with violations`);
  return unreadable > 0 ? EXIT.USAGE : broken > 0 ? EXIT.VIOLATIONS : EXIT.OK;
}

export function registerDecode(program: Command): void {
  usageExit(
    program
      .command('decode')
      .description('decode frames (hex, binary, golden vectors) and print each message')
      .argument('[file]', 'the frames; - or nothing for standard input. Hex text (whitespace, # comments, 0x allowed), binary length-prefixed frames, or JSON with "hex" (spec/vectors/*.json, decode --json --hex lines)')
      .addOption(formatOption())
      .option('--json', 'one JSON message per line (the JSON form of spec/wire-format.md), for tools; encode reads it back')
      .option('--hex', 'show each frame\'s bytes: a dump under the message, or with --json {"frame","offset","hex","message"} lines')
      .option('--validate', "check each message against the reference's rules (tlib-kit/validate); violations exit 1")
      .addHelpText(
        'after',
        `
Examples:
  echo '0x0000000e 0402 0100000003 1403 0437303031' | tlib-kit decode
  tlib-kit decode capture.bin --json | jq .Event
  tlib-kit decode spec/vectors/messages.json --hex --validate

Errors name the frame (its index) and the byte offset; the other frames are still decoded.
Exit codes: 0 ok, 1 violations (with --validate), 2 unreadable input or bad usage.`,
      ),
  ).action(verbAction('decode', run));
}
