/**
 * Reading ahead. A writer prints units in an order their strings were not made in (made as the file
 * was read, printed in listing order or by movement), and every such read waits for memory, one
 * after another. Read first in a loop that does nothing else, the processor waits for many at once,
 * and the printing finds them in its cache: a million units to JSON about 0.4 s of 4, to CSV about
 * 0.4 s of 2.1 (the writing alone). Measured and not taken: reading last year's values of each unit
 * ahead (no gain), and the same in matching codes through a hash table, where each read needs the
 * one before (no gain).
 */
import type { Identities } from '../model/match.js';

/** Units read ahead at a time: what 256 units read stays in the cache while they are printed. */
export const AHEAD = 256;
/** Where the numbers read ahead go, so that the reads are made. */
let sink = 0;

/**
 * Call before printing the `k`-th of `count` units: at every AHEAD-th, reads what `touch(j)` reads
 * (and returns a number made of) for the next AHEAD of them.
 */
export function readAhead(k: number, count: number, touch: (j: number) => number): void {
  if (k % AHEAD !== 0) return;
  const end = Math.min(k + AHEAD, count);
  let s = 0;
  for (let j = k; j < end; j++) s += touch(j);
  sink = (sink + s) % 1024;
}

/** What printing a unit's name, code and block reads (a number made of them). */
export function identityLength(t: Identities, i: number): number {
  return t.names[i]!.length + (t.codes[i]?.length ?? 0) + (t.blocks[i]?.length ?? 0);
}

/**
 * For writers that print the units at `positions` of `t` in turn: `at(k)` is `positions[k]`, with
 * the names, codes and blocks of the units from there read ahead (`readAhead`).
 */
export function readingAhead(t: Identities, positions: ArrayLike<number>): (k: number) => number {
  const touch = (j: number) => identityLength(t, positions[j]!);
  return (k) => {
    readAhead(k, positions.length, touch);
    return positions[k]!;
  };
}
