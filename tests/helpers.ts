import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Source } from '../src/pipeline.js';
import { ParScoreError, type Problem } from '../src/core/problem.js';

export const ROOT = join(import.meta.dirname, '..');
export const fixture = (name: string) => join(ROOT, 'fixtures', name);

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
