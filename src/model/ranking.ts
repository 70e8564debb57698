/**
 * Scoring and ranking of a table: totals, applicable maxima, index, band, ranks within blocks,
 * per-node ranks and summary statistics, as columns over the table's units. Renderers that need one
 * unit at a time get a `UnitResult` view of it (`ranking.units`, `ranking.unit(i)`), made when asked
 * for. Pure: no I/O.
 */
import { pow10, roundRatio, type Decimal, type Ratio } from './decimal.js';
import { ProblemLog, type Problem } from './problem.js';
import { FigureChecks, type FigureOptions } from './figures.js';
import { groupByBlock, orderUnits, placesOf, positions, ranksOfOrder, type TieRule, type Values } from './rank.js';
import { blockStats, type Stats } from './stats.js';
import { nodeRanks } from './node-ranks.js';
import type { Band, Scheme, SchemeNode } from './scheme.js';
import { originOf, type CellRef, type ScoreTable } from './table.js';
import { scatterFloat, scatterInt, scatterInt16, sortTable } from './scatter.js';
import { tieOrder } from './tie-order.js';
import { UnitView, type ViewColumns } from './unit-view.js';
import { bandFinder, countBands, type BandCount } from './bands.js';

export { byNameThenCode, sortKey, tieOrder } from './tie-order.js';

export interface RankOptions extends FigureOptions {
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
  readonly rank?: number;
}

/** One unit's results, read from the ranking's columns. */
export interface UnitResult {
  /** Position in the table. */
  readonly at: number;
  readonly name: string;
  readonly code?: string;
  readonly block?: string;
  readonly ranked: boolean;
  readonly total: Decimal;
  /** Sum of the maxima of the components that apply to this unit. */
  readonly max: Decimal;
  /** total / max x 100, exact. */
  readonly index: Ratio;
  /** The value ranks and bands are decided on: the exact index, or the rounded one. */
  readonly rankValue: Ratio;
  readonly band?: Band;
  /** Undefined for units that are assessed but not ranked. */
  readonly rank?: number;
  /** Number of ranked units in the unit's block ("6/13"). */
  readonly rankedCount: number;
  readonly components: readonly ComponentResult[];
  /** Every node of the scheme (parts, fields, criteria, bonus, penalty), in pre-order. */
  readonly nodes: readonly ComponentResult[];
  /** The node at `index` of the scheme's nodes (`nodes[index]`, made alone). */
  node(index: number): ComponentResult;
  readonly origin: CellRef;
  /** Orders units with equal values (see `sortKey`). */
  readonly sortKey: string;
}

export interface BlockResult {
  /** Undefined when the input has no block column. */
  readonly name?: string;
  /** The block's units (table positions) in listing order. */
  readonly members: Int32Array;
  /** Views of `members`. */
  readonly units: readonly UnitResult[];
  readonly ranked: number;
  readonly stats?: Stats;
  readonly bands: readonly BandCount[];
}

/** A block as ranked, before its units are put in listing order. */
type BlockSpec = Omit<BlockResult, 'members' | 'units'> & { readonly size: number };

export interface Ranking {
  readonly table: ScoreTable;
  readonly scheme: Scheme;
  readonly options: RankOptions;
  readonly files: readonly string[];
  readonly year?: string;
  /** Integers at the table's scale, by unit. */
  readonly total: Float64Array;
  readonly max: Float64Array;
  /** 0 for a unit that is not ranked. */
  readonly rank: Int32Array;
  /** Index into `scheme.bands`, -1 for none. */
  readonly band: Int16Array;
  /** Index into `blocks`. */
  readonly blockOf: Int32Array;
  /**
   * By scheme node: the unit's rank among the ranked units of its block where the node applies; 0
   * for none. Made when first asked for (last year's, in a comparison, seldom is).
   */
  readonly nodeRank: readonly Int32Array[];
  /** Every unit's position, in listing order: block by block, ranked units by rank, then unranked ones. */
  readonly order: Int32Array;
  /**
   * Every unit's position, in the order of the table as read (file by file, row by row): the order
   * in which the units' names and codes were made, and lie in memory. Work that reads every unit's
   * name or code (matching two years) goes through the units in this order: a million units' codes
   * read in listing order wait for memory at nearly every one.
   */
  readonly readOrder: Int32Array;
  readonly blocks: readonly BlockResult[];
  readonly stats?: Stats;
  readonly bands: readonly BandCount[];
  readonly warnings: readonly Problem[];
  /** Views of every unit in listing order. */
  readonly units: readonly UnitResult[];
  /** The view of the unit at table position `i`. */
  unit(i: number): UnitResult;
  /** total / max x 100 of the unit at `i`, exact. */
  index(i: number): Ratio;
  rankValue(i: number): Ratio;
}

/** A node's maximum as an integer at `scale` (the reader makes the table's scale hold every maximum). */
export function scaledMax(max: Decimal, scale: number): number {
  return Number(max.units * pow10(scale - max.scale));
}

/** A unit's total with its bonus and penalty points (integers at the table's scale), within 0 .. `max` unless the scheme allows more. */
function adjusted(t: ScoreTable, i: number, sum: number, max: number, adjustments: readonly SchemeNode[], capped: { above: number; below: number }): number {
  let total = sum;
  for (const a of adjustments) {
    const p = t.points[a.index]![i]!;
    if (Number.isNaN(p)) continue;
    total += a.role === 'bonus' ? p : -p;
  }
  if (total > max && t.scheme.overMax === 'cap') {
    capped.above++;
    return max;
  }
  if (total < 0) {
    capped.below++;
    return 0;
  }
  return total;
}

/** Exact comparison of two units' indices (total / max), higher first: negative when `a` is better. */
function indexComparator(total: Float64Array, max: Float64Array): (a: number, b: number) => number {
  return (a, b) => {
    const ma = max[a]!;
    const mb = max[b]!;
    if (ma === mb) return total[b]! - total[a]!;
    // total[a] / ma vs total[b] / mb: the products are exact unless they are very close, when BigInt decides.
    const x = total[a]! * mb;
    const y = total[b]! * ma;
    if (Math.abs(x - y) > 1e-12 * Math.max(Math.abs(x), Math.abs(y))) return y - x;
    const bx = BigInt(total[a]!) * BigInt(mb);
    const by = BigInt(total[b]!) * BigInt(ma);
    return bx < by ? 1 : bx > by ? -1 : 0;
  };
}

/**
 * Scores and ranks a table. Errors (a unit with nothing applicable) go to `log`. The table is taken:
 * its columns are put in listing order one by one (see `sortTable`), so it is not to be used after;
 * the ranking's `table` is the table in that order.
 */
export function rankTable(t: ScoreTable, options: RankOptions, log = new ProblemLog()): Ranking {
  const { scheme, size, scale } = t;
  const top = scheme.components;
  const maxQ = scheme.nodes.map((n) => scaledMax(n.max, scale));
  const fullMax = top.reduce((acc, c) => acc + maxQ[c.index]!, 0);

  const total = new Float64Array(size);
  const max = new Float64Array(size);
  const index = (i: number): Ratio => ({ num: BigInt(total[i]!) * 100n, den: BigInt(max[i]!) });
  const places = options.rankPrecision;
  // Rounded indices, when ranks are decided on them: integers at 10^places.
  const rounded = places === undefined ? undefined : new Float64Array(size);
  const rankValue = (i: number): Ratio => (rounded ? { num: BigInt(rounded[i]!), den: pow10(places!) } : index(i));
  const band = new Int16Array(size).fill(-1);
  const bandOf = bandFinder(scheme, places, log);
  const figures = new FigureChecks(t, options, log);
  const adjustments = scheme.adjustments;
  const capped = { above: 0, below: 0 };

  for (let i = 0; i < size; i++) {
    // The total and the maximum of what applies.
    let sum = 0;
    let m = fullMax;
    let applicable = 0;
    for (let c = 0; c < top.length; c++) {
      const node = top[c]!.index;
      const p = t.points[node]![i]!;
      if (Number.isNaN(p)) m -= maxQ[node]!;
      else {
        sum += p;
        applicable++;
        // A part whose children do not all apply to the unit: its own maximum.
        const own = t.maxima[node];
        if (own) m -= maxQ[node]! - own[i]!;
      }
    }
    // Bonus points added and penalty points taken off after the maximum; the total stays within 0 .. the maximum unless the scheme allows more.
    if (adjustments.length > 0) sum = adjusted(t, i, sum, m, adjustments, capped);
    if (m === 0) {
      log.error('no-applicable-component', `${t.names[i]}: every component is marked not applicable, so there is no maximum to divide by`, originOf(t, i));
      continue;
    }
    // The file's own figures: checked, and a declared total or a unit's own maximum taken.
    const ranked = t.declared.length === 0 ? undefined : figures.check(i, sum, m, applicable);
    total[i] = ranked ? ranked.total : sum;
    max[i] = ranked ? ranked.max : m;
    if (rounded) rounded[i] = Number(roundRatio(index(i), places!).units);
    band[i] = bandOf(t, i, rounded ? rounded[i]! / 10 ** places! : (total[i]! * 100) / max[i]!, () => rankValue(i));
  }
  figures.finish();
  if (capped.above > 0) log.note('total-capped', `${capped.above} unit${capped.above > 1 ? 's' : ''} with bonus points above the maximum: the total is capped at the maximum (the scheme's "overMax": "allow" lets it exceed)`);
  if (capped.below > 0) log.note('total-capped', `${capped.below} unit${capped.below > 1 ? 's' : ''} with more penalty points than points: the total is 0`);
  log.throwIfErrors();

  // Blocks, in order of first appearance.
  const blockNames: (string | undefined)[] = [];
  const blockAt = new Map<string | undefined, number>();
  const blockOf = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const name = t.blocks[i];
    let b = blockAt.get(name);
    if (b === undefined) {
      b = blockNames.length;
      blockAt.set(name, b);
      blockNames.push(name);
    }
    blockOf[i] = b;
  }

  const tie = tieOrder(t.names, t.codes);

  const rank = new Int32Array(size);
  const order = new Int32Array(size);
  const blocks: BlockSpec[] = [];
  let listed = 0;
  const sharedMax = max.every((m) => m === max[0]);
  const byIndex: Values = sharedMax ? { keys: total } : { compare: indexComparator(total, max) };
  const byRankValue: Values = rounded ? { keys: rounded } : byIndex;

  /** The positions `from` for which `keep` says yes. */
  const select = (from: ArrayLike<number>, keep: (i: number) => boolean): Int32Array => {
    const out = new Int32Array(from.length);
    let n = 0;
    for (let k = 0; k < from.length; k++) if (keep(from[k]!)) out[n++] = from[k]!;
    return out.subarray(0, n);
  };
  const everyone = positions(size);
  const byBlock = blockNames.length === 1 ? undefined : groupByBlock(blockOf, blockNames.length);

  for (let b = 0; b < blockNames.length; b++) {
    const members = byBlock ? byBlock.positions.subarray(byBlock.start[b]!, byBlock.start[b + 1]!) : everyone;
    const rankedUnits = select(members, (i) => t.ranked[i] === 1);
    const unranked = select(members, (i) => t.ranked[i] === 0);
    const sorted = orderUnits(rankedUnits, byRankValue, tie);
    const ranks = ranksOfOrder(sorted, byRankValue, options.ties);
    for (let k = 0; k < sorted.length; k++) rank[sorted[k]!] = ranks[k]!;
    const rest = orderUnits(unranked, byIndex, tie);
    const blockOrder = new Int32Array(members.length);
    blockOrder.set(sorted, 0);
    blockOrder.set(rest, sorted.length);
    order.set(blockOrder, listed);
    listed += members.length;

    const name = blockNames[b];
    blocks.push({
      ...(name !== undefined ? { name } : {}),
      size: members.length,
      ranked: rankedUnits.length,
      // (Summed in table order, in which the totals lie in memory.)
      ...blockStats(members, total, max, byIndex, sorted.length === members.length && rounded === undefined ? blockOrder : undefined),
      bands: countBands(scheme, band, blockOrder),
    });
  }
  const rankedIn = blocks.map((b) => b.ranked);
  figures.compareRanks(rank, (i) => rankedIn[blockOf[i]!]!);
  // One block: its statistics are the overall ones (no second sort of every unit).
  const only = blocks.length === 1 ? blocks[0]! : undefined;
  const overall = only ? (only.stats ? { stats: only.stats } : {}) : blockStats(everyone, total, max, byIndex);

  // The table and the results put in listing order: a unit's position is its place in the listing,
  // so writers read every column front to back (a million units read in listing order from columns
  // in file order wait for memory at every read).
  const place = placesOf(order, size);
  const sorted = sortTable(t, place);
  const byPlace = {
    total: scatterFloat(total, place),
    max: scatterFloat(max, place),
    rank: scatterInt(rank, place),
    band: scatterInt16(band, place),
    blockOf: scatterInt(blockOf, place),
    nodeRank: once(nodeRanks, sorted, blocks, options, maxQ),
    rounded: rounded && scatterFloat(rounded, place),
  };
  return listedRanking(sorted, options, blocks, rankedIn, byPlace, place, overall, log, maxQ);
}

/**
 * `make(...args)`, made when first asked for and kept. Made here, not where the arguments are (a
 * closure there would keep everything of that scope alive with the ranking: the table as read).
 */
function once<A extends unknown[], R>(make: (...args: A) => R, ...args: A): () => R {
  let made: { value: R } | undefined;
  return () => (made ??= { value: make(...args) }).value;
}

/** The ranking of a table in listing order, from its columns. */
function listedRanking(
  t: ScoreTable,
  options: RankOptions,
  blockSpecs: readonly BlockSpec[],
  rankedIn: readonly number[],
  c: { total: Float64Array; max: Float64Array; rank: Int32Array; band: Int16Array; blockOf: Int32Array; nodeRank: () => Int32Array[]; rounded: Float64Array | undefined },
  readOrder: Int32Array,
  overall: { stats?: Stats },
  log: ProblemLog,
  maxQ: readonly number[],
): Ranking {
  const { scheme, size } = t;
  const { total, max, rank, band, blockOf, nodeRank, rounded } = c;
  const places = options.rankPrecision;
  const index = (i: number): Ratio => ({ num: BigInt(total[i]!) * 100n, den: BigInt(max[i]!) });
  const rankValue = (i: number): Ratio => (rounded ? { num: BigInt(rounded[i]!), den: pow10(places!) } : index(i));
  const order = positions(size);
  // Made when a first view is asked for: the large paths read the columns and never ask.
  let views: (UnitResult | undefined)[] | undefined;
  const unit = (i: number): UnitResult => ((views ??= new Array<UnitResult | undefined>(size))[i] ??= makeView(i));
  const columns: ViewColumns = { t, total, max, rank, band, blockOf, nodeRanks: nodeRank, rankedIn, maxQ, index, rankValue };
  const makeView = (i: number): UnitResult => new UnitView(columns, i);

  let allViews: UnitResult[] | undefined;
  let start = 0;
  const blocks = blockSpecs.map(({ size: n, ...spec }): BlockResult => {
    const members = positions(n, start);
    start += n;
    let blockViews: UnitResult[] | undefined;
    return {
      ...spec,
      members,
      get units() {
        return (blockViews ??= Array.from(members, (i) => unit(i)));
      },
    };
  });
  return {
    table: t,
    scheme,
    options,
    files: t.files,
    ...(t.year !== undefined ? { year: t.year } : {}),
    total,
    max,
    rank,
    band,
    blockOf,
    get nodeRank() {
      return nodeRank();
    },
    order,
    readOrder,
    blocks,
    ...overall,
    bands: countBands(scheme, band, order),
    warnings: log.warnings,
    get units() {
      return (allViews ??= Array.from(order, (i) => unit(i)));
    },
    unit,
    index,
    rankValue,
  };
}
