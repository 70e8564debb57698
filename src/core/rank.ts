/**
 * Ranking rules. Ranks are computed on exact values (or on values rounded by a stated rule, which the
 * caller passes in). Tie rules:
 *  - competition (default, "1-2-2-4"): rank = 1 + number of strictly better units;
 *  - dense ("1-2-2-3"): rank = 1 + number of strictly better distinct values;
 *  - ordinal ("1-2-3-4"): equal values get consecutive ranks in a stated, deterministic order.
 */
import { compareRatios, type Ratio } from './decimal.js';

export type TieRule = 'competition' | 'dense' | 'ordinal';
export const TIE_RULES: readonly TieRule[] = ['competition', 'dense', 'ordinal'];

/**
 * Ranks items by `value`, highest first. `order` breaks ties for the listing order (and for the
 * ranks themselves under `ordinal`); it must be a total order so the result never depends on the
 * input order. Returns the items in rank order with their ranks.
 */
export function assignRanks<T>(
  items: readonly T[],
  value: (item: T) => Ratio,
  ties: TieRule,
  order: (a: T, b: T) => number,
): { item: T; rank: number }[] {
  const values = new Map<T, Ratio>();
  for (const item of items) values.set(item, value(item));
  const sorted = [...items].sort((a, b) => compareRatios(values.get(b)!, values.get(a)!) || order(a, b));
  const out: { item: T; rank: number }[] = [];
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) {
    const item = sorted[i]!;
    const sameAsPrevious = i > 0 && compareRatios(values.get(sorted[i - 1]!)!, values.get(item)!) === 0;
    if (!sameAsPrevious) distinct++;
    let rank: number;
    if (ties === 'ordinal') rank = i + 1;
    else if (ties === 'dense') rank = distinct;
    else rank = sameAsPrevious ? out[i - 1]!.rank : i + 1;
    out.push({ item, rank });
  }
  return out;
}
