/** The CLI's file system and stream edge: reading inputs, writing outputs atomically. */
import { closeSync, fstatSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ParScoreError, usageError } from '../core/problem.js';
import type { Source } from '../pipeline.js';

export const STDIN = '-';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
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

/** Reads the named files (`-` = standard input, at most once). */
export async function readSources(paths: readonly string[]): Promise<Source[]> {
  if (paths.filter((p) => p === STDIN).length > 1) throw usageError('stdin-twice', 'standard input (-) can be read only once');
  const sources: Source[] = [];
  for (const path of paths) {
    if (path === STDIN) {
      sources.push({ name: '<stdin>', bytes: await readStdin() });
      continue;
    }
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (e) {
      openError(path, e);
    }
    try {
      if (fstatSync(fd).isDirectory()) throw cannotOpen(path, 'it is a directory, not a CSV file');
      sources.push({ name: path, bytes: readFileSync(fd) });
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

/** Writes via a temporary file in the same directory and a rename: readers never see half a file. */
export function writeAtomic(out: string, text: string): void {
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
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

/** Writes to stdout; resolves when the data has been handed to the OS (so exit codes never cut output). */
export function writeStdout(text: string): Promise<void> {
  return new Promise((done) => {
    if (text === '') return done();
    process.stdout.write(text, () => done());
  });
}
