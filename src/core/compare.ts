/**
 * Year-over-year comparison of two rankings. `change.rank` = previous rank - current rank (+7 = up
 * seven places, "tăng 7 bậc"); `change.index` is in percentage points. Ranks are compared only within
 * the same block. New units have no previous values (never 0); merged units have none either unless
 * a merge rule says how to combine their predecessors.
 */
import { addRatios, compareRatios, scaleRatio, subRatios, toRatio, type Ratio } from './decimal.js';
import { matchUnits, type CrosswalkEntry } from './match.js';
import { ProblemLog, type Problem } from './problem.js';
import { assignRanks } from './rank.js';
import { bandFor, byNameThenCode, type Ranking, type UnitResult } from './ranking.js';
import { nameKey, strippedNameKey } from './text.js';
import type { Band } from '../scheme/schema.js';

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
      readonly previousYear: string;
      readonly currentYear: string;
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
    : `the units differ (${r.previousCount} in ${r.previousYear}, ${r.currentCount} in ${r.currentYear}: ${r.new} new, ${r.merged} merged, ${r.dropped} no longer present)`;
}

export interface Comparison {
  readonly current: Ranking;
  readonly previous: Ranking;
  /** Current units in the current listing order. */
  readonly units: readonly UnitChange[];
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

function previousOf(u: UnitResult): PreviousValues {
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

const sameBlock = (a: string | undefined, b: string | undefined) => (a === undefined ? '' : nameKey(a)) === (b === undefined ? '' : nameKey(b));

export function compareRankings(current: Ranking, previous: Ranking, options: CompareOptions = {}, log = new ProblemLog()): Comparison {
  const labels = options.labels ?? {
    previous: previous.year ?? 'the previous year',
    current: current.year ?? 'this year',
  };
  const prevValues = new Map(previous.units.map((u) => [u, previousOf(u)]));
  const { predecessors, dropped } = matchUnits(previous.units, current.units, options.crosswalk ?? [], log, labels);
  log.throwIfErrors();

  const rule = options.mergeRule;
  const reasons: Reason[] = [];
  if (current.scheme.id !== previous.scheme.id) reasons.push({ kind: 'schemes', previous: previous.scheme.id, current: current.scheme.id });

  // Previous values per current unit.
  const prevFor = new Map<UnitResult, PreviousValues | undefined>();
  const statusFor = new Map<UnitResult, ChangeStatus>();
  for (const u of current.units) {
    const ps = (predecessors.get(u) ?? []).map((p) => prevValues.get(p)!);
    if (ps.length === 0) {
      statusFor.set(u, 'new');
    } else if (ps.length === 1) {
      // "Hải Phòng" -> "Thành phố Hải Phòng" is the same name written with its prefix, not a rename.
      statusFor.set(u, strippedNameKey(ps[0]!.name) === strippedNameKey(u.name) ? 'same' : 'renamed');
      prevFor.set(u, ps[0]);
    } else {
      statusFor.set(u, 'merged');
      if (rule) prevFor.set(u, { name: ps.map((p) => p.name).join(' + '), of: 0, ...combine(ps, rule, previous) });
    }
  }

  // With a merge rule the previous year is re-ranked in this year's geography, so ranks compare like with like.
  if (rule) {
    const withPrev = current.units.filter((u) => prevFor.get(u) !== undefined && u.ranked);
    const blocks = new Set(withPrev.map((u) => u.block));
    for (const block of blocks) {
      const inBlock = withPrev.filter((u) => u.block === block);
      for (const { item, rank } of assignRanks(inBlock, (u) => prevFor.get(u)!.index, current.options.ties, byNameThenCode)) {
        const p = prevFor.get(item)!;
        prevFor.set(item, { ...p, rank, of: inBlock.length });
      }
    }
  }

  const units: UnitChange[] = current.units.map((u) => {
    const status = statusFor.get(u)!;
    const ps = (predecessors.get(u) ?? []).map((p) => prevValues.get(p)!);
    const prev = prevFor.get(u);
    let note: string | undefined;
    let rankChange: number | undefined;
    if (status === 'merged' && !rule) note = `merged from ${ps.map((p) => p.name).join(', ')}; no change without --merge-rule`;
    else if (status === 'merged') note = `merged from ${ps.map((p) => p.name).join(', ')}; previous values by --merge-rule ${rule}, previous year re-ranked`;
    else if (status === 'renamed') note = `previously ${ps[0]!.name}`;
    if (prev && u.rank !== undefined && prev.rank !== undefined) {
      const blockOk = status === 'merged' || rule !== undefined || sameBlock(prev.block, u.block);
      if (blockOk) rankChange = prev.rank - u.rank;
      else note = `block changed (${prev.block ?? '-'} -> ${u.block ?? '-'}); ranks are not compared`;
    }
    return {
      unit: u,
      status,
      ...(prev ? { previous: prev } : {}),
      predecessors: status === 'merged' || status === 'renamed' ? ps : [],
      ...(rankChange !== undefined ? { rankChange } : {}),
      ...(prev ? { indexChange: subRatios(u.index, prev.index) } : {}),
      ...(note ? { note } : {}),
    };
  });

  const droppedValues = dropped.map((p) => prevValues.get(p)!);
  const counts: ChangeCounts = {
    up: units.filter((c) => (c.rankChange ?? 0) > 0).length,
    down: units.filter((c) => (c.rankChange ?? 0) < 0).length,
    unchanged: units.filter((c) => c.rankChange === 0).length,
    new: units.filter((c) => c.status === 'new').length,
    merged: units.filter((c) => c.status === 'merged').length,
    dropped: droppedValues.length,
    noRankChange: units.filter((c) => c.rankChange === undefined).length,
  };
  const universeDiffers = counts.new > 0 || counts.dropped > 0 || counts.merged > 0;
  if (universeDiffers) {
    reasons.push({
      kind: 'units',
      previousYear: labels.previous,
      currentYear: labels.current,
      previousCount: previous.units.length,
      currentCount: current.units.length,
      new: counts.new,
      merged: counts.merged,
      dropped: counts.dropped,
    });
  }
  for (const reason of reasons) log.warn('not-comparable', `rank changes may mislead: ${reasonText(reason)}`);
  const meanChange = current.stats && previous.stats ? subRatios(current.stats.mean, previous.stats.mean) : undefined;
  return {
    current,
    previous,
    units,
    dropped: droppedValues,
    comparable: reasons.length === 0,
    reasons,
    ...(rule ? { mergeRule: rule } : {}),
    counts,
    ...(meanChange ? { meanChange } : {}),
    warnings: log.warnings,
  };
}

/** Biggest rise first; equal moves by index change; units without a rank change last. */
export function byMovement(a: UnitChange, b: UnitChange): number {
  const ra = a.rankChange;
  const rb = b.rankChange;
  if (ra === undefined || rb === undefined) return ra === undefined && rb === undefined ? byNameThenCode(a.unit, b.unit) : ra === undefined ? 1 : -1;
  return rb - ra || compareRatios(b.indexChange!, a.indexChange!) || byNameThenCode(a.unit, b.unit);
}

export interface Movement {
  readonly sorted: UnitChange[];
  readonly risers: UnitChange[];
  readonly fallers: UnitChange[];
}

export function movement(c: Comparison, top?: number): Movement {
  const sorted = [...c.units].sort(byMovement);
  const risers = sorted.filter((u) => (u.rankChange ?? 0) > 0).slice(0, top ?? Infinity);
  const fallers = sorted
    .filter((u) => (u.rankChange ?? 0) < 0)
    .reverse()
    .slice(0, top ?? Infinity);
  return { sorted, risers, fallers };
}
