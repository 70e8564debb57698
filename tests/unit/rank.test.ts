import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignRanks, type TieRule } from '../../src/model/rank.js';
import type { Ratio } from '../../src/model/decimal.js';
import { rankSources } from '../../src/read/load.js';

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
    const { findBuiltinScheme } = await import('../../src/read/builtin.js');
    const scheme = findBuiltinScheme('quang-ngai-district-2023')!;
    const exact = rankSources(csv(text), { scheme });
    expect(exact.units.map((u) => [u.name, u.rank])).toEqual([['A', 1], ['B', 2], ['C', 3]]);
    const rounded = rankSources(csv(text), { scheme, rankPrecision: 2 });
    expect(rounded.units.map((u) => [u.name, u.rank])).toEqual([['A', 1], ['B', 1], ['C', 3]]);
    expect(rankSources(csv(text), { scheme, rankPrecision: 2, ties: 'dense' }).units.map((u) => u.rank)).toEqual([1, 1, 2]);
  });
});

describe('ordering units: counting and comparing give the same order and ranks', () => {
  it('for integer keys in a small range (counted) and the same values compared, under every tie rule', async () => {
    const { orderUnits, ranksOfOrder, valueRanks } = await import('../../src/model/rank.js');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 60 }), fc.constantFrom<TieRule>('competition', 'dense', 'ordinal'), (nums, ties) => {
        const keys = Float64Array.from(nums);
        const units = nums.map((_, i) => i);
        // Ties in a fixed order that is not the input order.
        const tie = (a: number, b: number) => (a % 7) - (b % 7) || a - b;
        const counted = orderUnits(units, { keys }, tie);
        const compared = orderUnits(units, { compare: (a, b) => nums[b]! - nums[a]! }, tie);
        expect(Array.from(counted)).toEqual(Array.from(compared));
        const ranks = ranksOfOrder(counted, { keys }, ties);
        // The definitions: competition = 1 + units strictly better; dense = 1 + distinct better values; ordinal = place.
        counted.forEach((u, k) => {
          const better = nums.filter((v) => v > nums[u]!);
          const expected = ties === 'competition' ? 1 + better.length : ties === 'dense' ? 1 + new Set(better).size : k + 1;
          expect(ranks[k]).toBe(expected);
        });
        if (ties !== 'ordinal') {
          const byValue = new Int32Array(nums.length);
          valueRanks(units, keys, ties, byValue);
          counted.forEach((u, k) => expect(byValue[u]).toBe(ranks[k]));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('for keys spread too widely to count, as for keys close together', async () => {
    const { orderUnits, valueRanks } = await import('../../src/model/rank.js');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 40 }), (small) => {
        // The same order of values, once in a small range and once spread over 2^40.
        const wide = Float64Array.from(small, (v) => v * 2 ** 40);
        // Some of the table's units, not in table order.
        const units = small.map((_, i) => i).filter((i) => i % 3 !== 1).reverse();
        const tie = (a: number, b: number) => a - b;
        expect(Array.from(orderUnits(units, { keys: wide }, tie))).toEqual(Array.from(orderUnits(units, { keys: Float64Array.from(small) }, tie)));
        const a = new Int32Array(small.length);
        const b = new Int32Array(small.length);
        valueRanks(units, wide, 'competition', a);
        valueRanks(units, Float64Array.from(small), 'competition', b);
        expect(Array.from(a)).toEqual(Array.from(b));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the tie order equals comparing the sort keys as strings', () => {
  it('for names and codes of every kind: Vietnamese, case, shared prefixes, prefixes of each other', async () => {
    const { tieOrder, sortKey } = await import('../../src/model/ranking.js');
    const { cleanName } = await import('../../src/model/text.js');
    const letter = fc.constantFrom('a', 'A', 'b', 'z', 'Z', ' ', '-', '1', '9', 'Đ', 'đ', 'ơ', 'Ơ', 'ệ', 'á', 'à', 'ß', 'ü', '~', '\u0301', 'ǆ');
    const name = fc.tuple(fc.constantFrom('', 'Xã Số ', 'Unit ', 'unit '), fc.array(letter, { maxLength: 6 }).map((l) => l.join(''))).map(([p, s]) => cleanName(p + s) || 'x');
    const code = fc.option(fc.array(fc.constantFrom('1', 'a', 'B', '-'), { maxLength: 3 }).map((l) => l.join('')), { nil: undefined });
    fc.assert(
      fc.property(fc.array(fc.tuple(name, code), { minLength: 1, maxLength: 30 }), (units) => {
        const names = units.map((u) => u[0]);
        const codes = units.map((u) => u[1]);
        // Made going through the units in table order, and in another order (as the units were read).
        const compare = tieOrder(names, codes);
        const readOrder = units.map((_, i) => (i * 7 + 3) % units.length).filter((v, i, all) => all.indexOf(v) === i);
        for (let i = 0; i < units.length; i++) if (!readOrder.includes(i)) readOrder.push(i);
        const compareRead = tieOrder(names, codes, readOrder);
        const keys = units.map((u) => sortKey(u[0], u[1]));
        for (let a = 0; a < units.length; a++) {
          for (let b = 0; b < units.length; b++) {
            const expected = keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0;
            expect(Math.sign(compare(a, b))).toBe(expected);
            expect(Math.sign(compareRead(a, b))).toBe(expected);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('grouping units by block', () => {
  it('gives each block its units in table order, as choosing them block by block does', async () => {
    const { groupByBlock } = await import('../../src/model/rank.js');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }).chain((blocks) => fc.tuple(fc.constant(blocks), fc.array(fc.integer({ min: 0, max: blocks - 1 }), { maxLength: 80 }))), ([blocks, of]) => {
        const { positions, start } = groupByBlock(Int32Array.from(of), blocks);
        for (let b = 0; b < blocks; b++) {
          const chosen = of.flatMap((x, i) => (x === b ? [i] : []));
          expect(Array.from(positions.subarray(start[b]!, start[b + 1]!))).toEqual(chosen);
        }
        expect(start[blocks]).toBe(of.length);
      }),
      { numRuns: 500 },
    );
  });
});
