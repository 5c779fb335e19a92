/**
 * The library bridge process of one attempt (spec/library-bridge-contract.md):
 * JSON-lines commands in, answers and reports out. What it reports as
 * dispatched is the application's view; its stderr tail goes into verdicts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fromJSON, type JsonMessage } from '../../src/codec/json.js';
import type { Message } from '../../src/codec/types.js';
import type { Exchange } from '../message-path/exchange.js';
import { stepTimeout, targetError } from '../model/failure.js';
import { WatchLog } from './watch-log.js';

/** One event the bridge says reached the application. */
export interface AppEntry {
  message: Message;
  /** The connection it came from, "host:port", as the bridge says. */
  server: string | undefined;
}

export interface Answer {
  ok: boolean;
  error?: string;
}

const MAX_LINE = 1 << 20;
const TAIL_LINES = 5;
const TAIL_CHARS = 300;
/** A bridge gets this long to exit after its stdin closed (the contract's 2 s). */
const EXIT_GRACE_MS = 2000;

export class Bridge {
  readonly app = new WatchLog<AppEntry>('application view');
  /** The `error` lines: what the library reported to the application outside events. */
  readonly errors = new WatchLog<{ code: string; message: string }>('library errors');
  private readonly child: ChildProcess;
  private readonly answers = new Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void }>();
  /** Set once the bridge broke the contract: every later command fails with it. */
  private broken: Error | undefined;
  private nextId = 1;
  private stdoutBuffer = '';
  private stderrBuffer = '';
  private readonly tail: string[] = [];
  private exited: Promise<void>;
  private gone = false;

  constructor(
    command: string,
    private readonly exchange: Exchange,
  ) {
    this.child = spawn('/bin/sh', ['-c', command], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.gone = true;
        const why = targetError(`the bridge exited (${signal ?? `code ${code}`})${this.tail.length ? `; log: ${this.tail.join('; ')}` : ''}`);
        this.app.fail(why);
        for (const answer of this.answers.values()) answer.resolve({ ok: false, error: why.message });
        this.answers.clear();
        resolve();
      });
      this.child.once('error', (e) => {
        this.app.fail(targetError(`the bridge could not start: ${e.message}`));
      });
    });
    this.child.stdin!.on('error', () => {});
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => this.onStdout(chunk));
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => this.onStderr(chunk));
  }

  /** The last lines of stderr, for verdicts. */
  get logTail(): string[] {
    return [...this.tail];
  }

  /** Sends a command and waits for its answer; no answer within timeoutMs is a timeout verdict. */
  async command(op: string, fields: Record<string, unknown>, timeoutMs: number): Promise<Answer> {
    if (this.broken) throw this.broken;
    if (this.gone) throw targetError(`the bridge has exited; cannot send ${op}${this.tail.length ? `; log: ${this.tail.join('; ')}` : ''}`);
    const id = this.nextId++;
    const line = JSON.stringify({ id, op, ...fields });
    this.exchange.note('kit', 'bridge', `command: ${line}`);
    let timer: NodeJS.Timeout | undefined;
    try {
      return await new Promise<Answer>((resolve, reject) => {
        this.answers.set(id, { resolve, reject });
        timer = setTimeout(() => {
          this.answers.delete(id);
          reject(stepTimeout(`the bridge's answer to ${op} (id ${id})`, timeoutMs, 'the kit'));
        }, timeoutMs);
        this.child.stdin!.write(`${line}\n`);
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends stdin; kills the process group if it is still there after the grace period. */
  async close(): Promise<void> {
    this.child.stdin!.end();
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), EXIT_GRACE_MS)));
    const late = (await Promise.race([this.exited, grace])) === 'late';
    clearTimeout(timer);
    if (late && !this.gone && this.child.pid !== undefined) {
      try {
        process.kill(-this.child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await this.exited;
    }
  }

  private protocolError(text: string): void {
    if (this.broken) return;
    this.exchange.note('bridge', 'kit', `protocol error: ${text}`);
    this.broken = targetError(`the bridge broke the library bridge contract: ${text}`);
    this.app.fail(this.broken);
    for (const answer of this.answers.values()) answer.reject(this.broken);
    this.answers.clear();
  }

  private onStdout(chunk: string): void {
    this.stdoutBuffer += chunk;
    let nl: number;
    while ((nl = this.stdoutBuffer.indexOf('\n')) >= 0) {
      const line = this.stdoutBuffer.slice(0, nl);
      this.stdoutBuffer = this.stdoutBuffer.slice(nl + 1);
      if (line.trim()) this.onLine(line);
    }
    if (this.stdoutBuffer.length > MAX_LINE) {
      this.stdoutBuffer = '';
      this.protocolError(`a stdout line longer than ${MAX_LINE} bytes`);
    }
  }

  private onLine(line: string): void {
    let o: unknown;
    try {
      o = JSON.parse(line);
    } catch {
      return this.protocolError(`stdout line is not JSON: ${JSON.stringify(line.slice(0, 120))}`);
    }
    if (typeof o !== 'object' || o === null || Array.isArray(o)) return this.protocolError(`stdout line is not a JSON object: ${line.slice(0, 120)}`);
    const r = o as Record<string, unknown>;
    if (typeof r.id === 'number') {
      const answer = this.answers.get(r.id);
      if (!answer) return this.protocolError(`an answer to id ${r.id}, which is not waiting`);
      this.answers.delete(r.id);
      this.exchange.note('bridge', 'kit', `answer: ${line.slice(0, 300)}`);
      answer.resolve({ ok: r.ok === true, ...(typeof r.error === 'string' ? { error: r.error } : {}) });
      return;
    }
    if (Object.prototype.hasOwnProperty.call(r, 'event')) return this.onEvent(r.event, r.server);
    if (Object.prototype.hasOwnProperty.call(r, 'error')) {
      const e = r.error as { code?: unknown; message?: unknown } | null;
      this.exchange.note('app', 'library', `library error: ${String(e?.code)}: ${String(e?.message).slice(0, 300)}`);
      this.errors.push({ code: String(e?.code), message: String(e?.message) });
      return;
    }
    this.protocolError(`a line that is neither an answer, an event nor an error: ${line.slice(0, 120)}`);
  }

  private onEvent(event: unknown, server: unknown): void {
    let message: Message;
    try {
      message = fromJSON(event as JsonMessage);
    } catch (e) {
      return this.protocolError(`an event the kit cannot read: ${(e as Error).message}`);
    }
    const where = typeof server === 'string' ? server : undefined;
    this.exchange.appEvent('app', where ?? 'library', message);
    this.app.push({ message, server: where });
  }

  private onStderr(chunk: string): void {
    this.stderrBuffer += chunk;
    const lines = this.stderrBuffer.split('\n');
    this.stderrBuffer = (lines.pop() ?? '').slice(-TAIL_CHARS);
    for (const raw of lines) {
      const line = raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?').slice(0, TAIL_CHARS);
      if (!line) continue;
      this.tail.push(line);
      if (this.tail.length > TAIL_LINES) this.tail.shift();
      this.exchange.note('bridge', 'log', line);
    }
  }
}
