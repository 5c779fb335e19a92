/**
 * ReferenceID allocation and answer correlation. An answer is the first event
 * carrying the request's ReferenceID on the connection the request was sent
 * on (the same id from another server is that server's business); `expect`
 * narrows which event types count. EventError always counts, because it is
 * T-Server's negative answer to any request.
 */
import type { Message, MessageName } from '../index.js';
import type { ServerConnection } from './connection.js';
import { ClientError } from './errors.js';

export interface RequestOptions {
  /** Answer timeout for this request, ms (default: the client's requestTimeoutMs). */
  timeoutMs?: number;
  /** Event types that answer the request (default: any event with its ReferenceID). */
  expect?: readonly MessageName[];
  /** Resolve with the EventError instead of rejecting with REQUEST_FAILED (default false). */
  resolveOnError?: boolean;
}

/** Options only the client itself uses. */
export interface InternalRequestOptions extends RequestOptions {
  /** The answer is the client's business: settle the request but do not dispatch the answer. */
  internal?: boolean;
}

/** What `settle` found: no request, a request the application made, or one the client made for itself. */
type Settled = 'none' | 'answer' | 'internal';

interface Entry {
  readonly connection: ServerConnection;
  readonly request: Message;
  readonly expect: ReadonlySet<string> | undefined;
  readonly resolveOnError: boolean;
  readonly internal: boolean;
  readonly resolve: (answer: Message) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

const MAX_REFERENCE_ID = 0xffff_ffff;

export class PendingRequests {
  private readonly entries = new Map<number, Entry>();
  private nextId = 1;

  get size(): number {
    return this.entries.size;
  }

  /** The next ReferenceID not waiting for an answer; wraps after 2^32-1, never 0. */
  allocate(): number {
    while (this.entries.has(this.nextId)) this.advance();
    const id = this.nextId;
    this.advance();
    return id;
  }

  isInUse(referenceId: number): boolean {
    return this.entries.has(referenceId);
  }

  /** Registers a request already carrying its ReferenceID; the promise settles on its answer. */
  wait(connection: ServerConnection, request: Message & { ReferenceID: number }, timeoutMs: number, options: InternalRequestOptions): Promise<Message> {
    return new Promise((resolve, reject) => {
      const id = request.ReferenceID;
      const timer = setTimeout(() => {
        this.entries.delete(id);
        reject(new ClientError('REQUEST_TIMEOUT', `${request.Event} (ReferenceID ${id}) got no answer from ${connection.endpoint.name} within ${timeoutMs} ms`, { server: connection.endpoint.name }));
      }, timeoutMs);
      this.entries.set(id, {
        connection,
        request,
        expect: options.expect ? new Set(options.expect) : undefined,
        resolveOnError: options.resolveOnError ?? false,
        internal: options.internal ?? false,
        resolve,
        reject,
        timer,
      });
    });
  }

  /** Settles the request `message` answers, if any. */
  settle(connection: ServerConnection, message: Message): Settled {
    const id = message.ReferenceID;
    if (id === undefined) return 'none';
    const entry = this.entries.get(id);
    if (!entry || entry.connection !== connection) return 'none';
    const isError = message.Event === 'EventError';
    if (!isError && entry.expect && !entry.expect.has(message.Event)) return 'none';
    this.remove(id, entry);
    if (isError && !entry.resolveOnError) entry.reject(requestFailed(entry.request, message));
    else entry.resolve(message);
    return entry.internal ? 'internal' : 'answer';
  }

  /** Rejects every request sent on `connection` (it closed before they were answered). */
  rejectConnection(connection: ServerConnection, reason: string): void {
    for (const [id, entry] of this.entries) {
      if (entry.connection !== connection) continue;
      this.remove(id, entry);
      entry.reject(new ClientError('DISCONNECTED', `${entry.request.Event} (ReferenceID ${id}) lost: ${reason}`, { server: connection.endpoint.name }));
    }
  }

  rejectAll(error: (request: Message) => ClientError): void {
    for (const [id, entry] of this.entries) {
      this.remove(id, entry);
      entry.reject(error(entry.request));
    }
  }

  private remove(id: number, entry: Entry): void {
    clearTimeout(entry.timer);
    this.entries.delete(id);
  }

  private advance(): void {
    this.nextId = this.nextId >= MAX_REFERENCE_ID ? 1 : this.nextId + 1;
  }
}

function requestFailed(request: Message, answer: Message): ClientError {
  const detail = answer.ErrorMessage ?? (answer.ErrorCode !== undefined ? `ErrorCode ${answer.ErrorCode}` : 'no reason given');
  return new ClientError('REQUEST_FAILED', `${request.Event} (ReferenceID ${String(answer.ReferenceID)}) refused by ${String(answer.Server)}: ${detail}`, {
    server: answer.Server,
    event: answer,
  });
}
