/**
 * The last lines a session logged (a bridge's stderr), as a verdict quotes
 * them: bounded against a chatty bridge, and without stack frames and
 * runtime banners, which would push the one line that says why out of view.
 */
const KEPT = 40;
const QUOTED = 5;
const LINE_CHARS = 300;
const NOISE = [/^\s+at\s/, /^\s*[{}^\][]*\s*$/, /^Node\.js v\d/];

export class LogTail {
  private readonly kept: string[] = [];

  push(line: string): void {
    this.kept.push(line.length > LINE_CHARS ? `${line.slice(0, LINE_CHARS)}...` : line);
    if (this.kept.length > KEPT) this.kept.shift();
  }

  /** Up to 5 lines, oldest first, joined for a one-line verdict; '' when nothing was logged. */
  quote(): string {
    const meaningful = this.kept.filter((l) => !NOISE.some((n) => n.test(l)));
    return meaningful.slice(-QUOTED).map((l) => l.trim()).join(' / ');
  }
}
