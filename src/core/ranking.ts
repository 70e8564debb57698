/**
 * Scoring and ranking of a validated table: totals, applicable maxima, index, band, ranks within
 * blocks, per-component results and summary statistics. Pure: no I/O.
 */
import {
  add,
  compare,
  compareRatios,
  format,
  formatRatio,
  orderKey,
  percent,
  roundRatio,
  sub,
  toRatio,
  ZERO,
  type Decimal,
  type Ratio,
} from './decimal.js';
import type { Problem } from './problem.js';
import { foldDiacritics } from './text.js';
import { ProblemLog } from './problem.js';
import { assignRanks, ranksFromKeys, ranksOf, type TieRule } from './rank.js';
import { stats, type Stats } from './summary.js';
import type { Band, Scheme } from '../scheme/schema.js';
import type { CellRef, UnitRow, UnitTable } from '../input/table.js';

export interface RankOptions {
  readonly ties: TieRule;
  /** Rank (and band) on the index rounded to this many decimals instead of the exact value. */
  readonly rankPrecision?: number;
}

export interface ComponentResult {
  readonly id: string;
  readonly applicable: boolean;
  readonly points?: Decimal;
  readonly max?: Decimal;
  /** points / max x 100 */
  readonly index?: Ratio;
  /** Rank among the ranked units of the block for which the component applies. */
  rank?: number;
}

export interface UnitResult {
  readonly name: string;
  readonly code?: string;
  readonly block?: string;
  readonly ranked: boolean;
  readonly year?: string;
  readonly total: Decimal;
  /** Sum of the maxima of the components that apply to this unit. */
  readonly max: Decimal;
  /** total / max x 100, exact. */
  readonly index: Ratio;
  /** The value ranks and bands are decided on: the exact index, or the rounded one. */
  readonly rankValue: Ratio;
  readonly band?: Band;
  /** Undefined for units that are assessed but not ranked. */
  rank?: number;
  /** Number of ranked units in the unit's block ("6/13"). */
  rankedCount: number;
  readonly components: readonly ComponentResult[];
  readonly origin: CellRef;
  /** Orders units with equal values (see `sortKey`). */
  readonly sortKey: string;
}

export interface BandCount {
  readonly band?: Band;
  readonly count: number;
}

export interface BlockResult {
  /** Undefined when the input has no block column. */
  readonly name?: string;
  readonly units: readonly UnitResult[];
  readonly stats?: Stats;
  readonly bands: readonly BandCount[];
}

export interface Ranking {
  readonly scheme: Scheme;
  readonly options: RankOptions;
  readonly files: readonly string[];
  readonly year?: string;
  /** Every unit in listing order: block by block, ranked units by rank, then unranked ones. */
  readonly units: readonly UnitResult[];
  readonly blocks: readonly BlockResult[];
  readonly stats?: Stats;
  readonly bands: readonly BandCount[];
  readonly warnings: readonly Problem[];
}

const TOTAL_TOLERANCE: Decimal = { units: 1n, scale: 2 };

/**
 * An applicable component's result. Its index (points / max x 100) is computed when asked for rather
 * than stored: a million units x 8 components would otherwise hold 24 million extra objects.
 */
class ScoredComponent implements ComponentResult {
  readonly applicable = true;
  rank?: number;
  constructor(
    readonly id: string,
    readonly points: Decimal,
    readonly max: Decimal,
  ) {}

  get index(): Ratio {
    return percent(this.points, this.max);
  }
}

/**
 * The key that orders units with equal values: the name without diacritics (so "Đức" sorts with "Duc"),
 * then the exact name, then the code. Computed once per unit; comparing it is a plain string comparison.
 */
export function sortKey(name: string, code: string | undefined): string {
  return `${foldDiacritics(name)}\u0001${name}\u0001${code ?? ''}`;
}

/** Listing order among equal values (see `sortKey`). Independent of input order. */
export function byNameThenCode(a: { sortKey: string }, b: { sortKey: string }): number {
  return a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0;
}

const thresholds = new WeakMap<Scheme, { band: Band; min: Ratio; f: number }[]>();

/** The scheme's band thresholds as fractions (and doubles), computed once per scheme. */
function bandThresholds(scheme: Scheme) {
  let t = thresholds.get(scheme);
  if (!t) {
    t = scheme.bands.map((band) => {
      const min = toRatio(band.min);
      return { band, min, f: Number(min.num) / Number(min.den) };
    });
    thresholds.set(scheme, t);
  }
  return t;
}

export function bandFor(scheme: Scheme, value: Ratio): Band | undefined {
  return bandThresholds(scheme).find((b) => compareRatios(value, b.min) >= 0)?.band;
}

/** Whether rounding `value` to `places` decimals could move it across a band threshold. */
function nearThreshold(scheme: Scheme, value: Ratio, places: number): boolean {
  const v = Number(value.num) / Number(value.den);
  const halfStep = 0.5 * 10 ** -places;
  // Generous margin: exactness is settled by the exact check that follows when this says yes.
  return bandThresholds(scheme).some((b) => Math.abs(v - b.f) <= halfStep * 1.01 + 1e-9 * Math.abs(b.f));
}

const fullMaxima = new WeakMap<Scheme, Decimal>();

/** The sum of every component's maximum: the maximum of a unit to which all apply (most units). */
function fullMax(scheme: Scheme): Decimal {
  let max = fullMaxima.get(scheme);
  if (!max) fullMaxima.set(scheme, (max = scheme.components.reduce((acc, c) => add(acc, c.max), ZERO)));
  return max;
}

function scoreUnit(row: UnitRow, scheme: Scheme, options: RankOptions, log: ProblemLog): UnitResult | undefined {
  let total = ZERO;
  let applicable = 0;
  const components: ComponentResult[] = scheme.components.map((c, i) => {
    const points = row.scores[i];
    if (!points) return { id: c.id, applicable: false };
    total = add(total, points);
    applicable++;
    return new ScoredComponent(c.id, points, c.max);
  });
  let max = applicable === scheme.components.length ? fullMax(scheme) : ZERO;
  if (applicable < scheme.components.length) for (const c of components) if (c.applicable) max = add(max, c.max!);
  if (max.units === 0n) {
    log.error('no-applicable-component', `${row.name}: every component is marked not applicable, so there is no maximum to divide by`, row.origin);
    return undefined;
  }
  for (const declared of row.declaredTotals) {
    const partial = declared.components.reduce((acc, i) => {
      const points = row.scores[i];
      return points ? add(acc, points) : acc;
    }, ZERO);
    const diff = sub(declared.value, partial);
    const abs = diff.units < 0n ? { units: -diff.units, scale: diff.scale } : diff;
    if (compare(abs, TOTAL_TOLERANCE) > 0) {
      log.warn(
        'total-mismatch',
        `${row.name}: the declared total ${format(declared.value)} differs from the sum of the components, ${format(partial)}, by ${format(abs)}`,
        declared.at,
      );
    }
  }
  const index = percent(total, max);
  const rankValue = options.rankPrecision === undefined ? index : toRatio(roundRatio(index, options.rankPrecision));
  const band = bandFor(scheme, rankValue);
  if (options.rankPrecision === undefined && scheme.bands.length > 0 && nearThreshold(scheme, index, scheme.precision)) {
    const shown = toRatio(roundRatio(index, scheme.precision));
    const shownBand = bandFor(scheme, shown);
    if (shownBand !== band) {
      log.warn(
        'band-at-threshold',
        `${row.name}: the index ${formatRatio(index, scheme.precision)} is shown rounded, but the exact value ${formatRatio(index, scheme.precision + 4)} is in ${band?.label.en ?? 'no band'}, not ${shownBand?.label.en ?? 'no band'}`,
        { ...row.origin, hint: `pass --rank-precision ${scheme.precision} to rank and band on the rounded value` },
      );
    }
  }
  return {
    name: row.name,
    ...(row.code !== undefined ? { code: row.code } : {}),
    ...(row.block !== undefined ? { block: row.block } : {}),
    ranked: row.ranked,
    ...(row.year !== undefined ? { year: row.year } : {}),
    total,
    max,
    index,
    rankValue,
    ...(band ? { band } : {}),
    components,
    origin: row.origin,
    sortKey: sortKey(row.name, row.code),
    rankedCount: 0,
  };
}

function countBands(scheme: Scheme, units: readonly UnitResult[]): BandCount[] {
  const counts: BandCount[] = scheme.bands.map((band) => ({ band, count: units.filter((u) => u.band === band).length }));
  const none = units.filter((u) => !u.band).length;
  return scheme.bands.length > 0 && none > 0 ? [...counts, { count: none }] : counts;
}

function pointKeys(units: readonly UnitResult[], component: number): Float64Array | undefined {
  const keys = new Float64Array(units.length);
  for (let k = 0; k < units.length; k++) {
    const key = orderKey(units[k]!.components[component]!.points!);
    if (key === undefined) return undefined;
    keys[k] = key;
  }
  return keys;
}

function rankBlock(units: UnitResult[], scheme: Scheme, options: RankOptions): UnitResult[] {
  // The tie order, once: sort by key, then compare positions (cheap) in every ranking below.
  const position = new Map([...units].sort(byNameThenCode).map((u, i) => [u, i]));
  const tieOrder = (a: UnitResult, b: UnitResult) => position.get(a)! - position.get(b)!;
  const ranked = units.filter((u) => u.ranked);
  const listed = assignRanks(ranked, (u) => u.rankValue, options.ties, tieOrder);
  for (const { item, rank } of listed) {
    item.rank = rank;
    item.rankedCount = ranked.length;
  }
  scheme.components.forEach((c, i) => {
    const applicable = ranked.filter((u) => u.components[i]!.applicable);
    const value = (u: UnitResult) => {
      const exact = u.components[i]!.index!;
      return options.rankPrecision === undefined ? exact : toRatio(roundRatio(exact, options.rankPrecision));
    };
    // Every unit shares the component's maximum, so ranking by index is ranking by points: exact keys
    // straight from the points when they fit (see orderKey), no fractions at all.
    const keys = options.rankPrecision === undefined && options.ties !== 'ordinal' ? pointKeys(applicable, i) : undefined;
    const ranks = keys ? ranksFromKeys(keys, options.ties as 'competition' | 'dense') : ranksOf(applicable, value, options.ties, tieOrder);
    applicable.forEach((u, k) => (u.components[i]!.rank = ranks[k]));
  });
  const unranked = units
    .filter((u) => !u.ranked)
    .sort((a, b) => compareRatios(b.index, a.index) || tieOrder(a, b));
  for (const u of unranked) u.rankedCount = ranked.length;
  return [...listed.map((l) => l.item), ...unranked];
}

/** Scores and ranks a validated table. Errors (a unit with nothing applicable) go to `log`. */
export function rankTable(table: UnitTable, scheme: Scheme, options: RankOptions, log = new ProblemLog()): Ranking {
  const scored: UnitResult[] = [];
  for (const row of table.units) {
    const s = scoreUnit(row, scheme, options, log);
    if (s) scored.push(s);
  }
  log.throwIfErrors();

  const blockNames: (string | undefined)[] = [];
  for (const u of scored) if (!blockNames.includes(u.block)) blockNames.push(u.block);
  const blocks: BlockResult[] = blockNames.map((name) => {
    const units = rankBlock(
      scored.filter((u) => u.block === name),
      scheme,
      options,
    );
    const s = stats(units.map((u) => u.index));
    return { ...(name !== undefined ? { name } : {}), units, ...(s ? { stats: s } : {}), bands: countBands(scheme, units) };
  });
  const units = blocks.flatMap((b) => b.units);
  const overall = stats(units.map((u) => u.index));
  return {
    scheme,
    options,
    files: table.files,
    ...(table.year !== undefined ? { year: table.year } : {}),
    units,
    blocks,
    ...(overall ? { stats: overall } : {}),
    bands: countBands(scheme, units),
    warnings: log.warnings,
  };
}
