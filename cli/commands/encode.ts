/**
 * `tlib-kit encode [file|-]`: JSON messages (one object, an array, JSON
 * lines, golden vectors) to frames, as hex lines or binary. Every message
 * is encoded before anything is written, so bad input never leaves half a
 * stream behind; each failure names the message and the property path.
 */
import { writeFileSync } from 'node:fs';
import { Option, type Command } from '../commander.js';
import { encode } from '../../src/codec/encode.js';
import { isTLibError } from '../../src/codec/errors.js';
import { bytesToHex, fromJSON } from '../../src/codec/json.js';
import { formatViolation, validate } from '../../src/validate/index.js';
import { EXIT } from '../exit-codes.js';
import { InputError } from '../input/errors.js';
import type { JsonEntry } from '../input/json-input.js';
import { readJsonMessages, type Format } from '../input/read-input.js';
import { readSource } from '../input/source.js';
import { inputPath, usageExit, verbAction } from '../verb-action.js';
import { warn } from '../terminal.js';

interface EncodeOptions {
  out?: string;
  binary?: boolean;
  validate?: boolean;
  allowObsolete?: boolean;
  format: Format;
}

function encodeEntry(e: JsonEntry, o: EncodeOptions): Uint8Array | InputError {
  if (e.message === undefined) return new InputError('BAD_MESSAGE', `${e.where}: holds no message to encode`);
  try {
    return encode(fromJSON(e.message), { allowObsolete: o.allowObsolete === true || e.allowObsolete === true });
  } catch (err) {
    if (!isTLibError(err)) throw err;
    const path = err.path ? ` at ${err.path}` : '';
    const hint = err.code === 'OBSOLETE' ? ' (--allow-obsolete encodes it anyway)' : '';
    return new InputError('BAD_MESSAGE', `${e.where}: ${err.code}${path}: ${err.message}${hint}`);
  }
}

function write(frames: Uint8Array[], o: EncodeOptions): void {
  if (o.out !== undefined) {
    try {
      writeFileSync(o.out, Buffer.concat(frames));
    } catch (e) {
      throw new InputError('UNREADABLE', `cannot write ${o.out}: ${(e as Error).message}`);
    }
    warn(`${frames.length} frame${frames.length === 1 ? '' : 's'} written: ${o.out}`);
  } else if (o.binary) {
    process.stdout.write(Buffer.concat(frames));
  } else {
    process.stdout.write(frames.map((f) => `${bytesToHex(f)}\n`).join(''));
  }
}

async function run(file: string | undefined, o: EncodeOptions): Promise<number> {
  if (o.binary && o.out !== undefined) throw new InputError('UNREADABLE', '--binary writes to standard output and --out to a file: give one of them');
  if (o.binary && process.stdout.isTTY) throw new InputError('UNREADABLE', '--binary would write raw bytes to the terminal: redirect it (> frames.bin) or use --out <file>');
  const entries = readJsonMessages(await readSource(inputPath(file), 'file'), o.format);
  const results = entries.map((e) => encodeEntry(e, o));
  const failures = results.filter((r): r is InputError => r instanceof InputError);
  for (const f of failures) warn(`tlib-kit encode: ${f.message}`);
  if (failures.length > 0) {
    warn(`${failures.length} of ${entries.length} messages do not encode; nothing written`);
    return EXIT.USAGE;
  }
  let broken = 0;
  if (o.validate) {
    for (const e of entries) {
      const violations = validate(e.message!);
      if (violations.length > 0) broken++;
      for (const v of violations) warn(`${e.where}: ${formatViolation(v)}`);
    }
  }
  write(results as Uint8Array[], o);
  if (broken > 0) warn(`${broken} message${broken === 1 ? '' : 's'} with violations (encoded all the same)`);
  return broken > 0 ? EXIT.VIOLATIONS : EXIT.OK;
}

export function registerEncode(program: Command): void {
  usageExit(
    program
      .command('encode')
      .description('encode JSON messages into frames: hex lines, or binary')
      .argument('[file]', 'JSON messages; - or nothing for standard input: one object, an array, JSON lines (decode --json), or golden vectors (spec/vectors/*.json)')
      // Encode reads JSON only: offering hex or bin here would offer what it always refuses.
      .addOption(new Option('--format <form>', 'input form: json, or auto (checks the input is JSON and says so when it is frames)').choices(['auto', 'json']).default('auto'))
      .option('--out <file>', 'write the frames, binary and back to back, to this file')
      .option('--binary', 'write the binary frames to standard output instead of hex lines')
      .option('--validate', "check each message against the reference's rules first (tlib-kit/validate); violations exit 1")
      .option('--allow-obsolete', 'encode obsolete events (EventResourceAllocated, EventResourceFreed) too')
      .addHelpText(
        'after',
        `
Output: one frame a line as lowercase hex (decode reads it back), or binary with --out / --binary.
JSON form of a message: spec/wire-format.md ("$hex" for binary values, decimal strings for 64-bit ones).

Examples:
  echo '{"Event":"RequestUnregisterAddress","ReferenceID":3,"ThisDN":"7001"}' | tlib-kit encode
  tlib-kit decode capture.bin --json | tlib-kit encode --out copy.bin

Exit codes: 0 ok, 1 violations (with --validate), 2 input that does not encode or bad usage.`,
      ),
  ).action(verbAction('encode', run));
}
