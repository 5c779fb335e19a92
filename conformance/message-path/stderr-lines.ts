/**
 * A bridge's or hook's stderr, cut into lines without ever holding more than
 * one bounded line: a process that writes megabytes without a newline costs
 * STDERR_LINE_CHARS of memory, and each chunk is scanned once (never the
 * pending line again), so the cost stays linear in what was written.
 */
export const STDERR_LINE_CHARS = 4096;

export class LineSplitter {
  private pending = '';
  /** Characters dropped from the current line past STDERR_LINE_CHARS. */
  private dropped = 0;

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: string): void {
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', from)) {
      this.take(chunk.slice(from, nl));
      this.emit();
      from = nl + 1;
    }
    this.take(chunk.slice(from));
  }

  /** The unterminated last line, when the stream ends. */
  end(): void {
    if (this.pending || this.dropped) this.emit();
  }

  private take(part: string): void {
    const room = STDERR_LINE_CHARS - this.pending.length;
    if (part.length <= room) this.pending += part;
    else {
      this.pending += part.slice(0, room);
      this.dropped += part.length - room;
    }
  }

  private emit(): void {
    const line = this.dropped ? `${this.pending}…[cut ${this.dropped} chars]` : this.pending;
    this.pending = '';
    this.dropped = 0;
    if (line.trim()) this.onLine(line);
  }
}
