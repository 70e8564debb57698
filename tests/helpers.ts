import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Source } from '../src/read/load.js';
import { ParScoreError, type Problem } from '../src/model/problem.js';

export const ROOT = join(import.meta.dirname, '..');
export const fixture = (name: string) => join(ROOT, 'fixtures', name);

// Directories made by `tempDir` in a test file are removed when its tests are done (each file has
// its own copy of this module, so this hook belongs to that file).
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new directory under the system's temporary one, removed after the test file's tests. */
export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `par-score-${name}-`));
  made.push(dir);
  return dir;
}

export function fixtureSource(name: string): Source {
  return { name: `fixtures/${name}`, bytes: readFileSync(fixture(name)) };
}

export function textSource(text: string, name = 't.csv'): Source {
  return { name, bytes: new TextEncoder().encode(text) };
}

/** Runs `fn` and returns the problems of the ParScoreError it throws. */
export function problemsOf(fn: () => unknown): readonly Problem[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ParScoreError) return e.problems;
    throw e;
  }
  throw new Error('expected a ParScoreError');
}
