/** Every spelling of the backup's reference a server may put in EventRestoreConnection's UserData. */
import { describe, expect, it } from 'vitest';
import { backupReference, serverReferences } from '../../src/backup-reference.js';
import type { KVList } from '../../src/codec/types.js';

const at = (r: { host: string; port: number } | undefined) => r && `${r.host}:${r.port}`;

describe('backupReference', () => {
  const forms: Array<[string, KVList]> = [
    ['flat keys, port as a number', [['backup_host', 'b.example'], ['backup_port', 7001]]],
    ['flat keys, port as a decimal string', [['backup_host', 'b.example'], ['backup_port', '7001']]],
    ['CamelCase keys', [['BackupHost', 'b.example'], ['BackupPort', 7001]]],
    ['a host:port string', [['backup', 'b.example:7001']]],
    ['a URI', [['backup_uri', 'tcp://b.example:7001']]],
    ['a nested list with a URI', [['BackupServer', [['uri', 'tcp://b.example:7001']]]]],
    ['a nested list with host and port', [['BackupServer', [['host', 'b.example'], ['port', 7001]]]]],
    ['the only address, under a key that does not say backup', [['server', 'b.example:7001']]],
  ];
  it.each(forms)('reads %s', (_form, userData) => {
    expect(at(backupReference(userData))).toBe('b.example:7001');
  });

  it('takes the backup, not the primary, when both are named', () => {
    const both: KVList = [['primary_host', 'a.example'], ['primary_port', 7000], ['backup_host', 'b.example'], ['backup_port', 7001]];
    expect(at(backupReference(both))).toBe('b.example:7001');
    expect(serverReferences(both).map(at)).toEqual(['a.example:7000', 'b.example:7001']);
  });

  it('reads an IPv6 literal and keeps the path that led to it', () => {
    const [r] = serverReferences([['Servers', [['backup', 'tcp://[::1]:7001/x']]]]);
    expect(r).toEqual({ host: '::1', port: 7001, path: ['Servers', 'backup'], form: 'uri' });
  });

  it('finds nothing where nothing names a server, or where two unnamed ones leave it open', () => {
    expect(backupReference([])).toBeUndefined();
    expect(backupReference([['note', 'at 10:30'], ['backup_port', 70000], ['backup_host', 'b']])).toBeUndefined();
    expect(backupReference([['x', 'a.example:1'], ['y', 'b.example:2']])).toBeUndefined();
  });
});
