/**
 * Server endpoints. An endpoint's `name` ("host:port") is also the value the
 * client puts in every dispatched event's `Server` property (spec/client.md).
 */
import { ClientError } from './errors.js';

export interface Endpoint {
  readonly host: string;
  readonly port: number;
  /** "host:port" (IPv6 hosts in brackets): the event's `Server` value. */
  readonly name: string;
}

/** What an application may pass: "tcp://host:port", "host:port" or { host, port }. */
export type EndpointSpec = string | { host: string; port: number };

export function toEndpoint(spec: EndpointSpec, what: string): Endpoint {
  if (typeof spec === 'string') return parseEndpointString(spec, what);
  if (typeof spec !== 'object' || spec === null) {
    throw new ClientError('INVALID_OPTIONS', `${what}: expected "tcp://host:port" or { host, port }, got ${String(spec)}`);
  }
  return makeEndpoint(spec.host, spec.port, what);
}

function parseEndpointString(text: string, what: string): Endpoint {
  const match = /^(?:tcp:\/\/)?(\[[0-9a-fA-F:.]+\]|[^:/\s]+):(\d+)\/?$/.exec(text);
  if (!match) throw new ClientError('INVALID_OPTIONS', `${what}: expected "tcp://host:port", got ${JSON.stringify(text)}`);
  const host = match[1]!.replace(/^\[(.*)\]$/, '$1');
  return makeEndpoint(host, Number(match[2]), what);
}

export function makeEndpoint(host: unknown, port: unknown, what: string): Endpoint {
  if (typeof host !== 'string' || host.length === 0) {
    throw new ClientError('INVALID_OPTIONS', `${what}: host must be a non-empty string, got ${JSON.stringify(host)}`);
  }
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ClientError('INVALID_OPTIONS', `${what}: port must be an integer 1-65535, got ${JSON.stringify(port)}`);
  }
  const name = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  return { host, port, name };
}

export function sameEndpoint(a: Endpoint, b: Endpoint): boolean {
  return a.name === b.name;
}
