/**
 * Standard output, written with plain `write` calls on file descriptor 1 when it is surely not a
 * terminal (a file, a pipe, a socket, /dev/null): creating `process.stdout` costs 1.5 to 3 ms of
 * every start (it loads Node's stream machinery), a tenth of par-score's own start-up. A terminal,
 * Windows, or a descriptor that cannot take blocking writes (EAGAIN) goes through `process.stdout`.
 */
import { fstatSync, statSync, writeSync } from 'node:fs';

/** The reader of a pipe went away (`par-score rank big.csv | head -1`): not an error, stop quietly. */
function readerGone(): never {
  process.exit(process.exitCode ?? 0);
}

function surelyNotTerminal(): boolean {
  if (process.platform === 'win32') return false;
  try {
    const st = fstatSync(1);
    if (st.isFile() || st.isFIFO() || st.isSocket()) return true;
    return st.isCharacterDevice() && st.rdev === statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}

let direct: boolean | undefined;
let streamReady = false;

function stream(): NodeJS.WriteStream {
  if (!streamReady) {
    streamReady = true;
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') readerGone();
      throw e;
    });
  }
  return process.stdout;
}

/** Whether standard output is a terminal, and its width when it is. */
export function stdoutTerminal(): { isTTY: boolean; columns?: number } {
  direct ??= surelyNotTerminal();
  if (direct) return { isTTY: false };
  const out = stream();
  return out.isTTY ? { isTTY: true, ...(out.columns ? { columns: out.columns } : {}) } : { isTTY: false };
}

/** Writes to stdout; resolves when the data has been handed to the OS (so exit codes never cut output). */
export function writeStdout(text: string | Uint8Array): Promise<void> {
  if (text.length === 0) return Promise.resolve();
  direct ??= surelyNotTerminal();
  let rest: string | Uint8Array = text;
  if (direct) {
    const bytes = typeof text === 'string' ? Buffer.from(text) : text;
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(1, bytes, done);
      return Promise.resolve();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') readerGone();
      if (code !== 'EAGAIN') throw e;
      // A non-blocking descriptor (set so by whoever opened it): the stream waits for it.
      direct = false;
      rest = bytes.subarray(done);
    }
  }
  return new Promise((resolve) => void stream().write(rest, () => resolve()));
}
