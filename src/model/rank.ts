/**
 * Ordering and ranking rules. Ranks are computed on exact values (or on values rounded by a stated
 * rule, which the caller passes in as keys). Tie rules:
 *  - competition (default, "1-2-2-4"): rank = 1 + number of strictly better units;
 *  - dense ("1-2-2-3"): rank = 1 + number of strictly better distinct values;
 *  - ordinal ("1-2-3-4"): equal values get consecutive ranks in a stated, deterministic order.
 *
 * Units are positions (integers); values are integer keys (scaled points, rounded indices) when the
 * values allow it, otherwise an exact comparison. Integer keys in a small range are ordered by
 * counting (one pass, whatever the number of units), others by a comparison sort: the result is the
 * same, as a property test checks.
 */
import { compareRatios, type Ratio } from './decimal.js';

export type TieRule = 'competition' | 'dense' | 'ordinal';
export const TIE_RULES: readonly TieRule[] = ['competition', 'dense', 'ordinal'];

/** How values are compared: integer keys (higher is better), or a comparison (negative when `a` is better). */
export type Values = { readonly keys: Float64Array } | { readonly compare: (a: number, b: number) => number };

/**
 * The positions `start`, `start + 1`, ... (`count` of them). (`Int32Array.from({ length }, f)`
 * calls `f` once per position from the runtime: about 40 ms a million, where this loop takes 4.)
 */
export function positions(count: number, start = 0): Int32Array {
  const out = new Int32Array(count);
  for (let k = 0; k < count; k++) out[k] = start + k;
  return out;
}

/** By position, its place in `order` (the inverse of a list of positions), for `size` positions. */
export function placesOf(order: ArrayLike<number>, size: number): Int32Array {
  const place = new Int32Array(size);
  for (let k = 0; k < order.length; k++) place[order[k]!] = k;
  return place;
}

/**
 * Every position, block by block, in table order within each: block `b`'s are `positions` from
 * `start[b]` to `start[b + 1]`. One pass over the units however many blocks (a commune file has a
 * block per district or province: 700 districts of 10,600 communes before 2025).
 */
export function groupByBlock(blockOf: Int32Array, blocks: number): { positions: Int32Array; start: Int32Array } {
  const start = new Int32Array(blocks + 1);
  for (let i = 0; i < blockOf.length; i++) start[blockOf[i]! + 1]!++;
  for (let b = 0; b < blocks; b++) start[b + 1]! += start[b]!;
  const next = start.slice(0, blocks);
  const positions = new Int32Array(blockOf.length);
  for (let i = 0; i < blockOf.length; i++) positions[next[blockOf[i]!]!++] = i;
  return { positions, start };
}

/**
 * Counting is used while the keys span at most four values per unit, or this many values and 64 per
 * unit: a count per value costs more than comparing a few units (a commune file ranks a block per
 * district, some 15 units whose totals span thousands of values at two decimals).
 */
const COUNTING_SPAN = 1 << 16;

function keyRange(units: ArrayLike<number>, keys: Float64Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < units.length; k++) {
    const v = keys[units[k]!]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

function countable(units: ArrayLike<number>, keys: Float64Array): { min: number; max: number } | undefined {
  if (units.length === 0) return undefined;
  const r = keyRange(units, keys);
  return r.max - r.min <= Math.max(4 * units.length, Math.min(COUNTING_SPAN, 64 * units.length)) ? r : undefined;
}

/** `units` by key, highest first; units with equal keys keep their order (a stable counting sort). */
function countingOrder(units: ArrayLike<number>, keys: Float64Array, min: number, max: number): Int32Array {
  const span = max - min + 1;
  const starts = new Int32Array(span + 1);
  for (let k = 0; k < units.length; k++) starts[max - keys[units[k]!]! + 1]!++;
  for (let b = 1; b <= span; b++) starts[b]! += starts[b - 1]!;
  const out = new Int32Array(units.length);
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    out[starts[max - keys[u]!]!++] = u;
  }
  return out;
}

/**
 * `units` best first; equal values in `tie` order (a total order, so the result never depends on the
 * input order).
 */
export function orderUnits(units: ArrayLike<number>, values: Values, tie: (a: number, b: number) => number): Int32Array {
  let sorted: Int32Array;
  let same: (a: number, b: number) => boolean;
  if ('keys' in values) {
    const keys = values.keys;
    const range = countable(units, keys);
    if (range) sorted = countingOrder(units, keys, range.min, range.max);
    else sorted = Int32Array.from(units).sort((a, b) => keys[b]! - keys[a]!);
    same = (a, b) => keys[a] === keys[b];
  } else {
    const compare = values.compare;
    sorted = Int32Array.from(units).sort((a, b) => compare(a, b));
    same = (a, b) => compare(a, b) === 0;
  }
  // Runs of equal values, put in tie order.
  for (let start = 0; start < sorted.length; ) {
    let end = start + 1;
    while (end < sorted.length && same(sorted[start]!, sorted[end]!)) end++;
    if (end - start > 1) sorted.subarray(start, end).sort(tie);
    start = end;
  }
  return sorted;
}

/** The ranks of units listed best first (aligned with `sorted`). */
export function ranksOfOrder(sorted: Int32Array, values: Values, ties: TieRule): Int32Array {
  const same = 'keys' in values ? (a: number, b: number) => values.keys[a] === values.keys[b] : (a: number, b: number) => values.compare(a, b) === 0;
  const ranks = new Int32Array(sorted.length);
  let distinct = 0;
  for (let k = 0; k < sorted.length; k++) {
    const tied = k > 0 && same(sorted[k - 1]!, sorted[k]!);
    if (!tied) distinct++;
    ranks[k] = ties === 'ordinal' ? k + 1 : ties === 'dense' ? distinct : tied ? ranks[k - 1]! : k + 1;
  }
  return ranks;
}

/**
 * Competition or dense ranks by value alone (no order needed: equal values share a rank), written
 * into `out` at each unit's position.
 */
export function valueRanks(units: ArrayLike<number>, keys: Float64Array, ties: 'competition' | 'dense', out: Int32Array): void {
  const range = countable(units, keys);
  if (range) {
    // Count each value, then walk down from the highest: a value's rank is 1 + the units (or distinct
    // values) above it.
    const span = range.max - range.min + 1;
    const counts = new Int32Array(span);
    for (let k = 0; k < units.length; k++) counts[range.max - keys[units[k]!]!]!++;
    let above = 0;
    for (let b = 0; b < span; b++) {
      const n = counts[b]!;
      if (n === 0) continue;
      counts[b] = above + 1;
      above += ties === 'competition' ? n : 1;
    }
    for (let k = 0; k < units.length; k++) out[units[k]!] = counts[range.max - keys[units[k]!]!]!;
    return;
  }
  const sorted = new Float64Array(units.length);
  for (let k = 0; k < units.length; k++) sorted[k] = keys[units[k]!]!;
  sorted.sort(); // ascending
  const rankOf = new Map<number, number>();
  let distinct = 0;
  // Scanning down, a value is first met at the highest index k of its run, with n - 1 - k values above.
  for (let k = sorted.length - 1; k >= 0; k--) {
    const v = sorted[k]!;
    if (k < sorted.length - 1 && v === sorted[k + 1]) continue;
    distinct++;
    rankOf.set(v, ties === 'competition' ? sorted.length - k : distinct);
  }
  for (let k = 0; k < units.length; k++) out[units[k]!] = rankOf.get(keys[units[k]!]!)!;
}

/**
 * Ranks items by an exact fraction, highest first, for small lists of objects (the previous year
 * re-ranked by a merge rule). `order` breaks ties; it must be a total order.
 */
export function assignRanks<T>(items: readonly T[], value: (item: T) => Ratio, ties: TieRule, order: (a: T, b: T) => number): { item: T; rank: number }[] {
  const values = items.map(value);
  const values$: Values = { compare: (a, b) => compareRatios(values[b]!, values[a]!) };
  const sorted = orderUnits(
    items.map((_, i) => i),
    values$,
    (a, b) => order(items[a]!, items[b]!),
  );
  const ranks = ranksOfOrder(sorted, values$, ties);
  return Array.from(sorted, (i, k) => ({ item: items[i]!, rank: ranks[k]! }));
}
