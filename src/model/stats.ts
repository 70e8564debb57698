/** Descriptive statistics of a set of exact index values. */
import { addRatios, scaleRatio, type Ratio } from './decimal.js';
import { orderUnits, type Values } from './rank.js';

export interface Stats {
  readonly count: number;
  readonly mean: Ratio;
  readonly median: Ratio;
  readonly min: Ratio;
  readonly max: Ratio;
}

/**
 * The statistics of `count` values, given as parts that sum to their total (values with the same
 * denominator added up first, so the exact sum stays small) and the value at each place in
 * ascending order.
 */
export function stats(parts: readonly Ratio[], count: number, ascending: (k: number) => Ratio): Stats | undefined {
  if (count === 0) return undefined;
  let total: Ratio = { num: 0n, den: 1n };
  for (const p of parts) total = addRatios(total, p);
  const mid = Math.floor(count / 2);
  const median = count % 2 === 1 ? ascending(mid) : scaleRatio(addRatios(ascending(mid - 1), ascending(mid)), 1n, 2n);
  return { count, mean: scaleRatio(total, 1n, BigInt(count)), median, min: ascending(0), max: ascending(count - 1) };
}

/**
 * Mean, median, lowest and highest index of `members` (in any order: table order reads the totals
 * front to back). `sortedByIndex`: the same members listed by index, highest first, when known
 * (every unit ranked on its exact index), so no sort is needed.
 */
export function blockStats(members: Int32Array, total: Float64Array, max: Float64Array, byIndex: Values, sortedByIndex?: Int32Array): { stats?: Stats } {
  if (members.length === 0) return {};
  const sorted = sortedByIndex ?? orderUnits(members, byIndex, (a, b) => a - b);
  const index = (i: number): Ratio => ({ num: BigInt(total[i]!) * 100n, den: BigInt(max[i]!) });
  // The exact sum of the indices, grouped by maximum (units of one scheme share few distinct maxima):
  // totals added as doubles while the sum stays exact, then carried into a BigInt.
  const byMax = new Map<number, { small: number; big: bigint }>();
  let last = NaN;
  let sum = { small: 0, big: 0n };
  for (let k = 0; k < members.length; k++) {
    const i = members[k]!;
    const m = max[i]!;
    if (m !== last) {
      let s = byMax.get(m);
      if (!s) byMax.set(m, (s = { small: 0, big: 0n }));
      sum = s;
      last = m;
    }
    if (sum.small + total[i]! > Number.MAX_SAFE_INTEGER) {
      sum.big += BigInt(sum.small);
      sum.small = 0;
    }
    sum.small += total[i]!;
  }
  const s = stats(
    [...byMax].map(([m, sum]) => ({ num: (sum.big + BigInt(sum.small)) * 100n, den: BigInt(m) })),
    members.length,
    (k) => index(sorted[sorted.length - 1 - k]!),
  );
  return { stats: s };
}
