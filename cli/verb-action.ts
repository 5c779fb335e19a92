/**
 * The end of every input-reading verb: its exit code, or a clear line on
 * stderr and exit 2 for input it cannot read. Anything else is a bug of
 * tlib-kit and keeps its stack.
 */
import { Option, type Command } from './commander.js';
import { EXIT } from './exit-codes.js';
import { InputError } from './input/errors.js';
import { FORMATS } from './input/read-input.js';
import { warn } from './terminal.js';

export function verbAction<A extends unknown[]>(verb: string, run: (...args: A) => Promise<number>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      process.exitCode = await run(...args);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      warn(`tlib-kit ${verb}: ${e.message}`);
      process.exitCode = EXIT.USAGE;
    }
  };
}

/** Usage errors (bad option, missing argument) exit 2 like every other verb. */
export function usageExit(command: Command): Command {
  return command.exitOverride((err) => process.exit(err.exitCode === 0 ? EXIT.OK : EXIT.USAGE));
}

export const formatOption = (): Option =>
  new Option('--format <form>', 'input form: hex (digits, whitespace, # comments, optional 0x), bin (length-prefixed frames), json, or auto (told apart by content)')
    .choices(FORMATS)
    .default('auto');

/** `[file]` left out means standard input, but not a terminal nobody is typing frames into. */
export function inputPath(file: string | undefined): string {
  if (file !== undefined) return file;
  if (process.stdin.isTTY) throw new InputError('UNREADABLE', 'no input: give a file, or - and pipe the input in');
  return '-';
}
