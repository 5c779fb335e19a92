/**
 * commander, the one package the command line needs. Every file of cli/
 * imports it from here: the build replaces dist/cli/commander.js by a bundle
 * of commander (scripts/build.mjs), so installing tlib-kit installs no
 * dependency and the codec's users never download a CLI parser.
 */
export { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
