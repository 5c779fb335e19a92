/**
 * The forms in which the kit's scripted servers write the backup reference
 * into EventRestoreConnection's UserData. The reference fixes none ("This
 * attribute contains the reference to the backup T-Server"), so a library
 * claims the forms it understands in the profile (spec/library-bridge-contract.md).
 */
import type { KVList } from '../../src/codec/types.js';

export interface HostPort {
  host: string;
  port: number;
}

export const USER_DATA_FORMS = {
  'host-port-pairs': {
    describe: 'backup_host and backup_port pairs',
    build: (a: HostPort, _name: string): KVList => [
      ['backup_host', a.host],
      ['backup_port', a.port],
    ],
  },
  'server-string': {
    describe: 'BackupServer "host:port" with BackupApplication',
    build: (a: HostPort, name: string): KVList => [
      ['BackupServer', `${a.host}:${a.port}`],
      ['BackupApplication', name],
    ],
  },
  'server-url': {
    describe: 'BackupServer "tcp://host:port"',
    build: (a: HostPort, _name: string): KVList => [['BackupServer', `tcp://${a.host}:${a.port}`]],
  },
} as const;

export type UserDataForm = keyof typeof USER_DATA_FORMS;

export const ALL_FORMS = Object.keys(USER_DATA_FORMS) as UserDataForm[];

export function isUserDataForm(name: string): name is UserDataForm {
  return Object.prototype.hasOwnProperty.call(USER_DATA_FORMS, name);
}
