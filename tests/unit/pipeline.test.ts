import { resolveScheme } from '../../src/model/scheme.js';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadTable, rankSources } from '../../src/read/load.js';
import { rankingJson } from '../../src/write/json.js';
import { findBuiltinScheme } from '../../src/read/builtin.js';
import { parseScheme } from '../../src/read/scheme-file.js';
import { fixture, fixtureSource, problemsOf, textSource } from '../helpers.js';

const qn = findBuiltinScheme('quang-ngai-district-2023')!;
const example = parseScheme(JSON.parse(readFileSync(fixture('example-province.scheme.json'), 'utf8'))).scheme!;
const json = (...args: Parameters<typeof rankSources>) => rankingJson(rankSources(...args));

describe('Quảng Ngãi districts 2023 (Excel export)', () => {
  const r = json([fixtureSource('quang-ngai-districts-2023.csv')]);

  it('picks the scheme from the header notes and reads all 13 districts', () => {
    expect(r.scheme.id).toBe('quang-ngai-district-2023');
    expect(r.units).toHaveLength(13);
  });

  it('reproduces the published Bình Sơn result: 82.84 points, rank 6/13', () => {
    const binhSon = r.units.find((u) => u.unit === 'Bình Sơn')!;
    expect(binhSon).toMatchObject({ rank: 6, of: 13, total: 82.84, max: 100, index: 82.84 });
    expect(binhSon.components.appraisal).toEqual({ applicable: true, points: 63.26, max: 72, index: 87.86, rank: 6 });
    expect(binhSon.components.survey).toMatchObject({ points: 19.58, max: 28, index: 69.93 });
  });

  it('lists units in rank order with no warnings (declared totals agree)', () => {
    expect(r.units.map((u) => u.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(r.warnings).toEqual([]);
  });

  it('gives the summary exactly', () => {
    expect(r.summary).toMatchObject({ units: 13, ranked: 13, mean: 81.82, median: 82.11, min: 76.92, max: 87.55 });
  });

  it('says a table\'s codes are distinct only when the reader knows they are', () => {
    const scheme = { scheme: parseScheme({ id: 'two-parts', components: [{ id: 'a', max: 60 }, { id: 'b', max: 40 }] }).scheme! };
    const head = 'Mã,Tỉnh,a';
    const tail = 'Mã,Tỉnh,b';
    // One file: the reader refuses a code twice, so they are distinct.
    expect(loadTable([textSource('Mã,Tỉnh,a,b\n01,Hà Nội,50,30\n02,Huế,40,20\n')], scheme).table.distinctCodes).toBe(true);
    // Two files, every code the first file's: distinct.
    const first = textSource(`${head}\n01,Hà Nội,50\n02,Huế,40\n`, 'a.csv');
    expect(loadTable([first, textSource(`${tail}\n01,Hà Nội,30\n02,Huế,20\n`, 'b.csv')], scheme).table.distinctCodes).toBe(true);
    // A code from the second file for a unit the first file gave none: not known distinct.
    const noCode = textSource(`${head}\n01,Hà Nội,50\n,Huế,40\n`, 'a.csv');
    const loaded = loadTable([noCode, textSource(`${tail}\n01,Hà Nội,30\n02,Huế,20\n`, 'b.csv')], scheme);
    expect(loaded.log.errors).toEqual([]);
    expect(loaded.table.codes).toEqual(['01', '02']);
    expect(loaded.table.distinctCodes).toBe(false);
  });

  it('joins the same year split into an appraisal file and a survey file (NFD names, other order)', () => {
    const joined = json([fixtureSource('quang-ngai-2023-appraisal.csv'), fixtureSource('quang-ngai-2023-survey.csv')]);
    expect(joined.units).toEqual(r.units);
    expect(joined.files).toEqual(['fixtures/quang-ngai-2023-appraisal.csv', 'fixtures/quang-ngai-2023-survey.csv']);
  });
});

describe('provinces 2022 (876/QĐ-BNV)', () => {
  const r = json([fixtureSource('provinces-2022.csv')]);

  it('bands units into groups A, B, C', () => {
    expect(r.summary.bands.map((b) => [b.id, b.count])).toEqual([['A', 2], ['B', 5], ['C', 1]]);
    expect(r.units[0]).toMatchObject({ unit: 'Quảng Ninh', code: '22', index: 90.1, band: { id: 'A' } });
  });

  it('adds Ninh Thuận parts to 85.79; the published 85.78 is within rounding, and one note says so', () => {
    expect(r.units.find((u) => u.unit === 'Ninh Thuận')).toMatchObject({ total: 85.79, rank: 7 });
    expect(r.warnings.map((w) => w.code)).toEqual(['totals-rounded']);
    expect(r.warnings[0]!.message).toMatch(/^1 declared total in "total" differs from the sum of the components by at most 0.01, as rounding/);
  });
});

describe('ministries (assessed but not ranked, ties)', () => {
  const r = json([fixtureSource('ministries-2023.csv')]);

  it('shares a rank on an exact tie and skips the next (1-2-2-4 rule)', () => {
    expect(r.units.slice(4, 7).map((u) => [u.unit, u.rank])).toEqual([
      ['Bộ Công Thương', 5],
      ['Bộ Nội vụ', 5],
      ['Bộ Y tế', 7],
    ]);
  });

  it('does not rank the Government Inspectorate and the Committee for Ethnic Minority Affairs, and lists them last', () => {
    const last = r.units.slice(-2);
    expect(last.map((u) => [u.unit, u.rank, u.ranked, u.of])).toEqual([
      ['Thanh tra Chính phủ', null, false, 8],
      ['Ủy ban Dân tộc', null, false, 8],
    ]);
    expect(r.summary).toMatchObject({ units: 10, ranked: 8 });
  });
});

describe('blocks, not applicable and a user scheme', () => {
  const r = json([fixtureSource('example-province-units-2023.csv')], { scheme: example });

  it('ranks each block separately', () => {
    const ranks = r.units.map((u) => [u.block, u.unit, u.rank, u.of]);
    expect(ranks).toEqual([
      ['Sở, ban, ngành', 'Sở Tư pháp', 1, 5],
      ['Sở, ban, ngành', 'Sở Nội vụ', 2, 5],
      ['Sở, ban, ngành', 'Sở Tài chính', 3, 5],
      ['Sở, ban, ngành', 'Ban Quản lý các khu công nghiệp', 4, 5],
      ['Sở, ban, ngành', 'Sở Giao thông vận tải', 5, 5],
      ['UBND cấp huyện', 'Thành phố Tuyên Quang', 1, 4],
      ['UBND cấp huyện', 'Huyện Sơn Dương', 2, 4],
      ['UBND cấp huyện', 'Huyện Yên Sơn', 2, 4],
      ['UBND cấp huyện', 'Huyện Lâm Bình', 4, 4],
    ]);
    expect(r.summary.blocks.map((b) => [b.block, b.units])).toEqual([
      ['Sở, ban, ngành', 5],
      ['UBND cấp huyện', 4],
    ]);
  });

  it('excludes a not-applicable component from that unit\'s maximum: 79.10 / 94 = 84.15%', () => {
    const u = r.units.find((x) => x.code === 'S04')!;
    expect(u).toMatchObject({ total: 79.1, max: 94, index: 84.15, band: { id: 'tot' } });
    expect(u.components.tai_chinh).toEqual({ applicable: false, points: null, max: null, index: null, rank: null });
    expect(r.units.find((x) => x.code === 'S05')!.components.tai_chinh!.rank).toBe(4);
  });
});

describe('checks that produce warnings, not errors', () => {
  it('refuses a declared total further from the sum than rounding explains (exact parts: half a cent)', () => {
    const problems = problemsOf(() => rankSources([textSource('Đơn vị;Điểm thẩm định;Điều tra XHH;Tổng điểm\nA;60;20;80,02\nB;60;20;80,00\n')], { scheme: qn }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'total-mismatch', file: 't.csv', line: 2, column: 4 });
    expect(problems[0]!.message).toBe('A: "Tổng điểm" is 80.02, but the components add up to 80.00: 0.02 apart, more than rounding explains (0.015)');
  });

  it('warns about an unknown column instead of silently ignoring it', () => {
    const r = rankSources([textSource('unit;appraisal;survey;Điểm thưởng\nA;60;20;1\n')], { scheme: qn });
    expect(r.warnings.map((w) => w.code)).toEqual(['unknown-column']);
  });

  it('counts empty cells as 0 only with --missing zero, and says so', () => {
    const r = rankSources([textSource('unit;appraisal;survey\nA;60;\n')], { scheme: qn, missing: 'zero' });
    expect(rankingJson(r).units[0]!.total).toBe(60);
    expect(r.warnings.map((w) => w.code)).toEqual(['missing-as-zero']);
  });

  it('warns when the rounded display crosses a band threshold that the exact value does not', () => {
    const province = findBuiltinScheme('vn-province-2022')!;
    const r = rankSources([textSource('unit,appraisal,sipas,leaders_survey,socio_economic\nA,56.999,10,22,0.9999\n')], { scheme: province });
    expect(rankingJson(r).units[0]).toMatchObject({ index: 90, band: { id: 'B' } });
    expect(r.warnings.map((w) => w.code)).toEqual(['band-at-threshold']);
  });
});

describe('errors: every problem, with file, line and column', () => {
  it('reports all bad cells of a file at once', () => {
    const problems = problemsOf(() =>
      rankSources([textSource('Đơn vị;Điểm thẩm định;Điều tra XHH\nA;75;20\nB;abc;-3\nC;;1.234,5\nA;10;10\n')], { scheme: qn }),
    );
    expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['value-above-max', 2, 2],
      ['not-a-number', 3, 2],
      ['negative-value', 3, 3],
      ['missing-value', 4, 2],
      ['not-a-number', 4, 3],
      ['duplicate-unit', 5, 1],
    ]);
    expect(problems.every((p) => p.file === 't.csv')).toBe(true);
  });

  it('names both files when a unit is in only one of them', () => {
    const problems = problemsOf(() =>
      rankSources([textSource('unit;appraisal\nA;60\nB;61\n', 'a.csv'), textSource('unit;survey\nA;20\nC;21\n', 's.csv')], { scheme: qn }),
    );
    expect(problems.map((p) => p.message)).toEqual(['B is in a.csv but not in s.csv', 'C is in s.csv but not in a.csv']);
  });

  it('rejects a component given by two files', () => {
    const problems = problemsOf(() =>
      rankSources([textSource('unit;appraisal;survey\nA;60;20\n', 'a.csv'), textSource('unit;survey\nA;20\n', 's.csv')], { scheme: qn }),
    );
    expect(problems[0]).toMatchObject({ code: 'duplicate-column', file: 's.csv' });
  });

  it('rejects a missing component column, a ragged row, a mixed decimal convention and an empty file', () => {
    expect(problemsOf(() => rankSources([textSource('unit;appraisal\nA;60\n')], { scheme: qn }))[0]).toMatchObject({ code: 'missing-column', line: 1 });
    expect(problemsOf(() => rankSources([textSource('unit;appraisal;survey\nA;60\n')], { scheme: qn }))[0]).toMatchObject({ code: 'ragged-row', line: 2 });
    expect(problemsOf(() => rankSources([textSource('unit;appraisal;survey\nA;60,5;20.5\n')], { scheme: qn }))[0]).toMatchObject({
      code: 'mixed-decimal-separator',
      line: 2,
      column: 3,
    });
    expect(problemsOf(() => rankSources([textSource('')], { scheme: qn }))[0]).toMatchObject({ code: 'empty-file' });
    expect(problemsOf(() => rankSources([textSource('unit;appraisal;survey\n')], { scheme: qn }))[0]).toMatchObject({ code: 'no-units' });
  });

  it('hints at quoting when decimal commas break a comma-separated file', () => {
    const p = problemsOf(() => rankSources([textSource('unit,appraisal,survey\nA,60,5,20\n')], { scheme: qn }))[0]!;
    expect(p.code).toBe('ragged-row');
    expect(p.hint).toContain('quoted');
  });

  it('rejects a unit whose every component is not applicable', () => {
    const open = resolveScheme({ id: 'open', components: [{ id: 'appraisal', max: 72 }, { id: 'survey', max: 28 }] });
    expect(problemsOf(() => rankSources([textSource('unit;appraisal;survey\nA;KAD;N/A\n')], { scheme: open }))[0]).toMatchObject({
      code: 'no-applicable-component',
    });
    // A component that applies to every unit (the built-in schemes' parts) cannot be "not applicable".
    expect(problemsOf(() => rankSources([textSource('unit;appraisal;survey\nA;KAD;20\n')], { scheme: qn }))[0]).toMatchObject({ code: 'not-applicable-here', line: 2, column: 2 });
  });
});

describe('JSON output', () => {
  it('streams the same bytes as one JSON.stringify of the whole document, comparison included', async () => {
    const { rankingJsonChunks } = await import('../../src/write/json-stream.js');
    const decoder = new TextDecoder();
    const { compareRankings } = await import('../../src/model/compare.js');
    for (const [cur, prev] of [
      ['yoy/provinces-2024.csv', 'yoy/provinces-2023.csv'],
      ['example-province-units-2023.csv', undefined],
      // Blocks, a not-applicable cell, a tie: every unit's change printed from the columns.
      ['example-province-units-2023.csv', 'example-province-units-2023.csv'],
    ] as const) {
      const scheme = cur.startsWith('example') ? example : undefined;
      const r = rankSources([fixtureSource(cur)], scheme ? { scheme } : {});
      const c = prev ? compareRankings(r, rankSources([fixtureSource(prev)], scheme ? { scheme } : {})) : undefined;
      const text = [...rankingJsonChunks(r, c)].map((piece) => (typeof piece === 'string' ? piece : decoder.decode(piece))).join('');
      expect(text).toBe(`${JSON.stringify(rankingJson(r, c), null, 2)}\n`);
    }
  });
});
