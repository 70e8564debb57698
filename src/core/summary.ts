/** Descriptive statistics of a set of exact index values. */
import { addRatios, compareRatios, scaleRatio, type Ratio } from './decimal.js';

export interface Stats {
  readonly count: number;
  readonly mean: Ratio;
  readonly median: Ratio;
  readonly min: Ratio;
  readonly max: Ratio;
}

export function stats(values: readonly Ratio[]): Stats | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort(compareRatios);
  // Group by denominator first: units of one scheme share few distinct maxima, so the exact sum stays small.
  const byDen = new Map<bigint, bigint>();
  for (const v of values) byDen.set(v.den, (byDen.get(v.den) ?? 0n) + v.num);
  let total: Ratio = { num: 0n, den: 1n };
  for (const [den, num] of byDen) total = addRatios(total, { num, den });
  const n = sorted.length;
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[mid]! : scaleRatio(addRatios(sorted[mid - 1]!, sorted[mid]!), 1n, 2n);
  return { count: n, mean: scaleRatio(total, 1n, BigInt(n)), median, min: sorted[0]!, max: sorted[n - 1]! };
}
