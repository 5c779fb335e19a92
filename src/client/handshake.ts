/**
 * RequestRegisterClient handshakes in flight. The answer is recognised by its
 * type (EventServerConnected / EventError), not by ReferenceID, because the
 * reference does not promise a ReferenceID on EventServerConnected. Completion
 * is reported synchronously through `offer` so the caller can give the
 * connection its role before the next frame of the same chunk is handled
 * (an EventRestoreConnection may follow EventServerConnected immediately).
 */
import type { Message } from '../codec/types.js';
import type { ServerConnection } from './connection.js';
import { ClientError } from './errors.js';
import type { Slot } from './roles.js';

/** The slot the connection registers for (roles.ts). */
export type Role = Slot;

interface Entry {
  readonly role: Role;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

export class Handshakes {
  private readonly entries = new Map<ServerConnection, Entry>();

  /** Sends RequestRegisterClient; the promise settles when `offer` sees the answer, or on timeout. */
  start(connection: ServerConnection, role: Role, request: Message, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const name = connection.endpoint.name;
      const timer = setTimeout(() => {
        this.fail(connection, new ClientError('OPEN_TIMEOUT', `${name} did not answer RequestRegisterClient within ${timeoutMs} ms`, { server: name }));
      }, timeoutMs);
      this.entries.set(connection, { role, resolve, reject, timer });
      try {
        connection.send(request);
      } catch (error) {
        this.fail(connection, error as Error);
      }
    });
  }

  /** The role the connection registered for when `message` completes its handshake; else undefined. */
  offer(connection: ServerConnection, message: Message): Role | undefined {
    const entry = this.entries.get(connection);
    if (!entry) return undefined;
    if (message.Event === 'EventServerConnected') {
      this.remove(connection, entry);
      entry.resolve();
      return entry.role;
    }
    if (message.Event === 'EventError') {
      const why = message.ErrorMessage ?? (message.ErrorCode !== undefined ? `ErrorCode ${message.ErrorCode}` : 'no reason given');
      this.fail(connection, new ClientError('REGISTRATION_REFUSED', `${connection.endpoint.name} refused RequestRegisterClient: ${why}`, {
        server: connection.endpoint.name,
        event: message,
      }));
    }
    return undefined;
  }

  isRegistering(connection: ServerConnection): boolean {
    return this.entries.has(connection);
  }

  fail(connection: ServerConnection, error: Error): void {
    const entry = this.entries.get(connection);
    if (!entry) return;
    this.remove(connection, entry);
    entry.reject(error);
  }

  failAll(error: Error): void {
    for (const connection of [...this.entries.keys()]) this.fail(connection, error);
  }

  private remove(connection: ServerConnection, entry: Entry): void {
    clearTimeout(entry.timer);
    this.entries.delete(connection);
  }
}
