import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignRanks, type TieRule } from '../../src/core/rank.js';
import type { Ratio } from '../../src/core/decimal.js';
import { rankSources } from '../../src/pipeline.js';

interface Item {
  name: string;
  value: number;
}
const ratio = (i: Item): Ratio => ({ num: BigInt(i.value), den: 100n });
const byName = (a: Item, b: Item) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const ranks = (items: Item[], ties: TieRule) =>
  Object.fromEntries(assignRanks(items, ratio, ties, byName).map(({ item, rank }) => [item.name, rank]));

const items: Item[] = [
  { name: 'a', value: 9000 },
  { name: 'b', value: 8500 },
  { name: 'c', value: 8500 },
  { name: 'd', value: 8000 },
];

describe('tie rules', () => {
  it('competition: 1, 2, 2, 4', () => expect(ranks(items, 'competition')).toEqual({ a: 1, b: 2, c: 2, d: 4 }));
  it('dense: 1, 2, 2, 3', () => expect(ranks(items, 'dense')).toEqual({ a: 1, b: 2, c: 2, d: 3 }));
  it('ordinal: 1, 2, 3, 4 with ties in name order', () => expect(ranks(items, 'ordinal')).toEqual({ a: 1, b: 2, c: 3, d: 4 }));
});

const arbItems = fc.uniqueArray(fc.record({ name: fc.string({ minLength: 1, maxLength: 6 }), value: fc.integer({ min: 0, max: 20 }) }), {
  selector: (i) => i.name,
  maxLength: 40,
});

describe('ranking invariants', () => {
  it('shuffling the rows never changes a rank (any tie rule)', () => {
    fc.assert(
      fc.property(arbItems, fc.constantFrom<TieRule>('competition', 'dense', 'ordinal'), fc.infiniteStream(fc.nat()), (xs, ties, seeds) => {
        const shuffled = [...xs].map((x) => ({ x, k: seeds.next().value })).sort((p, q) => p.k - q.k).map((p) => p.x);
        expect(ranks(shuffled, ties)).toEqual(ranks(xs, ties));
      }),
    );
  });

  it('competition rank = 1 + number of strictly better units', () => {
    fc.assert(
      fc.property(arbItems, (xs) => {
        const r = ranks(xs, 'competition');
        for (const x of xs) expect(r[x.name]).toBe(1 + xs.filter((y) => y.value > x.value).length);
      }),
    );
  });

  it('dense rank = 1 + number of strictly better distinct values; ordinal ranks are a permutation', () => {
    fc.assert(
      fc.property(arbItems, (xs) => {
        const dense = ranks(xs, 'dense');
        for (const x of xs) expect(dense[x.name]).toBe(1 + new Set(xs.filter((y) => y.value > x.value).map((y) => y.value)).size);
        const ordinal = Object.values(ranks(xs, 'ordinal')).sort((a, b) => a - b);
        expect(ordinal).toEqual(xs.map((_, i) => i + 1));
      }),
    );
  });
});

const csv = (text: string) => [{ name: 't.csv', bytes: new TextEncoder().encode(text) }];

describe('ranking on exact values', () => {
  // Two units both display 87.32 but hold different exact indexes, as in the 2023 national ranking.
  const text = 'unit;appraisal;survey\nA;61,3249;26\nB;61,3151;26\nC;60,00;26\n';


  it('separates equal displays by default and merges them with --rank-precision 2', async () => {
    const { findBuiltinScheme } = await import('../../src/scheme/builtin.js');
    const scheme = findBuiltinScheme('quang-ngai-district-2023')!;
    const exact = rankSources(csv(text), { scheme });
    expect(exact.units.map((u) => [u.name, u.rank])).toEqual([['A', 1], ['B', 2], ['C', 3]]);
    const rounded = rankSources(csv(text), { scheme, rankPrecision: 2 });
    expect(rounded.units.map((u) => [u.name, u.rank])).toEqual([['A', 1], ['B', 1], ['C', 3]]);
    expect(rankSources(csv(text), { scheme, rankPrecision: 2, ties: 'dense' }).units.map((u) => u.rank)).toEqual([1, 1, 2]);
  });
});

describe('ranksOf: the exact-key fast path equals the general path', () => {
  it('for values sharing a denominator (fast) and not (general), under every tie rule', async () => {
    const { ranksOf } = await import('../../src/core/rank.js');
    const same = fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 60 });
    fc.assert(
      fc.property(same, fc.constantFrom<TieRule>('competition', 'dense', 'ordinal'), (nums, ties) => {
        const items = nums.map((n, i) => ({ name: `u${String(i).padStart(3, '0')}`, value: n }));
        const fast = ranksOf(items, (it) => ({ num: BigInt(it.value), den: 100n }), ties, byName);
        // the same values with different denominators take the general path
        const general = ranksOf(items, (it, ) => ({ num: BigInt(it.value) * BigInt(2 + (it.value % 3)), den: 100n * BigInt(2 + (it.value % 3)) }), ties, byName);
        expect(fast).toEqual(general);
        if (ties === 'competition') items.forEach((it, i) => expect(fast[i]).toBe(1 + items.filter((o) => o.value > it.value).length));
      }),
      { numRuns: 500 },
    );
  });
});
