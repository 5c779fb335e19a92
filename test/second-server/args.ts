/**
 * Command-line flags of the vendor pair into ServerOptions (main.ts runs it).
 */
import { parseArgs } from 'node:util';
import { expandList, presetOptions, type CallSpec, type ServerOptions } from './options.js';

export const USAGE = `usage: tsx test/second-server/main.ts [options]
  --host H               listen address (default 127.0.0.1)
  --primary-port N       server "one", initially primary (default 0: a free port)
  --backup-port N        server "two", initially backup (default 0)
  --control-port N       JSON-lines control channel (default 0; none: no channel)
  --dns LIST             strict resources: DNs served, e.g. 7001-7010
  --agents LIST          strict resources: agent ids
  --places LIST          strict resources: places
  --call CONNID@DN[:CUSTOMER]  a call on the switch (repeatable)
  --password P           ApplicationPassword clients must send
  --mutant ID            switch one mutant on (--mutants lists them)
  --mutants              list the mutants and exit
  --write-gap-ms N       pause between two writes to one client (default 1)
  --restore-delay-ms N   EventServerConnected to EventRestoreConnection (default 15)
  --max-reserve-ms N     longest reservation granted (default 20000)
  --default-reserve-ms N reservation granted when none is asked (default 5000)
  --preset NAME          realistic | flipped | lab (options.ts PRESETS); flags given too override it
  --sequence-numbers     EventSequenceNumber on every event
  --server-start-time    ServerStartTime on every event
  --ack-this-dn          ThisDN on EventACK
  --private-info-alone   TPrivateService() answered by EventPrivateInfo alone
  --restore-reference F  flat | nested: how EventRestoreConnection names the backup
  --jitter-ms N          copies to other clients wait 0..N ms (default 0)
  --hardware-error-on-backup  the backup reports switch faults too
  --seed N               seed of the jitter and the late mutants' delays (default 1)
  --quiet                no log lines on stderr`;

function toInt(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n)) throw new Error(`--${name} must be an integer, got "${text}"`);
  return n;
}

function parseCall(text: string): CallSpec {
  const match = /^([0-9a-fA-F]{16})@([^:]+)(?::(.*))?$/.exec(text);
  if (!match) throw new Error(`--call "${text}" must be CONNID@DN or CONNID@DN:CUSTOMER, CONNID 16 hex digits`);
  const call: CallSpec = { ConnID: match[1]!.toLowerCase(), ThisDN: match[2]! };
  if (match[3] !== undefined) call.CustomerID = match[3];
  return call;
}

export function optionsFromArgs(argv: string[]): Partial<ServerOptions> | 'help' | 'mutants' {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      'primary-port': { type: 'string' },
      'backup-port': { type: 'string' },
      'control-port': { type: 'string' },
      dns: { type: 'string' },
      agents: { type: 'string' },
      places: { type: 'string' },
      call: { type: 'string', multiple: true },
      password: { type: 'string' },
      mutant: { type: 'string' },
      mutants: { type: 'boolean' },
      'write-gap-ms': { type: 'string' },
      'restore-delay-ms': { type: 'string' },
      'max-reserve-ms': { type: 'string' },
      'default-reserve-ms': { type: 'string' },
      preset: { type: 'string' },
      'sequence-numbers': { type: 'boolean' },
      'server-start-time': { type: 'boolean' },
      'ack-this-dn': { type: 'boolean' },
      'private-info-alone': { type: 'boolean' },
      'restore-reference': { type: 'string' },
      'jitter-ms': { type: 'string' },
      'hardware-error-on-backup': { type: 'boolean' },
      seed: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  if (values.mutants) return 'mutants';
  const strict = values.dns !== undefined || values.agents !== undefined || values.places !== undefined || values.call !== undefined;
  const reference = values['restore-reference'];
  if (reference !== undefined && reference !== 'flat' && reference !== 'nested') throw new Error(`--restore-reference must be flat or nested, got "${reference}"`);
  const options: Partial<ServerOptions> = {
    ...(values.preset !== undefined ? presetOptions(values.preset) : {}),
  };
  const given: Partial<ServerOptions> = {
    eventSequenceNumber: values['sequence-numbers'],
    serverStartTime: values['server-start-time'],
    ackThisDN: values['ack-this-dn'],
    privateInfoAlone: values['private-info-alone'],
    restoreReference: reference,
    fanoutJitterMs: toInt('jitter-ms', values['jitter-ms']),
    hardwareErrorOnBackup: values['hardware-error-on-backup'],
    seed: toInt('seed', values.seed),
    host: values.host,
    primaryPort: toInt('primary-port', values['primary-port']),
    backupPort: toInt('backup-port', values['backup-port']),
    controlPort: values['control-port'] === 'none' ? -1 : toInt('control-port', values['control-port']),
    password: values.password,
    mutant: values.mutant,
    writeGapMs: toInt('write-gap-ms', values['write-gap-ms']),
    restoreDelayMs: toInt('restore-delay-ms', values['restore-delay-ms']),
    maxReserveMs: toInt('max-reserve-ms', values['max-reserve-ms']),
    defaultReserveMs: toInt('default-reserve-ms', values['default-reserve-ms']),
  };
  for (const [key, value] of Object.entries(given)) if (value !== undefined) (options as Record<string, unknown>)[key] = value;
  if (strict) {
    options.resources = {
      dns: expandList(values.dns ?? ''),
      agents: expandList(values.agents ?? ''),
      places: expandList(values.places ?? ''),
      calls: (values.call ?? []).map(parseCall),
    };
  }
  if (!values.quiet) options.log = (line) => process.stderr.write(`${line}\n`);
  return options;
}

