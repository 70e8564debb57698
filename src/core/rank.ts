/**
 * Ranking rules. Ranks are computed on exact values (or on values rounded by a stated rule, which the
 * caller passes in). Tie rules:
 *  - competition (default, "1-2-2-4"): rank = 1 + number of strictly better units;
 *  - dense ("1-2-2-3"): rank = 1 + number of strictly better distinct values;
 *  - ordinal ("1-2-3-4"): equal values get consecutive ranks in a stated, deterministic order.
 */
import { compareRatios, type Ratio } from './decimal.js';

interface Entry {
  readonly v: Ratio;
  /** The value as a double: decides every comparison except near-ties, which are decided exactly. */
  readonly f: number;
}

/**
 * Exact comparison, fast: doubles carry a relative error below 1e-15, so when they differ by more
 * than 1e-9 (relative) their order is the exact order; closer values are compared as fractions.
 */
function compareEntries(a: Entry, b: Entry): number {
  const d = a.f - b.f;
  if (d !== 0 && Math.abs(d) > 1e-9 * Math.max(Math.abs(a.f), Math.abs(b.f))) return d < 0 ? -1 : 1;
  return compareRatios(a.v, b.v);
}

export type TieRule = 'competition' | 'dense' | 'ordinal';
export const TIE_RULES: readonly TieRule[] = ['competition', 'dense', 'ordinal'];

/**
 * Ranks items by `value`, highest first. `order` breaks ties for the listing order (and for the
 * ranks themselves under `ordinal`); it must be a total order so the result never depends on the
 * input order. Returns the items in rank order with their ranks.
 */
export function assignRanks<T>(
  items: readonly T[],
  value: (item: T) => Ratio,
  ties: TieRule,
  order: (a: T, b: T) => number,
): { item: T; rank: number }[] {
  const values = items.map(value);
  // Exact numeric keys when the values share a denominator (units with the same maximum); else
  // doubles first with exact fractions for near-ties.
  const keys = exactKeys(values);
  const index = items.map((_, i) => i);
  let same: (a: number, b: number) => boolean;
  if (keys) {
    index.sort((a, b) => keys[b]! - keys[a]! || order(items[a]!, items[b]!));
    same = (a, b) => keys[a] === keys[b];
  } else {
    const entries: Entry[] = values.map((v) => ({ v, f: Number(v.num) / Number(v.den) }));
    index.sort((a, b) => compareEntries(entries[b]!, entries[a]!) || order(items[a]!, items[b]!));
    same = (a, b) => compareEntries(entries[a]!, entries[b]!) === 0;
  }
  const out: { item: T; rank: number }[] = [];
  let distinct = 0;
  for (let i = 0; i < index.length; i++) {
    const sameAsPrevious = i > 0 && same(index[i - 1]!, index[i]!);
    if (!sameAsPrevious) distinct++;
    let rank: number;
    if (ties === 'ordinal') rank = i + 1;
    else if (ties === 'dense') rank = distinct;
    else rank = sameAsPrevious ? out[i - 1]!.rank : i + 1;
    out.push({ item: items[index[i]!]!, rank });
  }
  return out;
}

/**
 * Exact numeric keys for fractions that share one denominator and whose numerators are safe integers
 * (the common case: a component's index over units with the same maximum). Undefined otherwise.
 */
export function exactKeys(values: readonly Ratio[]): Float64Array | undefined {
  const first = values[0];
  if (!first) return new Float64Array(0);
  const keys = new Float64Array(values.length);
  const limit = 9007199254740991n;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v.den !== first.den || v.num > limit || v.num < -limit) return undefined;
    keys[i] = Number(v.num);
  }
  return keys;
}

/** Competition or dense ranks from exact keys: one native sort, then the rank of each distinct value. */
export function ranksFromKeys(keys: Float64Array, ties: 'competition' | 'dense'): number[] {
  const sorted = Float64Array.from(keys).sort(); // ascending
  const n = sorted.length;
  const rankOf = new Map<number, number>();
  let distinct = 0;
  // Scanning down, a value is first met at the highest index k of its run, with n - 1 - k values
  // strictly greater above it: competition rank n - k; dense rank = distinct values met so far.
  for (let k = n - 1; k >= 0; k--) {
    const v = sorted[k]!;
    if (k < n - 1 && v === sorted[k + 1]) continue;
    distinct++;
    rankOf.set(v, ties === 'competition' ? n - k : distinct);
  }
  const ranks = new Array<number>(keys.length);
  for (let i = 0; i < keys.length; i++) ranks[i] = rankOf.get(keys[i]!)!;
  return ranks;
}

/**
 * Ranks alone, aligned with `values` (no listing order needed): under competition and dense rules a
 * rank depends only on the values, so equal values need no tie-break and the sort stays cheap. Under
 * ordinal, `order` decides.
 */
export function ranksOf<T>(items: readonly T[], value: (item: T) => Ratio, ties: TieRule, order: (a: T, b: T) => number): number[] {
  if (ties === 'ordinal') {
    const index = new Map(items.map((item, i) => [item, i]));
    const ranks = new Array<number>(items.length);
    for (const { item, rank } of assignRanks(items, value, ties, order)) ranks[index.get(item)!] = rank;
    return ranks;
  }
  const values = items.map(value);
  const keys = exactKeys(values);
  if (keys) return ranksFromKeys(keys, ties);
  const entries = values.map((v, i) => ({ i, v, f: Number(v.num) / Number(v.den) }));
  entries.sort((a, b) => compareEntries(b, a));
  const ranks = new Array<number>(items.length);
  let distinct = 0;
  for (let k = 0; k < entries.length; k++) {
    const same = k > 0 && compareEntries(entries[k - 1]!, entries[k]!) === 0;
    if (!same) distinct++;
    ranks[entries[k]!.i] = ties === 'dense' ? distinct : same ? ranks[entries[k - 1]!.i]! : k + 1;
  }
  return ranks;
}
