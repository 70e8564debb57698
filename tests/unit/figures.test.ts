/**
 * The figures a file states are checks: a declared total made from its parts (rounded as published)
 * never errors; a column shifted by one always does. Declared maxima, indices and ranks, and
 * `--totals declared`, by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankSources } from '../../src/read/load.js';
import { findBuiltinScheme } from '../../src/read/builtin.js';
import { rankingJson } from '../../src/write/json.js';
import { problemsOf, textSource } from '../helpers.js';

const qn = findBuiltinScheme('quang-ngai-district-2023')!;
const cents = (n: number) => (n / 100).toFixed(2).replace('.', ',');

/** Units with unrounded parts (3 decimals) published rounded to 2, the total rounded from the exact sum. */
const units = fc.array(
  fc.record({ appraisal: fc.integer({ min: 0, max: 72000 }), survey: fc.integer({ min: 0, max: 28000 }) }),
  { minLength: 2, maxLength: 30 },
);
const round = (milli: number) => Math.round(milli / 10);

describe('declared totals', () => {
  it('made from the parts as an office publishes them (each part and the total rounded on its own) never error', () => {
    fc.assert(
      fc.property(units, (us) => {
        const rows = us.map((u, i) => `Đơn vị ${i};${cents(round(u.appraisal))};${cents(round(u.survey))};${cents(round(u.appraisal + u.survey))}`);
        const r = rankSources([textSource(['Đơn vị;Điểm thẩm định (72);Điều tra XHH (28);Tổng điểm', ...rows].join('\n'))], { scheme: qn });
        expect(r.warnings.filter((w) => w.severity !== 'note')).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('read from a column shifted by one (the survey read as the total) always error', () => {
    fc.assert(
      fc.property(units, (us) => {
        // The header lost its first score column: appraisal heads the survey's values, survey the totals'.
        const rows = us.map((u, i) => `Đơn vị ${i};${cents(round(u.appraisal))};${cents(round(u.survey))};${cents(round(u.appraisal + u.survey))}`);
        const shifted = ['Đơn vị;;Điểm thẩm định (72);Điều tra XHH (28);Tổng điểm', ...rows.map((r) => `${r};${cents(round(us[0]!.appraisal))}`)];
        const codes = problemsOf(() => rankSources([textSource(shifted.join('\n'))], { scheme: qn })).map((p) => p.code);
        expect(codes.some((c) => c === 'total-mismatch' || c === 'value-above-max')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('--totals declared ranks on the published totals; the note says the gaps are rounding', () => {
    // Two units whose published parts add up to the same 80.00, but whose published totals differ.
    const text = 'Đơn vị;Điểm thẩm định (72);Điều tra XHH (28);Tổng điểm\nA;60,00;20,00;79,99\nB;60,00;20,00;80,00\n';
    const computed = rankingJson(rankSources([textSource(text)], { scheme: qn }));
    expect(computed.units.map((u) => [u.unit, u.total, u.rank])).toEqual([['A', 80, 1], ['B', 80, 1]]);
    const declared = rankSources([textSource(text)], { scheme: qn, totals: 'declared' });
    expect(rankingJson(declared).units.map((u) => [u.unit, u.total, u.rank])).toEqual([['B', 80, 1], ['A', 79.99, 2]]);
    expect(declared.warnings.map((w) => [w.code, w.message])).toEqual([
      ['totals-rounded', '1 declared total in "Tổng điểm" differs from the sum of the components by at most 0.01, as rounding the published components explains (ranked on the declared totals (--totals declared))'],
    ]);
  });

  it('--totals declared needs a total column', () => {
    const problems = problemsOf(() => rankSources([textSource('Đơn vị;Điểm thẩm định (72);Điều tra XHH (28)\nA;60;20\n')], { scheme: qn, totals: 'declared' }));
    expect(problems.map((p) => p.code)).toEqual(['no-declared-total']);
  });
});

describe("a unit's own maximum, its index and its rank", () => {
  const head = 'Đơn vị;Điểm thẩm định (72);Điều tra XHH (28);Tổng điểm;Điểm tối đa;Chỉ số (%);Xếp hạng';

  it('ranks on total / the unit\'s maximum, as published tables do', () => {
    const r = rankSources([textSource(`${head}\nA;61,95;19,36;81,31;98;82,97;1\nB;63,26;19,58;82,84;100;82,84;2\n`)], { scheme: qn });
    expect(rankingJson(r).units.map((u) => [u.unit, u.index, u.rank])).toEqual([['A', 82.97, 1], ['B', 82.84, 2]]);
    expect(r.warnings).toEqual([]);
  });

  it('refuses a maximum above what applies, or below the points', () => {
    const above = problemsOf(() => rankSources([textSource(`${head}\nA;60;KAD;60;100;60;1\n`)], { scheme: { ...qn, components: qn.components.map((c) => ({ ...c, always: false })), nodes: qn.nodes.map((c) => ({ ...c, always: false })) } }));
    expect(above[0]).toMatchObject({ code: 'max-mismatch', line: 2, column: 5, message: 'A: "Điểm tối đa" is 100, but what applies to it has a maximum of 72' });
    const below = problemsOf(() => rankSources([textSource(`${head}\nA;61,95;19,36;81,31;80;100;1\n`)], { scheme: qn }));
    expect(below[0]).toMatchObject({ code: 'max-mismatch', message: 'A: "Điểm tối đa" is 80, below its points, 81.31' });
  });

  it('refuses an index that is not total / maximum, and accepts one written as a ratio', () => {
    const wrong = problemsOf(() => rankSources([textSource(`${head}\nA;61,95;19,36;81,31;98;81,31;1\n`)], { scheme: qn }));
    expect(wrong.map((p) => [p.code, p.message])).toEqual([['index-mismatch', 'A: "Chỉ số (%)" is 81.31, but its index (total / maximum x 100) is 82.97']]);
    const ratio = rankSources([textSource(`${head}\nA;61,95;19,36;81,31;98;0,8297;1\n`)], { scheme: qn });
    expect(ratio.warnings).toEqual([]);
  });

  it('reports a declared rank that differs, with both ranks', () => {
    const r = rankSources([textSource(`${head}\nA;61,95;19,36;81,31;98;82,97;2\nB;63,26;19,58;82,84;100;82,84;1\n`)], { scheme: qn });
    expect(r.warnings.map((w) => [w.code, w.message, w.line])).toEqual([
      ['rank-differs', 'A: "Xếp hạng" ranks it 2, par-score ranks it 1/2', 2],
      ['rank-differs', 'B: "Xếp hạng" ranks it 1, par-score ranks it 2/2', 3],
    ]);
  });
});
