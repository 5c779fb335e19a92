#!/usr/bin/env node
/**
 * The tlib-kit command line. Each subcommand lives in cli/commands/ and
 * registers itself here; keep this file to the list.
 */
import { Command, CommanderError } from './commander.js';
import { ignoreClosedStdout } from './closed-stdout.js';
import { registerConform } from './commands/conform.js';
import { registerDecode } from './commands/decode.js';
import { registerDemo } from './commands/demo.js';
import { registerEncode } from './commands/encode.js';
import { registerFuzz } from './commands/fuzz.js';
import { registerLoad } from './commands/load.js';
import { registerMergeReports } from './commands/merge-reports.js';
import { registerSim } from './commands/sim.js';
import { registerValidate } from './commands/validate.js';
import { EXIT, EXIT_CODES_HELP } from './exit-codes.js';
import { packageVersion } from './version.js';
import { warn } from './terminal.js';

ignoreClosedStdout();

const program = new Command('tlib-kit')
  .description('T-Server protocol (T-Library) codec, validator, simulator and conformance kit')
  .version(packageVersion(), '-V, --version', 'print the tlib-kit version')
  .showHelpAfterError('(run with --help for usage)')
  .configureOutput({ outputError: (str, write) => write(str) })
  .addHelpText('after', `\n${EXIT_CODES_HELP}\nColour: on a terminal; NO_COLOR turns it off, FORCE_COLOR (not 0) on.`)
  // No verb, an unknown verb or a bad option is a usage error (2), never "violations" (1).
  .exitOverride();

registerConform(program);
registerDecode(program);
registerDemo(program);
registerEncode(program);
registerFuzz(program);
registerLoad(program);
registerMergeReports(program);
registerSim(program);
registerValidate(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CommanderError) {
    // Commander has printed its message (or the help) already.
    process.exitCode = err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    return;
  }
  warn(`tlib-kit: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = EXIT.USAGE;
});
