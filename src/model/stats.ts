/** Descriptive statistics of a set of exact index values. */
import { addRatios, scaleRatio, type Ratio } from './decimal.js';

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
