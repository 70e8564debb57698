/**
 * The compact lane's scoring and ranking: what `rankTable` computes, for a table read by `readCompact`
 * (every component applies, every unit is ranked, one block), over typed arrays. Exact integers
 * throughout: a total is a sum of points x 10^6; all units share one maximum, so ordering by index is
 * ordering by total, and a band threshold is a total. Gives up (with the reason) where the general
 * path would warn, or where its options need the general path.
 */
import { add, percent, roundSafe, scaleRatio, toRatio, ZERO, type Decimal, type Ratio } from './decimal.js';
import { ranksFromKeys } from './rank.js';
import { sortKey, type BandCount, type RankOptions } from './ranking.js';
import { foldDiacritics } from './text.js';
import type { Stats } from './summary.js';
import { COMPACT_SCALE, NAME_NOT_ASCII, plainColumns, toScaled, type ColumnAllocator, type CompactPart, type CompactTable, type UnitTexts } from '../input/compact.js';
import type { Scheme } from '../scheme/schema.js';

export interface CompactRanking {
  readonly scheme: Scheme;
  readonly options: RankOptions;
  readonly files: readonly string[];
  readonly year?: string;
  readonly table: CompactTable;
  /** The sum of the maxima, every unit's maximum. */
  readonly max: Decimal;
  /** Unit numbers in listing order: by rank, equal values by name (as `byNameThenCode`). */
  readonly order: Int32Array;
  /** By listing position: the unit's rank. */
  readonly rankAt: Int32Array;
  /** By unit: position of the unit's band in `scheme.bands`, -1 for none. */
  readonly bandOf: Int8Array;
  /** By component position: the ranks its points give. */
  readonly componentRanks: readonly ComponentRanks[];
  readonly stats: Stats;
  readonly bands: readonly BandCount[];
}

/**
 * A component's ranks: by points / step when its values are few enough to be ranked by counting
 * (equal points, equal rank), else by unit.
 */
export type ComponentRanks = { readonly byValue: Int32Array; readonly step: number } | { readonly byUnit: Int32Array };

/** The rank of unit `u`, whose points in the component are `points`. */
export function componentRank(ranks: ComponentRanks, u: number, points: number): number {
  return 'byValue' in ranks ? ranks.byValue[points / ranks.step]! : ranks.byUnit[u]!;
}

/** Largest value range ranked by counting rather than sorting. */
const COUNTING_RANGE = 1 << 22;

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a > 0n === b > 0n ? q + 1n : q;
}

/** ASCII upper-case letters in lower case; any other byte as it is. */
const lowerAscii = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/**
 * `sortKey` order of two units whose names and codes are printable ASCII kept as byte offsets:
 * `foldDiacritics` of such a name is its lower case, so the keys compare as the lower-case names,
 * then the names, then the codes (none = empty), each shorter-first when one is a prefix of the other.
 */
function compareAsciiKeys(bytes: Uint8Array, spans: Int32Array, a: number, b: number): number {
  const as = spans[4 * a]!;
  const bs = spans[4 * b]!;
  const al = spans[4 * a + 1]! - as;
  const bl = spans[4 * b + 1]! - bs;
  const n = Math.min(al, bl);
  for (let i = 0; i < n; i++) {
    const x = bytes[as + i]!;
    const y = bytes[bs + i]!;
    if (x !== y && lowerAscii(x) !== lowerAscii(y)) return lowerAscii(x) - lowerAscii(y);
  }
  if (al !== bl) return al - bl;
  for (let i = 0; i < n; i++) if (bytes[as + i] !== bytes[bs + i]) return bytes[as + i]! - bytes[bs + i]!;
  const cs = spans[4 * a + 2]!;
  const ds = spans[4 * b + 2]!;
  const cl = spans[4 * a + 3]! - cs;
  const dl = spans[4 * b + 3]! - ds;
  for (let i = 0, m = Math.min(cl, dl); i < m; i++) if (bytes[cs + i] !== bytes[ds + i]) return bytes[cs + i]! - bytes[ds + i]!;
  return cl - dl;
}

/** Characters of a name in its numeric sort key (`nameKeys`), and bits of a unit's place in its run. */
const KEY_CHARS = 6;
const PLACE_BITS = 13;
const PLACES = 2 ** PLACE_BITS;
/** `nameKeys` of a unit whose name, folded, is not all printable ASCII. */
const NOT_KEYED = -1;
/** `nameKeys` of a unit whose name or code is kept as a string. */
const KEPT_AS_STRING = -2;


/**
 * `foldDiacritics` of each letter a name kept as bytes may hold beyond ASCII (U+00A0-U+024F, then
 * U+1E00-U+1EFF): its one printable ASCII character ("Ấ" -> "a", "Đ" -> "d"), or -1. Made when a
 * large file first needs it, from `foldDiacritics` itself.
 */
let foldTable: Int16Array | undefined;
function folds(): Int16Array {
  if (!foldTable) {
    foldTable = new Int16Array(0x1b0 + 0x100);
    for (let i = 0; i < foldTable.length; i++) {
      const folded = foldDiacritics(String.fromCharCode(i < 0x1b0 ? 0xa0 + i : 0x1e00 + i - 0x1b0));
      const c = folded.length === 1 ? folded.charCodeAt(0) : -1;
      foldTable[i] = c >= 0x20 && c <= 0x7e ? c : -1;
    }
  }
  return foldTable;
}

/** Where the character read by `foldedAt` ends. */
let foldedEnd = 0;

/** The folded character at byte `at` of a name kept as bytes (valid UTF-8, see `keptLetter`), or -1. */
function foldedAt(bytes: Uint8Array, at: number, table: Int16Array): number {
  const b = bytes[at]!;
  if (b < 0x80) {
    foldedEnd = at + 1;
    return b >= 0x20 && b <= 0x7e ? lowerAscii(b) : -1;
  }
  if (b < 0xe0) {
    foldedEnd = at + 2;
    const cp = ((b & 0x1f) << 6) | (bytes[at + 1]! & 0x3f);
    return cp >= 0xa0 && cp < 0x250 ? table[cp - 0xa0]! : -1;
  }
  foldedEnd = at + 3;
  const cp = ((b & 0x0f) << 12) | ((bytes[at + 1]! & 0x3f) << 6) | (bytes[at + 2]! & 0x3f);
  return cp >= 0x1e00 && cp < 0x1f00 ? table[0x1b0 + cp - 0x1e00]! : -1;
}

/**
 * By unit, a number that orders units as `sortKey` does, as far as it goes: the first 6 characters
 * of the folded name (`foldDiacritics`: lower case, no diacritics) after the bytes every name
 * starts with (found as the rows are read), printable ASCII as digits in base 96, 0 past the end
 * (so a shorter name comes first). Units with equal numbers are left to the full comparison.
 * NOT_KEYED and KEPT_AS_STRING mark the units it cannot judge. One pass in file order, reading the
 * names where they lie, one after another: sorting a run then reads one number per unit rather
 * than names scattered over the whole file, and folds no name into a string (a million units on
 * two threads: sorting 130 ms -> 40 ms with ASCII names, 800 ms -> 65 ms with Vietnamese ones;
 * docs/DECISIONS.md 17).
 */
export function nameKeys(table: Pick<CompactTable, 'texts' | 'count' | 'namePrefix'>, keys: Float64Array = new Float64Array(table.count)): Float64Array {
  const { bytes, spans, flags } = table.texts;
  return nameKeysOfParts(bytes, [{ spans, flags, count: table.count }], table.namePrefix, keys);
}

/**
 * `nameKeys` of the units of `parts` (as read, before they are joined), one part after another;
 * every name kept as bytes starts with the same `prefix` bytes (`sharedNamePrefix`).
 */
export function nameKeysOfParts(bytes: Uint8Array, parts: readonly Pick<CompactPart, 'spans' | 'flags' | 'count'>[], prefix: number, keys: Float64Array): Float64Array {
  let table: Int16Array | undefined;
  for (let p = 0, offset = 0; p < parts.length; offset += parts[p]!.count, p++) {
    const { spans, flags, count } = parts[p]!;
    for (let u = 0; u < count; u++) {
      let at = spans[4 * u]!;
      if (at < 0 || spans[4 * u + 2]! < 0) {
        keys[offset + u] = KEPT_AS_STRING;
        continue;
      }
      at += prefix;
      const stop = spans[4 * u + 1]!;
      let key = 0;
      if ((flags[u]! & NAME_NOT_ASCII) === 0) {
        for (let j = 0; j < KEY_CHARS; j++, at++) {
          if (at >= stop) {
            key *= 96;
            continue;
          }
          const c = bytes[at]!;
          if (c < 0x20 || c > 0x7e) {
            key = NOT_KEYED;
            break;
          }
          key = key * 96 + lowerAscii(c) - 0x1f;
        }
      } else {
        table ??= folds();
        for (let j = 0; j < KEY_CHARS; j++) {
          if (at >= stop) {
            key *= 96;
            continue;
          }
          const c = foldedAt(bytes, at, table);
          at = foldedEnd;
          if (c < 0) {
            key = NOT_KEYED;
            break;
          }
          key = key * 96 + c - 0x1f;
        }
      }
      keys[offset + u] = key;
    }
  }
  return keys;
}

// Reused by every run (each thread has its own).
let keyScratch = new Float64Array(1024);
let unitScratch = new Int32Array(1024);

/**
 * Puts order[start, end) (units of equal totals) in `sortKey` order: one native sort of the name
 * keys (each x 2^13, plus the unit's place in the run, so all differ), then the full comparison
 * for units whose keys tie; without keys for all (or beyond 8,192 units), the full comparison.
 */
function sortRun(texts: UnitTexts, keys: Float64Array, order: Int32Array, start: number, end: number): void {
  const n = end - start;
  let keyed = n <= PLACES;
  if (keyed && keyScratch.length < n) {
    keyScratch = new Float64Array(2 * n);
    unitScratch = new Int32Array(2 * n);
  }
  const sorted = keyScratch.subarray(0, n);
  for (let i = 0; i < n && keyed; i++) {
    const key = keys[order[start + i]!]!;
    keyed = key >= 0;
    sorted[i] = key * PLACES + i;
  }
  if (!keyed) return sortByComparison(texts, order, start, end);
  const units = unitScratch;
  sorted.sort();
  for (let i = 0; i < n; i++) units[i] = order[start + (sorted[i]! % PLACES)]!;
  for (let i = 0; i < n; ) {
    const key = Math.floor(sorted[i]! / PLACES);
    let j = i + 1;
    while (j < n && Math.floor(sorted[j]! / PLACES) === key) j++;
    if (j - i > 1) sortByComparison(texts, units, i, j);
    i = j;
  }
  order.set(units.subarray(0, n), start);
}

/** Puts units[start, end) in `sortKey` order by comparing them: as bytes when all are ASCII, else by `sortKey` strings. */
function sortByComparison(texts: UnitTexts, units: Int32Array, start: number, end: number): void {
  let ascii = true;
  for (let i = start; i < end && ascii; i++) ascii = texts.isAscii(units[i]!);
  if (ascii) {
    const { bytes, spans } = texts;
    const run = Array.from(units.subarray(start, end));
    run.sort((a, b) => compareAsciiKeys(bytes, spans, a, b));
    units.set(run, start);
    return;
  }
  const run = Array.from(units.subarray(start, end), (u) => ({ u, key: sortKey(texts.name(u), texts.code(u)) }));
  run.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (let i = 0; i < run.length; i++) units[start + i] = run[i]!.u;
}

/** Whether every unit of order[start, end) has its name and code kept as byte offsets. */
function spanRun(keys: Float64Array, order: Int32Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (keys[order[i]!]! === KEPT_AS_STRING) return false;
  return true;
}

/**
 * Puts runs of units with equal totals in name order: runs[2r, 2r + 1] is [start, end) in `order`,
 * for each r that `take` gives, until it gives one past the last. Threads sharing `order` (in shared
 * memory) sort different runs; with `spansOnly`, runs with a name or code kept as a string (which
 * this thread may not have) are left to another (`sortStringRuns`). `keys`: `nameKeys`.
 */
export function sortRuns(texts: UnitTexts, keys: Float64Array, order: Int32Array, runs: Int32Array, take: () => number, spansOnly = false): void {
  for (let r = take(); 2 * r < runs.length; r = take()) {
    const start = runs[2 * r]!;
    const end = runs[2 * r + 1]!;
    if (spansOnly && !spanRun(keys, order, start, end)) continue;
    sortRun(texts, keys, order, start, end);
  }
}

/** The runs (of `runs`) that `sortRuns` with `spansOnly` leaves: sorted here. */
export function sortStringRuns(texts: UnitTexts, keys: Float64Array, order: Int32Array, runs: Int32Array): void {
  for (let r = 0; 2 * r < runs.length; r++) if (!spanRun(keys, order, runs[2 * r]!, runs[2 * r + 1]!)) sortRun(texts, keys, order, runs[2 * r]!, runs[2 * r + 1]!);
}

/**
 * Units by total, highest first, the rank at each position, and the runs of equal totals (pairs of
 * [start, end) in `order`), which are yet to be put in name order (`sortRuns`).
 */
function listingOrder(
  table: CompactTable,
  totals: Float64Array,
  maxScaled: number,
  ties: 'competition' | 'dense',
  columns: ColumnAllocator,
): { order: Int32Array; rankAt: Int32Array; runs: Int32Array } {
  const n = table.count;
  const order = columns.int32(n);
  const rankAt = columns.int32(n);
  const runs: number[] = [];
  const step = 10 ** (COMPACT_SCALE - table.decimals);
  const range = Math.floor(maxScaled / step) + 1;
  if (range <= COUNTING_RANGE) {
    // Totals are multiples of step: a counting sort, highest first, units in file order within a
    // value; a value's units share a rank.
    const ends = new Int32Array(range + 1);
    const bucket = new Int32Array(n);
    for (let u = 0; u < n; u++) ends[(bucket[u] = range - 1 - Math.round(totals[u]! / step)) + 1]!++;
    for (let b = 1; b <= range; b++) ends[b]! += ends[b - 1]!;
    for (let u = 0; u < n; u++) order[ends[bucket[u]!]!++] = u;
    for (let b = 0, start = 0, distinct = 0; b < range; start = ends[b++]!) {
      const end = ends[b]!;
      if (end === start) continue;
      if (end - start > 1) runs.push(start, end);
      rankAt.fill(ties === 'dense' ? ++distinct : start + 1, start, end);
    }
    return { order, rankAt, runs: Int32Array.from(runs) };
  }
  if ((maxScaled + 1) * n < Number.MAX_SAFE_INTEGER) {
    // One native sort of exact keys: (max - total) x n + unit.
    const keys = new Float64Array(n);
    for (let u = 0; u < n; u++) keys[u] = (maxScaled - totals[u]!) * n + u;
    keys.sort();
    for (let i = 0; i < n; i++) order[i] = keys[i]! % n;
  } else {
    const index = Array.from({ length: n }, (_, u) => u);
    index.sort((a, b) => totals[b]! - totals[a]! || a - b);
    order.set(index);
  }
  for (let start = 0, distinct = 0; start < n; ) {
    let end = start + 1;
    while (end < n && totals[order[end]!] === totals[order[start]!]) end++;
    if (end - start > 1) runs.push(start, end);
    rankAt.fill(ties === 'dense' ? ++distinct : start + 1, start, end);
    start = end;
  }
  return { order, rankAt, runs: Int32Array.from(runs) };
}

/**
 * Competition or dense ranks of a component's values (every `stride`-th from `offset`), which are
 * multiples of step up to `top`, by value / step: found by counting.
 */
function countingRanks(values: Float64Array | Int32Array, offset: number, stride: number, step: number, top: number, ties: 'competition' | 'dense'): Int32Array {
  const range = Math.round(top / step) + 1;
  const counts = new Int32Array(range);
  for (let at = offset; at < values.length; at += stride) counts[Math.round(values[at]! / step)]!++;
  let above = 0;
  let distinct = 0;
  for (let v = range - 1; v >= 0; v--) {
    const c = counts[v]!;
    if (c === 0) continue;
    counts[v] = ties === 'competition' ? above + 1 : ++distinct;
    above += c;
  }
  return counts;
}

/** `rankCompact` on one thread. */
export function rankCompact(
  table: CompactTable,
  scheme: Scheme,
  options: RankOptions,
  files: readonly string[],
  year?: string,
): { ranking: CompactRanking } | { fallback: string } {
  const ranked = rankCompactUnsorted(table, scheme, options, files, year);
  if ('fallback' in ranked) return ranked;
  let r = 0;
  sortRuns(table.texts, nameKeys(table), ranked.ranking.order, ranked.runs, () => r++);
  const componentRanks = componentRanksOf(table, scheme.components.map((c) => toScaled(c.max)), options.ties as 'competition' | 'dense');
  return { ranking: { ...ranked.ranking, componentRanks } };
}

/** Each component's ranks (see `ComponentRanks`), from the table's points; `maxima` x 10^6. */
export function componentRanksOf(
  table: Pick<CompactTable, 'points' | 'components' | 'count' | 'decimals'>,
  maxima: readonly number[],
  ties: 'competition' | 'dense',
): ComponentRanks[] {
  const { points, components, count } = table;
  const step = 10 ** (COMPACT_SCALE - table.decimals);
  return maxima.map((top, k): ComponentRanks => {
    if (top / step < COUNTING_RANGE) return { byValue: countingRanks(points, k, components, step, top, ties), step };
    const values = new Float64Array(count);
    for (let u = 0; u < count; u++) values[u] = points[u * components + k]!;
    return { byUnit: Int32Array.from(ranksFromKeys(values, ties)) };
  });
}

/**
 * The ranking without its component ranks (`componentRanksOf`, which another thread may compute
 * meanwhile), and with the units of each of `runs` (equal totals) still in file order, not name
 * order: `sortRuns` finishes it, on one thread or several. With `columns` in shared memory, `order`
 * is too.
 */
export function rankCompactUnsorted(
  table: CompactTable,
  scheme: Scheme,
  options: RankOptions,
  files: readonly string[],
  year?: string,
  columns: ColumnAllocator = plainColumns,
): { ranking: Omit<CompactRanking, 'componentRanks'>; runs: Int32Array } | { fallback: string } {
  if (options.rankPrecision !== undefined) return { fallback: '--rank-precision' };
  if (options.ties === 'ordinal') return { fallback: 'ordinal ties' };
  const ties = options.ties;
  const n = table.count;
  const max = scheme.components.reduce((acc, c) => add(acc, c.max), ZERO);
  const maxScaled = toScaled(max);
  if (!(maxScaled > 0)) return { fallback: 'no maximum' };
  const p = scheme.precision;
  // Every rounding below works in safe integers: (points x 100) x 10^precision stays below 2^53.
  if (p > 6 || maxScaled * 100 * 10 ** p > Number.MAX_SAFE_INTEGER) return { fallback: 'numbers too large for safe integers' };

  const totals = table.totals;

  // Bands: the exact band from the total; the band of the shown (rounded) index must agree, else the
  // general path warns (band-at-threshold).
  const thresholds = scheme.bands.map((b) => {
    const min = toRatio(b.min);
    return {
      total: Number(ceilDiv(min.num * BigInt(maxScaled), 100n * min.den)),
      shown: Number(ceilDiv(min.num * 10n ** BigInt(p), min.den)),
    };
  });
  const bandOf = new Int8Array(n).fill(-1);
  if (thresholds.length > 0) {
    // The shown index is within half a unit of its last decimal of the exact one: only a total that
    // close to a threshold (with room to spare) can have its shown index in another band.
    const near = Math.ceil((maxScaled / 100) * 0.5 * 10 ** -p) + 2;
    for (let u = 0; u < n; u++) {
      const t = totals[u]!;
      let band = -1;
      let close = false;
      for (let b = 0; b < thresholds.length; b++) {
        if (band < 0 && t >= thresholds[b]!.total) band = b;
        if (Math.abs(t - thresholds[b]!.total) <= near) close = true;
      }
      if (close) {
        const shown = roundSafe(t * 100, maxScaled, p)!;
        let shownBand = -1;
        for (let b = 0; b < thresholds.length && shownBand < 0; b++) if (shown >= thresholds[b]!.shown) shownBand = b;
        if (band !== shownBand) return { fallback: 'an index at a band threshold' };
      }
      bandOf[u] = band;
    }
  }

  const { order, rankAt, runs } = listingOrder(table, totals, maxScaled, ties, columns);

  const index = (scaledTotal: bigint): Ratio => percent({ units: scaledTotal, scale: COMPACT_SCALE }, max);
  const ascending = (i: number) => BigInt(totals[order[n - 1 - i]!]!);
  let plain = 0;
  for (let u = 0; u < n; u++) plain += totals[u]!;
  let sum = BigInt(Number.isSafeInteger(plain) ? plain : 0);
  if (!Number.isSafeInteger(plain)) for (let u = 0; u < n; u++) sum += BigInt(totals[u]!);
  const mid = Math.floor(n / 2);
  const stats: Stats = {
    count: n,
    mean: scaleRatio(index(sum), 1n, BigInt(n)),
    median: n % 2 === 1 ? index(ascending(mid)) : scaleRatio(index(ascending(mid - 1) + ascending(mid)), 1n, 2n),
    min: index(ascending(0)),
    max: index(ascending(n - 1)),
  };

  const counts = new Array<number>(scheme.bands.length + 1).fill(0);
  for (let u = 0; u < n; u++) counts[bandOf[u]! < 0 ? scheme.bands.length : bandOf[u]!]!++;
  const none = counts[scheme.bands.length]!;
  const bands: BandCount[] = scheme.bands.map((band, b) => ({ band, count: counts[b]! }));
  if (scheme.bands.length > 0 && none > 0) bands.push({ count: none });

  return {
    ranking: {
      scheme,
      options,
      files,
      ...(year !== undefined ? { year } : {}),
      table,
      max,
      order,
      rankAt,
      bandOf,
      stats,
      bands,
    },
    runs,
  };
}
