/**
 * Strict-resources mode: which DNs, agents and places this server serves.
 * Without a ResourceSpec everything is served.
 */
import type { ResourceSpec } from './options.js';
import { ERROR } from './errors.js';

export interface Refusal {
  code: number;
  text: string;
}

export function checkDn(spec: ResourceSpec | undefined, dn: string): Refusal | undefined {
  if (!spec || spec.dns.includes(dn)) return undefined;
  return { code: ERROR.dnNotServed, text: `DN "${dn}" is not served by this T-Server (configured: ${summary(spec.dns)})` };
}

export function checkAgent(spec: ResourceSpec | undefined, agent: string): Refusal | undefined {
  if (!spec || spec.agents.includes(agent)) return undefined;
  return { code: ERROR.agentNotServed, text: `agent "${agent}" is not configured on this T-Server (configured: ${summary(spec.agents)})` };
}

export function checkPlace(spec: ResourceSpec | undefined, place: string): Refusal | undefined {
  if (!spec || spec.places.includes(place)) return undefined;
  return { code: ERROR.placeNotServed, text: `place "${place}" is not configured on this T-Server (configured: ${summary(spec.places)})` };
}

function summary(list: string[]): string {
  if (list.length === 0) return 'none';
  return list.length <= 4 ? list.join(', ') : `${list.slice(0, 3).join(', ')}, ... ${list.length} in all`;
}
