/**
 * The units of a comparison in order of movement: biggest rise first, equal moves by index change,
 * units without a rank change last; and the biggest risers and fallers.
 */
import { compareRatios, reduce, type Ratio } from './decimal.js';
import type { Comparison, UnitChange } from './compare.js';
import { byNameThenCode, tieOrder } from './ranking.js';
import { orderUnits } from './rank.js';

/** Biggest rise first; equal moves by index change; units without a rank change last. */
export function byMovement(a: UnitChange, b: UnitChange): number {
  const ra = a.rankChange;
  const rb = b.rankChange;
  if (ra === undefined || rb === undefined) return ra === undefined && rb === undefined ? byNameThenCode(a.unit, b.unit) : ra === undefined ? 1 : -1;
  return rb - ra || compareRatios(b.indexChange!, a.indexChange!) || byNameThenCode(a.unit, b.unit);
}

export interface Movement {
  /** Every current unit (table positions), biggest rise first (`byMovement`). */
  readonly order: Int32Array;
  /** The units that rose, biggest rise first, and those that fell, biggest fall first (at most `top` each). */
  readonly riserOrder: readonly number[];
  readonly fallerOrder: readonly number[];
  /** The same as changes, made when asked for. */
  readonly sorted: readonly UnitChange[];
  readonly risers: readonly UnitChange[];
  readonly fallers: readonly UnitChange[];
}

/**
 * The current units in `byMovement` order, by numbers: the rank change, then the index change as a
 * double (exact fractions only for changes closer than doubles can tell apart), then the tie order.
 * A unit's index change is (tc / mc - tp / mp) x 100 with integer totals and maxima: for a plain
 * change (the same unit) read from the two years' columns; from its exact fraction otherwise.
 */
export function movementOrder(c: Comparison): Int32Array {
  const cur = c.current;
  const prev = c.previous;
  const size = cur.table.size;
  const rc = c.rankChange;
  const approx = new Float64Array(size);
  // For plain changes: tc x mp - tp x mc over mc x mp, when both are exact as doubles (else NaN).
  const num = new Float64Array(size).fill(NaN);
  const den = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    if (Number.isNaN(rc[i]!)) continue;
    const p = c.plainPrevious(i);
    if (p < 0) {
      const ratio = c.indexChange(i)!;
      approx[i] = Number(ratio.num) / Number(ratio.den);
      continue;
    }
    const tc = cur.total[i]!;
    const mc = cur.max[i]!;
    const tp = prev.total[p]!;
    const mp = prev.max[p]!;
    approx[i] = ((tc * mp - tp * mc) * 100) / (mc * mp);
    const a = tc * mp;
    const b = tp * mc;
    if (Math.abs(a) <= Number.MAX_SAFE_INTEGER && Math.abs(b) <= Number.MAX_SAFE_INTEGER && mc * mp <= Number.MAX_SAFE_INTEGER) {
      num[i] = a - b;
      den[i] = mc * mp;
    }
  }
  // Exact index changes, reduced, made only for units whose doubles are too close to tell apart.
  const exact = new Array<Ratio | undefined>(size);
  const indexChange = (i: number): Ratio => (exact[i] ??= reduce(c.indexChange(i)!));
  const compareExact = (a: number, b: number): number => {
    if (den[a] === den[b] && !Number.isNaN(num[a]!) && !Number.isNaN(num[b]!)) return Math.sign(num[a]! - num[b]!);
    const x = indexChange(a);
    const y = indexChange(b);
    return x.num === y.num && x.den === y.den ? 0 : compareRatios(x, y);
  };
  // Made only if two units move exactly alike (it reads every name once).
  let tieMade: ((a: number, b: number) => number) | undefined;
  const tie = (a: number, b: number): number => (tieMade ??= tieOrder(cur.table.names, cur.table.codes, cur.readOrder))(a, b);
  // Movers by rank change (integers: ordered by counting, as ranks are), equal changes by index
  // change, then in tie order; units without a rank change after them, in tie order.
  const movers: number[] = [];
  const still: number[] = [];
  for (let i = 0; i < size; i++) (Number.isNaN(rc[i]!) ? still : movers).push(i);
  const byIndexChange = (a: number, b: number): number => {
    const d = approx[a]! - approx[b]!;
    if (Math.abs(d) > 1e-9 * Math.max(1, Math.abs(approx[a]!), Math.abs(approx[b]!))) return d > 0 ? -1 : 1;
    return compareExact(b, a) || tie(a, b);
  };
  const order = new Int32Array(size);
  order.set(orderUnits(movers, { keys: rc }, byIndexChange));
  order.set(Int32Array.from(still).sort(tie), movers.length);
  return order;
}

export function movement(c: Comparison, top?: number): Movement {
  const order = movementOrder(c);
  const rc = c.rankChange;
  const limit = top ?? Infinity;
  const risers: number[] = [];
  for (let k = 0; k < order.length && risers.length < limit && rc[order[k]!]! > 0; k++) risers.push(order[k]!);
  const fallers: number[] = [];
  // Fallers, biggest fall first: from the end of the movers (units without a change are last of all).
  let end = order.length;
  while (end > 0 && Number.isNaN(rc[order[end - 1]!]!)) end--;
  for (let k = end - 1; k >= 0 && fallers.length < limit && rc[order[k]!]! < 0; k--) fallers.push(order[k]!);
  const views = (positions: ArrayLike<number>) => {
    let made: UnitChange[] | undefined;
    return () => (made ??= Array.from(positions, (i) => c.change(i)));
  };
  const sorted = views(order);
  const riserViews = views(risers);
  const fallerViews = views(fallers);
  return {
    order,
    riserOrder: risers,
    fallerOrder: fallers,
    get sorted() {
      return sorted();
    },
    get risers() {
      return riserViews();
    },
    get fallers() {
      return fallerViews();
    },
  };
}
