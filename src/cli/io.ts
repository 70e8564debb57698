/** The CLI's file system and stream edge: reading inputs, writing outputs atomically. */
import { type Stats, chmodSync, closeSync, existsSync, fstatSync, fsyncSync, linkSync, lstatSync, openSync, readFileSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ParScoreError, usageError } from '../model/problem.js';
import type { Source } from '../read/load.js';

export const STDIN = '-';

export function formatSize(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1).replace(/\.0$/, '')} ${units[i]}`;
}

/** "64MiB", "1.5 GB", "1000000" -> bytes. */
export function parseSize(text: string): number | undefined {
  // Lower case first: a case-insensitive regular expression takes twice as long to compile, at every start.
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|kib|k|mb|mib|m|gb|gib|g)?$/.exec(text.trim().toLowerCase());
  if (!m) return undefined;
  const unit = m[2] ?? 'b';
  const factor = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('g') ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * factor);
}

/**
 * Memory needed per byte of input, measured (docs/PERFORMANCE.md: about 5 for a million units), with
 * a margin: inputs that would need more than the heap are refused before they are read.
 */
export const MEMORY_PER_INPUT_BYTE = 10;

/**
 * Below this, the heap bound cannot bite with Node's default heap, so V8 is not asked (loading
 * node:v8 costs about 1.5 ms of every start). With a heap flag, always ask.
 */
const SURELY_FITS = 4 * 1024 * 1024;
const HEAP_FLAG = /--max-old-space-size/.test(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`);

let heapLimit: number | undefined;
async function heapSizeLimit(): Promise<number> {
  heapLimit ??= (await import('node:v8')).getHeapStatistics().heap_size_limit;
  return heapLimit;
}

/** The input of one run: every file it reads counts against one limit (--max-input-size, and the heap). */
export class InputBudget {
  private used = 0;
  constructor(private readonly requested?: number) {}

  /** The limit for `size` bytes in all. */
  private async limit(size: number): Promise<number> {
    const requested = this.requested ?? Infinity;
    if (size <= SURELY_FITS && !HEAP_FLAG) return requested;
    return Math.min(requested, Math.floor((await heapSizeLimit()) / MEMORY_PER_INPUT_BYTE));
  }

  /** Takes `size` more bytes, or throws when that is more than the run may read. `size` undefined: a stream past its limit. */
  async take(name: string, size: number): Promise<void> {
    const limit = await this.limit(this.used + size);
    if (this.used + size > limit) throw await this.tooLarge(name, size, limit);
    this.used += size;
  }

  /** How much a stream may still bring. */
  async left(): Promise<number> {
    return (await this.limit(Infinity)) - this.used;
  }

  async tooLarge(name: string, size: number | undefined, limit?: number): Promise<ParScoreError> {
    const heap = await heapSizeLimit();
    const cap = limit ?? (await this.limit(Infinity));
    const overHeap = this.requested === undefined || this.requested > cap;
    const shown = size === undefined ? `more than ${formatSize(cap - this.used)}` : formatSize(size);
    const all = this.used > 0 && size !== undefined ? ` (${formatSize(this.used + size)} with the other inputs)` : '';
    const message = overHeap
      ? `the input is ${shown}${all}; ranking it would need ${size === undefined ? 'more memory than' : `about ${formatSize((this.used + size) * MEMORY_PER_INPUT_BYTE)} of memory, more than`} Node.js may use here (${formatSize(heap)})`
      : `the input is ${shown}${all}, over the limit of ${formatSize(this.requested!)}`;
    const hint = overHeap
      ? 'split the input, or give Node.js more memory: NODE_OPTIONS=--max-old-space-size=<MiB>'
      : `split it, or raise the limit with --max-input-size (memory use is about ${MEMORY_PER_INPUT_BYTE} times the input size)`;
    return new ParScoreError([{ severity: 'error', code: 'input-too-large', message, file: name, hint }], 1);
  }
}

async function readStdin(budget: InputBudget, stdin: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const limit = await budget.left();
  for await (const chunk of stdin) {
    size += chunk.length;
    if (size > limit) throw await budget.tooLarge('<stdin>', undefined);
    chunks.push(chunk);
  }
  await budget.take('<stdin>', size);
  return Buffer.concat(chunks);
}

function cannotOpen(path: string, why: string): ParScoreError {
  return new ParScoreError([{ severity: 'error', code: 'cannot-open', message: why, file: path }], 2);
}

function openError(path: string, e: unknown): never {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a directory, not a CSV file'
          : `cannot read it (${(e as Error).message})`;
  throw cannotOpen(path, why);
}

/**
 * A device, a pipe or a socket named as a file, read in pieces within the budget: an endless one
 * (/dev/zero) is refused at the limit rather than read for ever.
 */
async function readStream(fd: number, path: string, budget: InputBudget): Promise<Uint8Array> {
  const limit = await budget.left();
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(1 << 16);
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    size += n;
    if (size > limit) throw await budget.tooLarge(path, undefined);
    chunks.push(chunk.subarray(0, n));
  }
  await budget.take(path, size);
  return Buffer.concat(chunks);
}

/** Reads the named files (`-` = standard input, at most once), within the run's budget. */
export async function readSources(paths: readonly string[], budget: InputBudget, stdin: () => AsyncIterable<Uint8Array>): Promise<Source[]> {
  if (paths.filter((p) => p === STDIN).length > 1) throw usageError('stdin-twice', 'standard input (-) can be read only once');
  const sources: Source[] = [];
  for (const path of paths) {
    if (path === STDIN) {
      sources.push({ name: '<stdin>', bytes: await readStdin(budget, stdin()) });
      continue;
    }
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (e) {
      openError(path, e);
    }
    try {
      const st = fstatSync(fd);
      if (st.isDirectory()) throw cannotOpen(path, 'it is a directory, not a CSV file');
      if (st.isFile()) {
        await budget.take(path, st.size);
        const bytes = readFileSync(fd);
        // A file that grew since it was measured: the rest counted as read.
        if (bytes.length > st.size) await budget.take(path, bytes.length - st.size);
        sources.push({ name: path, bytes });
      } else sources.push({ name: path, bytes: await readStream(fd, path, budget) });
    } catch (e) {
      if ((e as { exitCode?: number }).exitCode) throw e;
      openError(path, e);
    } finally {
      closeSync(fd);
    }
  }
  return sources;
}

function sameFile(a: string, b: string): boolean {
  try {
    // The file's identity, so that a hard link or a symbolic link to an input is an input too.
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    try {
      return realpathSync(a) === realpathSync(b);
    } catch {
      return resolve(a) === resolve(b);
    }
  }
}

/** Checks before any work is done, so a refused --out costs nothing. */
export function checkOutPath(out: string, inputs: readonly string[], force: boolean): void {
  for (const input of inputs) {
    if (input !== STDIN && sameFile(out, input)) throw usageError('out-is-input', `refusing to write to ${out}: it is an input file`);
  }
  let exists = false;
  try {
    const st = statSync(out);
    if (st.isDirectory()) throw usageError('out-is-directory', `cannot write to ${out}: it is a directory`);
    // A device, a pipe or a socket is written to as it is, never replaced (decision 20).
    if (!st.isFile()) return;
    exists = true;
  } catch (e) {
    if ((e as { exitCode?: number }).exitCode) throw e;
  }
  if (exists && !force) throw usageError('out-exists', `${out} already exists`, 'pass --force to replace it');
}

/**
 * Output as one string or as pieces (large JSON is produced unit by unit, text or UTF-8 bytes); a
 * piece may be reused once the next one is asked for.
 */
export type Output = string | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

let tmpCounter = 0;

async function writeAll(fd: number, output: Output): Promise<void> {
  let since = 0;
  const put = async (piece: string | Uint8Array) => {
    const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
    // Now and then a turn of the event loop, so that an interruption (SIGINT, SIGTERM) is handled
    // while a large output is written, not after.
    since += bytes.length;
    if (since > 1 << 23) {
      since = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  if (typeof output === 'string') await put(output);
  else for await (const piece of output) await put(piece);
}

function cannotWrite(out: string, e: unknown): ParScoreError {
  const err = e as NodeJS.ErrnoException;
  const why = err.code === 'ENOSPC' ? 'no space left on device' : err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.message;
  return usageError('cannot-write', `cannot write ${out}: ${why}`);
}

/** Where `out` really is: the target of a symbolic link (written through, never replaced). */
function target(out: string): string {
  try {
    if (lstatSync(out).isSymbolicLink()) return realpathSync(out);
  } catch {
    // a new file, or a link to nowhere: written where it is named
  }
  return out;
}

/**
 * Writes `output` to `out` so that nothing is lost whatever happens: a regular file is written to a
 * temporary file next to it, flushed to disk, and then put in place, in one step that refuses to
 * replace a file created meanwhile (a hard link, unless `force`) or, with `force`, replaces it
 * keeping its mode. A symbolic link is written through to its target. A device, a pipe or a socket
 * is written to directly. The temporary file is removed if anything fails, or if the process is
 * interrupted (SIGINT, SIGTERM).
 */
export async function writeAtomic(out: string, output: Output, force = false): Promise<void> {
  const path = target(out);
  let existing: Stats | undefined;
  try {
    existing = statSync(path);
  } catch {
    // a new file
  }
  if (existing && !existing.isFile()) {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'w');
      await writeAll(fd, output);
    } catch (e) {
      throw cannotWrite(out, e);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    return;
  }
  // Unique enough with the pid and a counter; 'wx' refuses to reuse an existing name anyway.
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${++tmpCounter}.${Date.now().toString(36)}.tmp`);
  const remove = () => {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
  };
  const interrupted = (signal: NodeJS.Signals) => {
    remove();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const fd = openSync(tmp, 'wx', existing ? existing.mode & 0o7777 : 0o666);
    try {
      await writeAll(fd, output);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (existing && force) {
      // The replaced file's mode, whatever the umask (a 0600 file stays private).
      chmodSync(tmp, existing.mode & 0o7777);
      renameSync(tmp, path);
    } else putInPlace(tmp, path, force);
  } catch (e) {
    remove();
    if (e instanceof ParScoreError) throw e;
    throw cannotWrite(out, e);
  } finally {
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
  }
}

/**
 * Puts a new file in place without replacing one that appeared since the checks (another run
 * writing the same --out): a hard link fails when the name exists. Where hard links are not
 * possible (some file systems), the rename is checked just before.
 */
function putInPlace(tmp: string, path: string, force: boolean): void {
  try {
    linkSync(tmp, path);
    unlinkSync(tmp);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if (!force) throw usageError('out-exists', `${path} already exists (written by another run meanwhile)`, 'pass --force to replace it');
    } else if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'EMLINK') throw e;
  }
  if (!force && existsSync(path)) throw usageError('out-exists', `${path} already exists (written by another run meanwhile)`, 'pass --force to replace it');
  renameSync(tmp, path);
}
/**
 * Writes every piece in turn, waiting for each: memory stays bounded by one piece. Once the reader
 * has gone away (`| head -1`), the rest is not made.
 */
export async function writeOutput(write: (text: string | Uint8Array) => Promise<void>, output: Output, gone: () => boolean = () => false): Promise<void> {
  if (typeof output === 'string') return write(output);
  for await (const piece of output) {
    await write(piece);
    if (gone()) return;
  }
}

/** The most a scheme file may hold: a real one is a few kilobytes; a device such as /dev/zero never ends. */
export const MAX_SCHEME_BYTES = 4 * 1024 * 1024;

/** A small file (a scheme) read within `limit` bytes, whatever it is (a device is read in pieces up to the limit). */
export function readSmallFile(path: string, limit = MAX_SCHEME_BYTES): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    openError(path, e);
  }
  try {
    if (fstatSync(fd).isDirectory()) throw cannotOpen(path, 'it is a directory, not a file');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > limit) throw cannotOpen(path, `it holds more than ${limit / 1024 / 1024} MiB: not a scheme file`);
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

