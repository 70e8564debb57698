import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchUnits } from '../../src/model/match.js';
import { compareRankings } from '../../src/model/compare.js';
import { byMovement, movementOrder } from '../../src/model/movement.js';
import { buildTrend } from '../../src/model/trend.js';
import { ProblemLog } from '../../src/model/problem.js';
import { strippedNameKey } from '../../src/model/text.js';
import { formatRatio } from '../../src/model/decimal.js';
import { rankSources } from '../../src/read/load.js';
import { readCrosswalk } from '../../src/read/crosswalk.js';
import { findBuiltinScheme } from '../../src/read/builtin.js';
import { parseScheme } from '../../src/read/scheme-file.js';
import { readFileSync } from 'node:fs';
import { fixture, fixtureSource, problemsOf, textSource } from '../helpers.js';

interface Identity {
  readonly name: string;
  readonly code?: string;
  readonly block?: string;
}

/** Units as a listed table, in the order given. */
const listed = (units: readonly Identity[]) => ({
  table: { names: units.map((u) => u.name), codes: units.map((u) => u.code), blocks: units.map((u) => u.block) },
  order: units.map((_, i) => i),
});

const match = (prev: Identity[], cur: Identity[]) => {
  const log = new ProblemLog();
  const r = matchUnits(listed(prev), listed(cur), [], log);
  return { log, pairs: cur.map((c, i) => [c.name, r.predecessors(i).map((p) => prev[p]!.name)]), dropped: r.dropped.map((d) => prev[d]!.name) };
};

describe('administrative prefixes', () => {
  it.each([
    ['Thành phố Quảng Ngãi', 'Quảng Ngãi'],
    ['TP. Quảng Ngãi', 'Quảng Ngãi'],
    ['TP Huế', 'Huế'],
    ['Thị xã Đức Phổ', 'Đức Phổ'],
    ['Huyện Lý Sơn', 'Lý Sơn'],
    ['Tỉnh Khánh Hoà', 'khánh hòa'],
    ['Quận 1', '1'],
    ['Phường Hòa Xuân', 'Hoà Xuân'],
  ])('%s ~ %s', (a, b) => expect(strippedNameKey(a)).toBe(strippedNameKey(b)));

  it('does not strip a prefix that is the whole name or part of a word', () => {
    expect(strippedNameKey('Tỉnh')).toBe(strippedNameKey('tỉnh'));
    expect(strippedNameKey('Xã Hội')).not.toBe(strippedNameKey('Xã'));
    expect(strippedNameKey('Quận Tân Bình')).not.toBe(strippedNameKey('Quảng Bình'));
  });
});

describe('matching units across years', () => {
  it('finds the same matches and reports the same problems whatever order the units were read in', () => {
    // Codes that differ in case only, codes shared by several units (which the reader refuses, a table
    // made by a program may have), names with and without a prefix, and units without a code.
    const identity = fc.record({ name: fc.constantFrom('Huyện Đức Phổ', 'Đức Phổ', 'Thị xã Đức Phổ', 'Lý Sơn', 'Ba Tơ'), code: fc.option(fc.constantFrom('a1', 'A1', 'b2', 'c3'), { nil: undefined }) });
    const permutation = (n: number) => fc.array(fc.double({ noNaN: true }), { minLength: n, maxLength: n }).map((keys) => keys.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b));
    // Read orders: any, or the table order (so that both years often list their units alike).
    const readOrder = (n: number) => fc.oneof(permutation(n), fc.constant(Array.from({ length: n }, (_, i) => i)));
    const side = fc.array(identity, { maxLength: 7 }).chain((units) => fc.tuple(fc.constant(units), permutation(units.length), readOrder(units.length)));
    fc.assert(
      fc.property(side, side, ([prev, prevOrder, prevRead], [cur, curOrder, curRead]) => {
        // This year's codes told distinct where they are (the unit read at the same place is then taken when its code is the same).
        const folded = cur.flatMap((u) => (u.code === undefined ? [] : [u.code.toLowerCase()]));
        const distinct = new Set(folded).size === folded.length;
        const run = (withReadOrder: boolean) => {
          const log = new ProblemLog();
          const as = (units: Identity[], order: number[], read: number[], distinctCodes: boolean) => {
            const l = listed(units);
            return { table: { ...l.table, ...(withReadOrder && distinctCodes ? { distinctCodes } : {}) }, order, ...(withReadOrder ? { readOrder: read } : {}) };
          };
          const r = matchUnits(as(prev, prevOrder, prevRead, false), as(cur, curOrder, curRead, distinct), [], log);
          return { problems: log.problems.map((p) => p.message), predecessors: cur.map((_, i) => r.predecessors(i)), dropped: r.dropped };
        };
        expect(run(true)).toEqual(run(false));
      }),
      { numRuns: 400 },
    );
  });

  it('matches by code first, then name (tone marks, NFD, dashes), then the prefix-less name', () => {
    const r = match(
      [{ name: 'Old name', code: '22' }, { name: 'Khánh Hoà' }, { name: 'Bà Rịa–Vũng Tàu'.normalize('NFD') }, { name: 'Huyện Sơn Tịnh' }, { name: 'Gone' }],
      [{ name: 'New name', code: '22' }, { name: 'Khánh Hòa' }, { name: 'Bà Rịa - Vũng Tàu' }, { name: 'Sơn Tịnh' }, { name: 'Fresh' }],
    );
    expect(r.log.problems).toEqual([]);
    expect(r.pairs).toEqual([
      ['New name', ['Old name']],
      ['Khánh Hòa', ['Khánh Hoà']],
      ['Bà Rịa - Vũng Tàu', ['Bà Rịa–Vũng Tàu'.normalize('NFD')]],
      ['Sơn Tịnh', ['Huyện Sơn Tịnh']],
      ['Fresh', []],
    ]);
    expect(r.dropped).toEqual(['Gone']);
  });

  it('refuses a prefix-less match that is ambiguous and names the candidates', () => {
    const r = match([{ name: 'Huyện Đức Phổ' }, { name: 'Thị xã Đức Phổ' }], [{ name: 'Đức Phổ' }]);
    expect(r.log.errors).toHaveLength(1);
    expect(r.log.errors[0]!.message).toContain('Huyện Đức Phổ');
    expect(r.log.errors[0]!.message).toContain('Thị xã Đức Phổ');
  });

  it('refuses a code that several current units share, unless one of them is in the same block', () => {
    const shared = match([{ name: 'Old', code: 'x1' }], [{ name: 'First', code: 'X1' }, { name: 'Second', code: 'x1' }]);
    expect(shared.log.errors.map((e) => e.message)).toEqual(['Old of the previous year matches several units of this year: First (X1), Second (x1)']);
    const byBlock = match(
      [{ name: 'Old', code: 'x1', block: 'South' }],
      [{ name: 'North one', code: 'x1', block: 'North' }, { name: 'South one', code: 'X1', block: 'South' }],
    );
    expect(byBlock.log.problems).toEqual([]);
    expect(byBlock.pairs).toEqual([['North one', []], ['South one', ['Old']]]);
  });

  it('refuses when one name fits several current units', () => {
    const r = match([{ name: 'Đức Phổ' }], [{ name: 'Huyện Đức Phổ' }, { name: 'Thị xã Đức Phổ' }]);
    expect(r.log.errors[0]!.code).toBe('ambiguous-match');
  });

  it('keeps tones apart: Hòa Bình is not Hoa Bình', () => {
    expect(match([{ name: 'Hoa Bình' }], [{ name: 'Hòa Bình' }]).pairs).toEqual([['Hòa Bình', []]]);
  });
});

const province = findBuiltinScheme('vn-province-2022')!;
const year = (y: string) => rankSources([fixtureSource(`yoy/provinces-${y}.csv`)], { scheme: province });

describe('comparing two years', () => {
  const c = compareRankings(year('2024'), year('2023'));
  const byName = (n: string) => c.units.find((u) => u.unit.name === n)!;

  it('change.rank = previous rank - current rank (+3 = up three places)', () => {
    expect(byName('Bà Rịa-Vũng Tàu')).toMatchObject({ status: 'same', rankChange: 3, previous: { rank: 5 } });
    expect(byName('Quảng Ninh')).toMatchObject({ rankChange: -3, previous: { rank: 1 } });
    expect(byName('Hà Nội').rankChange).toBe(0);
  });

  it('leaves new units without previous values, never 0', () => {
    const u = byName('Đắk Nông');
    expect(u.status).toBe('new');
    expect(u.previous).toBeUndefined();
    expect(u.rankChange).toBeUndefined();
  });

  it('lists dropped units and says the universes differ', () => {
    expect(c.dropped.map((d) => d.name)).toEqual(['Bình Dương']);
    expect(c.comparable).toBe(false);
    expect(c.warnings.map((w) => w.code)).toEqual(['not-comparable']);
    expect(c.counts).toMatchObject({ up: 7, down: 3, unchanged: 6, new: 1, dropped: 1 });
  });

  it('computes the index change and the change of the mean exactly', () => {
    expect(formatRatio(byName('Hải Phòng').indexChange!, 6)).toBe('4.300000');
    expect(formatRatio(c.meanChange!, 2)).toBe('2.10');
  });

  it('marks merged units n/a without a merge rule and re-ranks the previous year with one', () => {
    const crosswalk = readCrosswalk({ bytes: readFileSync(fixture('yoy/crosswalk-2024-2025.csv')), name: 'cw.csv' });
    const plain = compareRankings(year('2025'), year('2024'), { crosswalk });
    const hp = plain.units.find((u) => u.unit.name === 'Thành phố Hải Phòng')!;
    expect(hp.status).toBe('merged');
    expect(hp.previous).toBeUndefined();
    expect(hp.rankChange).toBeUndefined();
    expect(hp.predecessors.map((p) => p.name)).toEqual(['Hải Dương', 'Hải Phòng']);
    expect(plain.units.find((u) => u.unit.name === 'Thành phố Huế')).toMatchObject({ status: 'renamed', rankChange: 1 });

    const mean = compareRankings(year('2025'), year('2024'), { crosswalk, mergeRule: 'mean' });
    const hpMean = mean.units.find((u) => u.unit.name === 'Thành phố Hải Phòng')!;
    // (90.40 + 96.17) / 2 = 93.285, third behind Hà Nội 94.80 and Quảng Ninh 94.55... and ahead of the rest
    expect(formatRatio(hpMean.previous!.index, 4)).toBe('93.2850');
    expect(hpMean.previous!.rank).toBe(3);
    expect(hpMean.rankChange).toBe(2);
    const max = compareRankings(year('2025'), year('2024'), { crosswalk, mergeRule: 'max' });
    expect(max.units.find((u) => u.unit.name === 'Thành phố Hải Phòng')!.previous!.rank).toBe(1);
  });

  it('rejects a crosswalk line naming a unit that does not exist', () => {
    const crosswalk = [{ old: 'Atlantis', new: 'Thành phố Hải Phòng', file: 'cw.csv', line: 2 }];
    const problems = problemsOf(() => compareRankings(year('2025'), year('2024'), { crosswalk }));
    expect(problems[0]).toMatchObject({ code: 'crosswalk-unknown-unit', file: 'cw.csv', line: 2 });
  });

  it('property: change.rank always equals previous.rank - rank, whatever the scores', () => {
    const scheme = findBuiltinScheme('quang-ngai-district-2023')!;
    const scores = fc.array(fc.tuple(fc.integer({ min: 0, max: 7200 }), fc.integer({ min: 0, max: 2800 })), { minLength: 1, maxLength: 15 });
    fc.assert(
      fc.property(scores, scores, (a, b) => {
        const csv = (rows: [number, number][]) => textSource('unit;appraisal;survey\n' + rows.map(([x, y], i) => `U${i};${x / 100};${y / 100}`).join('\n') + '\n');
        const cmp = compareRankings(rankSources([csv(b)], { scheme }), rankSources([csv(a)], { scheme }));
        for (const u of cmp.units) {
          if (u.previous) expect(u.rankChange).toBe(u.previous.rank! - u.unit.rank!);
          else expect(u.rankChange).toBeUndefined();
        }
        expect(cmp.counts.up + cmp.counts.down + cmp.counts.unchanged + cmp.counts.new).toBe(b.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe('trend', () => {
  it('follows units across three years and orders them by the latest rank', () => {
    const t = buildTrend([
      { year: '2024', ranking: year('2024') },
      { year: '2023', ranking: year('2023') },
      { year: '2025', ranking: year('2025') },
    ]);
    expect(t.years).toEqual(['2023', '2024', '2025']);
    const hn = t.tracks.find((x) => x.name === 'Thành phố Hà Nội')!;
    expect(hn.series.map((u) => u?.rank)).toEqual([3, 3, 2]);
    expect(t.tracks[0]!.name).toBe('Thành phố Hải Phòng');
    expect(t.tracks.find((x) => x.name === 'Bình Dương')!.series.map((u) => u?.rank)).toEqual([10, undefined, undefined]);
  });

  it('rejects two inputs for one year', () => {
    expect(() => buildTrend([{ year: '2024', ranking: year('2024') }, { year: '2024', ranking: year('2023') }])).toThrow(/two inputs are for the year 2024/);
  });
});

describe('the JSON of a change', () => {
  it('written directly equals JSON.stringify of changeJson at depth 3, for every unit of real comparisons', async () => {
    const { changeJson } = await import('../../src/write/json.js');
    const { changeText } = await import('../../src/write/json-change.js');
    const nested = (v: unknown) => JSON.stringify(v, null, 2).replace(/\n/g, `\n${'  '.repeat(3)}`);
    const pairs = [
      ['yoy/provinces-2023.csv', 'yoy/provinces-2024.csv'],
      ['yoy/provinces-2024.csv', 'yoy/provinces-2025.csv'],
    ] as const;
    for (const [prev, cur] of pairs) {
      for (const mergeRule of [undefined, 'mean', 'max'] as const) {
        const crosswalk = cur.endsWith('2025.csv') ? readCrosswalk({ bytes: readFileSync(fixture('yoy/crosswalk-2024-2025.csv')), name: 'cw.csv' }) : [];
        const c = compareRankings(rankSources([fixtureSource(cur)]), rankSources([fixtureSource(prev)]), { crosswalk, ...(mergeRule ? { mergeRule } : {}) });
        for (const i of c.current.order) {
          const json = changeJson(c.change(i), 2);
          expect(changeText(c.change(i), 2)).toBe(`"previous": ${nested(json.previous)},\n      "change": ${nested(json.change)}`);
        }
      }
    }
  });
});

describe('the compare document streamed', () => {
  it('is the bytes of one JSON.stringify of compareJson, for renames, merges, merge rules, blocks and --top', async () => {
    const { compareJson, compareJsonChunks } = await import('../../src/write/compare.js');
    const decoder = new TextDecoder();
    const crosswalk = readCrosswalk({ bytes: readFileSync(fixture('yoy/crosswalk-2024-2025.csv')), name: 'cw.csv' });
    const example = parseScheme(JSON.parse(readFileSync(fixture('example-province.scheme.json'), 'utf8'))).scheme!;
    const cases = [
      ...[undefined, 'mean', 'max', 'sum'].map((mergeRule) =>
        compareRankings(rankSources([fixtureSource('yoy/provinces-2025.csv')]), rankSources([fixtureSource('yoy/provinces-2024.csv')]), {
          crosswalk,
          ...(mergeRule ? { mergeRule: mergeRule as 'mean' } : {}),
        }),
      ),
      compareRankings(rankSources([fixtureSource('yoy/provinces-2024.csv')]), rankSources([fixtureSource('yoy/provinces-2023.csv')])),
      // A code written in another case, a block renamed, a name with its prefix: printed from last year's strings.
      (() => {
        const one = parseScheme({ id: 'one', components: [{ id: 'c1', max: 10 }] }).scheme!;
        const before = textSource('code,unit,block,c1\nu1,Huyện A,Khối 1,5\nU2,B,Khối 1,6\nU3,C,Khối 1,7\n');
        const now = textSource('code,unit,block,c1\nU1,A,Khối 1,7\nU2,B,Khối 2,4\nU3,C,Khối 1,6\n');
        return compareRankings(rankSources([now], { scheme: one }), rankSources([before], { scheme: one }));
      })(),
      // Equal totals out of different maxima (a component not applicable), and totals too large at their scale for the texts kept.
      (() => {
        const two = parseScheme({ id: 'two', components: [{ id: 'c1', max: 10 }, { id: 'c2', max: 10 }] }).scheme!;
        const before = textSource('code,unit,c1,c2\nA,A,5,KAD\nB,B,5,0\nC,C,9.00001,1.5\nD,D,4,1\n');
        const now = textSource('code,unit,c1,c2\nA,A,5,0\nB,B,5,KAD\nC,C,9.5,1.00001\nD,D,2,3\n');
        return compareRankings(rankSources([now], { scheme: two }), rankSources([before], { scheme: two }));
      })(),
      // Blocks, a not-applicable cell, ties: every unit the same as last year.
      compareRankings(rankSources([fixtureSource('example-province-units-2023.csv')], { scheme: example }), rankSources([fixtureSource('example-province-units-2023.csv')], { scheme: example })),
    ];
    let units = 0;
    for (const c of cases) {
      for (const o of [{ lang: 'en' as const }, { lang: 'vi' as const, top: 2 }, { lang: 'en' as const, top: 0 }]) {
        const text = [...compareJsonChunks(c, o)].map((piece) => (typeof piece === 'string' ? piece : decoder.decode(piece))).join('');
        const expected = `${JSON.stringify(compareJson(c, o), null, 2)}\n`;
        expect(text).toBe(expected);
        units += (JSON.parse(text) as { units: unknown[] }).units.length;
      }
    }
    expect(units).toBeGreaterThan(150);
  });
});

describe('movement order', () => {
  const scheme = findBuiltinScheme('quang-ngai-district-2023')!;
  const year = (rows: readonly [string, number, number][]) =>
    rankSources([textSource('unit;appraisal;survey\n' + rows.map(([name, x, y]) => `${name};${x / 100};${y / 100}`).join('\n') + '\n')], { scheme });
  const byDefinition = (c: ReturnType<typeof compareRankings>) => [...c.units].sort(byMovement).map((u) => u.unit.at);

  it('is byMovement over the changes: rank change, index change, then names, for ties of every kind', () => {
    // Few scores, so rank and index changes tie often; names with and without diacritics.
    const names = ['An Lão', 'An Nhơn', 'Ba Tơ', 'Bà Rịa', 'Đức Phổ', 'Duc Pho', 'Lý Sơn', 'ly son', 'Mộ Đức', 'Sơn Hà', 'Sơn Tây', 'Trà Bồng'];
    const row = fc.tuple(fc.constantFrom(...names), fc.integer({ min: 60, max: 63 }).map((x) => x * 100), fc.constantFrom(2000, 2050));
    const rows = fc.uniqueArray(row, { selector: (r) => r[0], minLength: 1, maxLength: names.length });
    fc.assert(
      fc.property(rows, rows, (before, now) => {
        const c = compareRankings(year(now), year(before));
        expect(Array.from(movementOrder(c))).toEqual(byDefinition(c));
      }),
      { numRuns: 150 },
    );
  });

  it('orders many units that move alike (new units) by name', () => {
    const now: [string, number, number][] = Array.from({ length: 400 }, (_, i) => [`Xã ${String.fromCharCode(0x41 + (i % 26))}${(i * 7919) % 400}`, 6000 + (i % 3) * 100, 2000]);
    const c = compareRankings(year(now), year([['Xã Cũ', 6000, 2000]]));
    expect(c.counts.new).toBe(400);
    expect(Array.from(movementOrder(c))).toEqual(byDefinition(c));
  });
});
