/**
 * A reader that stops early (`tlib-kit conform --list | head -3`) closes our
 * stdout, and the next write fails with EPIPE. Without a listener that is an
 * uncaught error: a stack trace, and a run killed before it wrote its
 * reports. With this, output to the closed pipe is dropped, the command
 * finishes its work (report files included) and exits with its own code.
 */
export function ignoreClosedStdout(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
  });
}
