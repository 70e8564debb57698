/**
 * Year-over-year comparison of two rankings. `change.rank` = previous rank - current rank (+7 = up
 * seven places, "tăng 7 bậc"); `change.index` is in percentage points. Ranks are compared only within
 * the same block. New units have no previous values (never 0); merged units have none either unless
 * a merge rule says how to combine their predecessors.
 *
 * The comparison is kept as columns over the current units; `units` and `change(i)` give a unit's
 * change as an object when a renderer asks for it.
 */
import { addRatios, compareRatios, scaleRatio, subRatios, toRatio, type Ratio } from './decimal.js';
import { matchUnits, type CrosswalkEntry } from './match.js';
import { ProblemLog, type Problem } from './problem.js';
import { assignRanks } from './rank.js';
import { bandFor } from './bands.js';
import { byNameThenCode, type Ranking, type UnitResult } from './ranking.js';
import { nameKey, strippedNameKey } from './text.js';
import type { Band } from './scheme.js';
import { deepestNodes } from './tree.js';

export type MergeRule = 'mean' | 'max' | 'sum';
export const MERGE_RULES: readonly MergeRule[] = ['mean', 'max', 'sum'];

export interface PreviousValues {
  readonly name: string;
  readonly code?: string;
  readonly block?: string;
  readonly rank?: number;
  readonly of: number;
  /** Exact; a fraction only when predecessors are combined by the mean rule. */
  readonly total: Ratio;
  readonly max: Ratio;
  readonly index: Ratio;
  readonly band?: Band;
}

export type ChangeStatus = 'same' | 'renamed' | 'new' | 'merged';
const STATUSES: readonly ChangeStatus[] = ['same', 'renamed', 'new', 'merged'];

export interface UnitChange {
  readonly unit: UnitResult;
  readonly status: ChangeStatus;
  /** Previous values: the unit's own, or its predecessors' combined by the merge rule. */
  readonly previous?: PreviousValues;
  /** For merged (and renamed) units: the previous units it continues. */
  readonly predecessors: readonly PreviousValues[];
  /** previous rank - current rank; undefined when not comparable (new, merged, other block, not ranked). */
  readonly rankChange?: number;
  /** current index - previous index, in percentage points. */
  readonly indexChange?: Ratio;
  /** Why a change is missing or how it was computed. */
  readonly note?: string;
  /**
   * With a tree scheme (fields under parts), how many of the fields and criteria the data gives rose,
   * fell or stayed, by % of their maximum, against the unit's own previous year (not merged units).
   */
  readonly fields?: { readonly up: number; readonly down: number; readonly same: number };
}

export interface ChangeCounts {
  readonly up: number;
  readonly down: number;
  readonly unchanged: number;
  readonly new: number;
  readonly merged: number;
  readonly dropped: number;
  readonly noRankChange: number;
}

/** Why rank changes may mislead. */
export type Reason =
  | { readonly kind: 'schemes'; readonly previous: string; readonly current: string }
  | {
      readonly kind: 'units';
      /** The years, when known. */
      readonly previousYear?: string | undefined;
      readonly currentYear?: string | undefined;
      readonly previousCount: number;
      readonly currentCount: number;
      readonly new: number;
      readonly merged: number;
      readonly dropped: number;
    };

/** The reason in English (messages and JSON). */
export function reasonText(r: Reason): string {
  return r.kind === 'schemes'
    ? `the years use different schemes (${r.previous} and ${r.current})`
    : `the units differ (${r.previousCount} in ${r.previousYear ?? 'the previous year'}, ${r.currentCount} in ${r.currentYear ?? 'this year'}: ${r.new} new, ${r.merged} merged, ${r.dropped} no longer present)`;
}

export interface Comparison {
  readonly current: Ranking;
  readonly previous: Ranking;
  /** Every current unit's change, in the current listing order. */
  readonly units: readonly UnitChange[];
  /** The change of the current unit at table position `i`. */
  change(i: number): UnitChange;
  /** Its index change alone (percentage points), when it has previous values. */
  indexChange(i: number): Ratio | undefined;
  /** By current unit: previous rank - current rank, NaN where not comparable. */
  readonly rankChange: Float64Array;
  /**
   * The previous year's table position of a unit whose change is plain: the same unit (no rename,
   * no merge, no merge rule, no block change, no fields under parts), so its previous values are
   * that unit's own, read from the previous year's columns. -1 otherwise (ask `change(i)`).
   */
  plainPrevious(i: number): number;
  /**
   * By current unit: 1 where last year's unit (`plainPrevious`) has the same name, code and block,
   * text for text, so that writers can print this year's strings again, just read, instead of
   * fetching last year's from wherever they lie in memory.
   */
  readonly sameIdentity: Uint8Array;
  readonly dropped: readonly PreviousValues[];
  readonly comparable: boolean;
  /** Why the comparison is not comparable (empty when it is). */
  readonly reasons: readonly Reason[];
  readonly mergeRule?: MergeRule;
  readonly counts: ChangeCounts;
  /** Change of the mean index (percentage points), over all units of each year. */
  readonly meanChange?: Ratio;
  readonly warnings: readonly Problem[];
}

export interface CompareOptions {
  readonly crosswalk?: readonly CrosswalkEntry[];
  readonly mergeRule?: MergeRule;
  /** How the years are called in messages ("2022"). */
  readonly labels?: { previous: string; current: string };
}

/** The deepest nodes of the current year's data that last year's has too: [current node, previous node] positions. */
function fieldPairs(current: Ranking, previous: Ranking): [number, number][] {
  const before = new Map(deepestNodes(previous.scheme, previous.table.given).map((n) => [n.id, n.index]));
  return deepestNodes(current.scheme, current.table.given).flatMap((n) => {
    const p = before.get(n.id);
    return p === undefined ? [] : [[n.index, p] as [number, number]];
  });
}

/** How many fields rose, fell or stayed, by their % of maximum. */
function fieldMoves(now: UnitResult, then: UnitResult, pairs: readonly [number, number][]): { up: number; down: number; same: number } {
  let up = 0;
  let down = 0;
  let same = 0;
  for (const [c, p] of pairs) {
    const a = now.node(c);
    const b = then.node(p);
    if (!a.index || !b.index) continue;
    const d = compareRatios(a.index, b.index);
    if (d > 0) up++;
    else if (d < 0) down++;
    else same++;
  }
  return { up, down, same };
}

function previousOf(r: Ranking, p: number): PreviousValues {
  const u = r.unit(p);
  return {
    name: u.name,
    ...(u.code !== undefined ? { code: u.code } : {}),
    ...(u.block !== undefined ? { block: u.block } : {}),
    ...(u.rank !== undefined ? { rank: u.rank } : {}),
    of: u.rankedCount,
    total: toRatio(u.total),
    max: toRatio(u.max),
    index: u.index,
    ...(u.band ? { band: u.band } : {}),
  };
}

function combine(ps: readonly PreviousValues[], rule: MergeRule, ranking: Ranking): Omit<PreviousValues, 'name' | 'of' | 'rank'> {
  const total = ps.map((p) => p.total).reduce(addRatios);
  const max = ps.map((p) => p.max).reduce(addRatios);
  let values: { total: Ratio; max: Ratio; index: Ratio };
  if (rule === 'max') {
    values = [...ps].sort((a, b) => compareRatios(b.index, a.index))[0]!;
  } else if (rule === 'sum') {
    // Points and maxima add up; the index is the combined points over the combined maximum.
    values = { total, max, index: scaleRatio({ num: total.num * max.den, den: total.den * max.num }, 100n, 1n) };
  } else {
    const n = BigInt(ps.length);
    values = { total: scaleRatio(total, 1n, n), max: scaleRatio(max, 1n, n), index: scaleRatio(ps.map((p) => p.index).reduce(addRatios), 1n, n) };
  }
  const band = bandFor(ranking.scheme, values.index);
  return { ...values, ...(band ? { band } : {}) };
}

const sameBlock = (a: string | undefined, b: string | undefined) => a === b || (a === undefined ? '' : nameKey(a)) === (b === undefined ? '' : nameKey(b));

export function compareRankings(current: Ranking, previous: Ranking, options: CompareOptions = {}, log = new ProblemLog()): Comparison {
  const labels = options.labels ?? {
    previous: previous.year ?? 'the previous year',
    current: current.year ?? 'this year',
  };
  const { first, merged: mergedUnits, predecessors, dropped } = matchUnits(previous, current, options.crosswalk ?? [], log, labels);
  log.throwIfErrors();

  const rule = options.mergeRule;
  const reasons: Reason[] = [];
  if (current.scheme.id !== previous.scheme.id) reasons.push({ kind: 'schemes', previous: previous.scheme.id, current: current.scheme.id });

  const size = current.table.size;
  const status = new Uint8Array(size);
  const sameIdentity = new Uint8Array(size);
  // With a merge rule, merged units' combined previous values; and everyone's previous rank re-ranked.
  const combined = new Map<number, PreviousValues>();
  const reranked = new Map<number, { rank: number; of: number }>();
  const currentReranked = new Map<number, number>();
  // Going through the units in the order their names were made (see `Ranking.readOrder`).
  for (let n = 0; n < size; n++) {
    const i = current.readOrder[n]!;
    if (first[i]! < 0) status[i] = 2;
    else if (mergedUnits.has(i)) status[i] = 3;
    else {
      // "Hải Phòng" -> "Thành phố Hải Phòng" is the same name written with its prefix, not a rename.
      const p = first[i]!;
      const before = previous.table.names[p]!;
      const now = current.table.names[i]!;
      status[i] = before === now || strippedNameKey(before) === strippedNameKey(now) ? 0 : 1;
      if (before === now && previous.table.codes[p] === current.table.codes[i] && previous.table.blocks[p] === current.table.blocks[i]) sameIdentity[i] = 1;
    }
  }
  if (rule) {
    for (const i of [...mergedUnits.keys()].sort((a, b) => a - b)) {
      const values = mergedUnits.get(i)!.map((p) => previousOf(previous, p));
      combined.set(i, { name: values.map((p) => p.name).join(' + '), of: 0, ...combine(values, rule, previous) });
    }
  }
  const hasPrevious = (i: number) => status[i] === 0 || status[i] === 1 || combined.has(i);
  const previousIndex = (i: number): Ratio => combined.get(i)?.index ?? previous.index(first[i]!);

  // With a merge rule the previous year is re-ranked in this year's geography, so ranks compare like with like.
  if (rule) {
    const withPrev = Array.from(current.order).filter((i) => hasPrevious(i) && current.table.ranked[i] === 1);
    const blocks = new Set(withPrev.map((i) => current.table.blocks[i]));
    for (const block of blocks) {
      const inBlock = withPrev.filter((i) => current.table.blocks[i] === block).map((i) => current.unit(i));
      for (const { item, rank } of assignRanks(inBlock, (u) => previousIndex(u.at), current.options.ties, byNameThenCode)) {
        reranked.set(item.at, { rank, of: inBlock.length });
      }
      // And this year among the same units: a change compares ranks over one set (new units left out).
      for (const { item, rank } of assignRanks(inBlock, (u) => u.rankValue, current.options.ties, byNameThenCode)) currentReranked.set(item.at, rank);
    }
  }

  const previousRank = (i: number): number | undefined => {
    if (rule) return reranked.get(i)?.rank;
    const r = previous.rank[first[i]!]!;
    return r > 0 ? r : undefined;
  };
  const previousBlock = (i: number): string | undefined => (combined.has(i) ? undefined : previous.table.blocks[first[i]!]);

  const rankChange = new Float64Array(size).fill(NaN);
  const blockChanged = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    if (!hasPrevious(i)) continue;
    const now = rule ? (currentReranked.get(i) ?? 0) : current.rank[i]!;
    const before = previousRank(i);
    if (now > 0 && before !== undefined) {
      if (status[i] === 3 || rule !== undefined || sameBlock(previousBlock(i), current.table.blocks[i])) rankChange[i] = before - now;
      else blockChanged[i] = 1;
    }
  }

  const previousValues = (i: number): PreviousValues | undefined => {
    if (!hasPrevious(i)) return undefined;
    const base = combined.get(i) ?? previousOf(previous, first[i]!);
    const r = reranked.get(i);
    return r ? { ...base, rank: r.rank, of: r.of } : base;
  };

  // The fields and criteria both years give, by id (none for a flat scheme).
  const fields = current.scheme.depth > 0 ? fieldPairs(current, previous) : undefined;

  // Made when asked for, not kept: a renderer of a large comparison reads each unit's change once.
  const change = (i: number): UnitChange => {
    const u = current.unit(i);
    const s = STATUSES[status[i]!]!;
    const ps = predecessors(i).map((p) => previousOf(previous, p));
    const prev = previousValues(i);
    let note: string | undefined;
    if (s === 'merged' && !rule) note = `merged from ${ps.map((p) => p.name).join(', ')}; no change without --merge-rule`;
    else if (s === 'merged') note = `merged from ${ps.map((p) => p.name).join(', ')}; previous values by --merge-rule ${rule}, previous year re-ranked`;
    else if (s === 'renamed') note = `previously ${ps[0]!.name}`;
    if (blockChanged[i]) note = `block changed (${prev!.block ?? '-'} -> ${u.block ?? '-'}); ranks are not compared`;
    const rc = rankChange[i]!;
    const f = fields && ps.length === 1 && s !== 'merged' ? fieldMoves(u, previous.unit(first[i]!), fields) : undefined;
    return {
      ...(f ? { fields: f } : {}),
      unit: u,
      status: s,
      ...(prev ? { previous: prev } : {}),
      predecessors: s === 'merged' || s === 'renamed' ? ps : [],
      ...(!Number.isNaN(rc) ? { rankChange: rc } : {}),
      ...(prev ? { indexChange: subRatios(u.index, prev.index) } : {}),
      ...(note ? { note } : {}),
    };
  };

  let up = 0;
  let down = 0;
  let unchanged = 0;
  let fresh = 0;
  let merged = 0;
  for (let i = 0; i < size; i++) {
    const rc = rankChange[i]!;
    if (rc > 0) up++;
    else if (rc < 0) down++;
    else if (rc === 0) unchanged++;
    if (status[i] === 2) fresh++;
    if (status[i] === 3) merged++;
  }
  const droppedValues = dropped.map((p) => previousOf(previous, p));
  const counts: ChangeCounts = {
    up,
    down,
    unchanged,
    new: fresh,
    merged,
    dropped: droppedValues.length,
    noRankChange: size - up - down - unchanged,
  };
  if (counts.new > 0 || counts.dropped > 0 || counts.merged > 0) {
    reasons.push({
      kind: 'units',
      previousYear: previous.year,
      currentYear: current.year,
      previousCount: previous.table.size,
      currentCount: size,
      new: counts.new,
      merged: counts.merged,
      dropped: counts.dropped,
    });
  }
  for (const reason of reasons) log.warn('not-comparable', `rank changes may mislead: ${reasonText(reason)}`);
  const meanChange = current.stats && previous.stats ? subRatios(current.stats.mean, previous.stats.mean) : undefined;
  let all: UnitChange[] | undefined;
  return {
    current,
    previous,
    get units() {
      return (all ??= Array.from(current.order, (i) => change(i)));
    },
    change,
    sameIdentity,
    plainPrevious: (i) => (status[i] === 0 && !rule && !blockChanged[i] && !fields ? first[i]! : -1),
    indexChange: (i) => (hasPrevious(i) ? subRatios(current.index(i), previousIndex(i)) : undefined),
    rankChange,
    dropped: droppedValues,
    comparable: reasons.length === 0,
    reasons,
    ...(rule ? { mergeRule: rule } : {}),
    counts,
    ...(meanChange ? { meanChange } : {}),
    warnings: log.warnings,
  };
}
