/** The CLI's file system and stream edge: reading inputs, writing outputs atomically. */
import { closeSync, fstatSync, openSync, readFileSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ParScoreError, usageError } from '../core/problem.js';
import type { Source } from '../pipeline.js';

export const STDIN = '-';

/** Default for --max-input-size: well inside the default heap (memory use is about 130 times the input). */
export const DEFAULT_MAX_INPUT = 24 * 1024 * 1024;

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

/** Memory needed per byte of input, measured (docs/PERFORMANCE.md); inputs needing more than the heap are refused. */
export const MEMORY_PER_INPUT_BYTE = 130;
/** The same for rank's compact lane (about 7 measured at 1,000,000 units), with a margin. */
export const COMPACT_MEMORY_PER_INPUT_BYTE = 10;

/**
 * Below this, the heap bound cannot bite with Node's default heap (it needs only 130 MiB), so V8 is
 * not asked (loading node:v8 costs about 1.5 ms of every start). With a heap flag, always ask.
 */
const SURELY_FITS = 1024 * 1024;
const HEAP_FLAG = /--max-old-space-size/.test(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`);

let heapLimit: number | undefined;
async function heapSizeLimit(): Promise<number> {
  heapLimit ??= (await import('node:v8')).getHeapStatistics().heap_size_limit;
  return heapLimit;
}

/** The limit that applies to `size` bytes in all: the user's, and never more than fits in the heap. */
async function limitFor(size: number, requested: number, perByte = MEMORY_PER_INPUT_BYTE): Promise<number> {
  if (size <= SURELY_FITS && !HEAP_FLAG) return requested;
  return Math.min(requested, Math.floor((await heapSizeLimit()) / perByte));
}

/** `size` is undefined when only "more than the limit" is known (a stream). */
async function tooLarge(name: string, size: number | undefined, requested: number, limit: number, perByte = MEMORY_PER_INPUT_BYTE): Promise<ParScoreError> {
  const heap = await heapSizeLimit();
  const overHeap = requested > limit;
  const shown = size === undefined ? `more than ${formatSize(limit)}` : formatSize(size);
  const message = overHeap
    ? `the input is ${shown}; ranking it would need ${size === undefined ? 'more memory than' : `about ${formatSize(size * perByte)} of memory, more than`} Node.js may use here (${formatSize(heap)})`
    : `the input is ${shown}, over the limit of ${formatSize(requested)}`;
  const hint = overHeap
    ? 'split the input, or give Node.js more memory: NODE_OPTIONS=--max-old-space-size=<MiB>'
    : 'split it, or raise the limit with --max-input-size (memory use is about 130 times the input size)';
  return new ParScoreError([{ severity: 'error', code: 'input-too-large', message, file: name, hint }], 1);
}

async function readStdin(requested: number, already: number, perByte: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  // A stream's size is unknown: use the full limit (heap bound included) from the start.
  const limit = (await limitFor(Infinity, requested, perByte)) - already;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      process.stdin.destroy();
      throw await tooLarge('<stdin>', undefined, requested, limit + already, perByte);
    }
    chunks.push(chunk as Buffer);
  }
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

/** A regular file's bytes in shared memory, which a second thread can read too (see cli/lane). */
function readShared(fd: number, size: number): Uint8Array {
  const bytes = new Uint8Array(new SharedArrayBuffer(size));
  let done = 0;
  for (let n = 1; done < size && n > 0; done += n) n = readSync(fd, bytes, done, size - done, null);
  if (done < size) return bytes.subarray(0, done);
  // Grown since it was measured: the rest, as it comes.
  const rest = readFileSync(fd);
  if (rest.length === 0) return bytes;
  const all = new Uint8Array(new SharedArrayBuffer(size + rest.length));
  all.set(bytes);
  all.set(rest, size);
  return all;
}

/**
 * Reads the named files (`-` = standard input, at most once), refusing more than the limit in all,
 * and more than fits in the heap at `perByte` bytes of memory per byte of input; with `shared`,
 * regular files are read into shared memory.
 */
export async function readSources(paths: readonly string[], requested = DEFAULT_MAX_INPUT, perByte = MEMORY_PER_INPUT_BYTE, shared = false): Promise<Source[]> {
  let total = 0;
  if (paths.filter((p) => p === STDIN).length > 1) throw usageError('stdin-twice', 'standard input (-) can be read only once');
  const sources: Source[] = [];
  for (const path of paths) {
    if (path === STDIN) {
      const bytes = await readStdin(requested, total, perByte);
      total += bytes.length;
      sources.push({ name: '<stdin>', bytes });
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
        const limit = await limitFor(total + st.size, requested, perByte);
        if (total + st.size > limit) throw await tooLarge(path, st.size, requested, limit, perByte);
      }
      const bytes = shared && st.isFile() ? readShared(fd, st.size) : readFileSync(fd);
      const limit = await limitFor(total + bytes.length, requested, perByte);
      if (total + bytes.length > limit) throw await tooLarge(path, bytes.length, requested, limit, perByte);
      total += bytes.length;
      sources.push({ name: path, bytes });
    } catch (e) {
      if ((e as { exitCode?: number }).exitCode) throw e;
      openError(path, e);
    } finally {
      closeSync(fd);
    }
  }
  return sources;
}

/** Sources read for the compact lane that must go the general way after all: the general bound applies. */
export async function ensureFitsHeap(sources: readonly Source[], requested: number): Promise<void> {
  const total = sources.reduce((size, s) => size + Math.max(s.bytes.length, s.text?.length ?? 0), 0);
  const limit = await limitFor(total, requested);
  if (total > limit) throw await tooLarge(sources.length === 1 ? sources[0]!.name : sources.map((s) => s.name).join(', '), total, requested, limit);
}

function sameFile(a: string, b: string): boolean {
  try {
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

/** Writes via a temporary file in the same directory and a rename: readers never see half a file. */
export async function writeAtomic(out: string, output: Output): Promise<void> {
  // Unique enough with the pid and a counter; 'wx' refuses to reuse an existing name anyway.
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.${++tmpCounter}.${Date.now().toString(36)}.tmp`);
  try {
    if (typeof output === 'string') writeFileSync(tmp, output, { flag: 'wx' });
    else {
      const fd = openSync(tmp, 'wx');
      try {
        for await (const piece of output) {
          if (typeof piece === 'string') writeSync(fd, piece);
          else for (let done = 0; done < piece.length; ) done += writeSync(fd, piece, done);
        }
      } finally {
        closeSync(fd);
      }
    }
    renameSync(tmp, out);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    throw usageError('cannot-write', `cannot write ${out}: ${(e as Error).message}`);
  }
}

/** Writes every piece in turn, waiting for each: memory stays bounded by one piece. */
export async function writeOutput(write: (text: string | Uint8Array) => Promise<void>, output: Output): Promise<void> {
  if (typeof output === 'string') return write(output);
  for await (const piece of output) await write(piece);
}
