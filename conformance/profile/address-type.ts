/** The AddressType the runner sends when it registers on a DN: the type the profile gives the DN. */
import { ADDRESS_TYPE } from '../../src/registry.js';
import type { Profile } from './model.js';

export function addressTypeOf(profile: Profile): (dn: string) => number {
  const types = new Map(profile.dns.map((d) => [d.dn, ADDRESS_TYPE[d.type ?? 'DN']]));
  return (dn) => types.get(dn) ?? ADDRESS_TYPE.DN;
}
