/**
 * Standard output, written with plain `write` calls on file descriptor 1 when it is surely not a
 * terminal (a file, a pipe, a socket, /dev/null): creating `process.stdout` costs 1.5 to 3 ms of
 * every start (it loads Node's stream machinery), a tenth of par-score's own start-up. A terminal,
 * Windows, or a descriptor that cannot take blocking writes (EAGAIN) goes through `process.stdout`.
 */
import { fstatSync, statSync, writeSync } from 'node:fs';
import { ParScoreError } from '../model/problem.js';

/**
 * The reader of a pipe went away (`par-score rank big.csv | head -1`): not an error, and the rest
 * of the output is dropped quietly; the exit code is still that of the run's checks, so a gate in
 * a pipe (`validate --format json | head -1`, `--fail-on-rank-drop`) still fails.
 */
let gone = false;

export function stdoutGone(): boolean {
  return gone;
}

/** A write that cannot be done (a full disk, an I/O error): one clear message, exit 1. */
function cannotWrite(e: NodeJS.ErrnoException): ParScoreError {
  const why = e.code === 'ENOSPC' ? 'no space left on device' : e.code === 'EIO' ? 'input/output error' : (e.message ?? String(e));
  return new ParScoreError([{ severity: 'error', code: 'cannot-write', message: `cannot write the output: ${why}` }], 1);
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
/** A failure of the stream, reported by the next write. */
let failed: ParScoreError | undefined;

function stream(): NodeJS.WriteStream {
  if (!streamReady) {
    streamReady = true;
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') gone = true;
      else failed = cannotWrite(e);
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
  if (failed) return Promise.reject(failed);
  if (text.length === 0 || gone) return Promise.resolve();
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
      if (code === 'EPIPE') {
        gone = true;
        return Promise.resolve();
      }
      if (code !== 'EAGAIN') return Promise.reject(cannotWrite(e as NodeJS.ErrnoException));
      // A non-blocking descriptor (set so by whoever opened it): the stream waits for it.
      direct = false;
      rest = bytes.subarray(done);
    }
  }
  return new Promise((resolve, reject) =>
    void stream().write(rest, (e) => {
      if (e && (e as NodeJS.ErrnoException).code !== 'EPIPE') reject(cannotWrite(e as NodeJS.ErrnoException));
      else resolve();
    }),
  );
}
