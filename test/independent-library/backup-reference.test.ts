// The UserData forms the independent library reads for EventRestoreConnection's
// backup reference ("This attribute contains the reference to the backup
// T-Server"): the three the kit scripts and the others a server could write.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module of the independent library, no types
import { parseEndpoint, readServerReferences } from './backup-reference.mjs';

const B = { host: '127.0.0.1', port: 40122 };

describe('readServerReferences', () => {
  it.each([
    ['host-port-pairs, integer port', [['backup_host', '127.0.0.1'], ['backup_port', 40122]]],
    ['host-port-pairs, decimal string port', [['backup_host', '127.0.0.1'], ['backup_port', '40122']]],
    ['server-string', [['BackupServer', '127.0.0.1:40122'], ['BackupApplication', 'tlib-kit-sim-b']]],
    ['server-url', [['BackupServer', 'tcp://127.0.0.1:40122']]],
    ['URI with a path and user', [['backup_url', 'tserver://app@127.0.0.1:40122/hs']]],
    ['other spelling of the keys', [['BackupHost', '127.0.0.1'], ['Backup-Port', 40122]]],
    ['nested list', [['backup', [['host', '127.0.0.1'], ['port', 40122]]]]],
    ['nested endpoint', [['servers', [['backup', '127.0.0.1:40122']]]]],
    ['no role word', [['host', '127.0.0.1'], ['port', 40122]]],
    ['backup among other pairs', [['primary_host', '10.0.0.1'], ['primary_port', 7000], ['backup_host', '127.0.0.1'], ['backup_port', 40122]]],
  ])('reads the backup from %s', (_name, userData) => {
    expect(readServerReferences(userData).backup).toEqual(B);
  });

  it('reads a primary reference apart from the backup', () => {
    const refs = readServerReferences([['backup_host', '127.0.0.1'], ['backup_port', 40122], ['PrimaryServer', 'h:7000']]);
    expect(refs).toEqual({ backup: B, primary: { host: 'h', port: 7000 } });
  });

  it.each([
    ['no address at all', [['BackupApplication', 'tlib-kit-sim-b']]],
    ['a host without a port', [['backup_host', '127.0.0.1']]],
    ['a port out of range', [['backup_host', '127.0.0.1'], ['backup_port', 70000]]],
    ['a port that is not a number', [['BackupServer', '127.0.0.1:x']]],
    ['not a list', 'BackupServer=127.0.0.1:40122'],
    ['absent', undefined],
  ])('finds no backup in %s', (_name, userData) => {
    expect(readServerReferences(userData).backup).toBeUndefined();
  });
});

describe('parseEndpoint', () => {
  it('reads IPv6 in brackets, with and without a scheme', () => {
    expect(parseEndpoint('[::1]:7000')).toEqual({ host: '::1', port: 7000 });
    expect(parseEndpoint('tcp://[::1]:7000/')).toEqual({ host: '::1', port: 7000 });
  });
  it('refuses port 0 and a missing host', () => {
    expect(parseEndpoint('h:0')).toBeUndefined();
    expect(parseEndpoint(':7000')).toBeUndefined();
  });
});
