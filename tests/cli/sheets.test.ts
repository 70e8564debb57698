/**
 * Results sheets as offices make them, built and exported by LibreOffice (scripts/make-sheets.mjs,
 * fixtures/sheets/): each is ranked right, or refused with exit 1, a message naming file, line and
 * column, and nothing on stdout. Never a wrong ranking with exit 0.
 */
import { describe, expect, it } from 'vitest';
import { cli } from './run.js';

const sheet = (name: string) => `fixtures/sheets/quang-ngai-2023-${name}.csv`;
const PUBLISHED = [
  ['TP. Quảng Ngãi', 87.55],
  ['Sơn Tịnh', 85.13],
  ['Tư Nghĩa', 84.42],
  ['Mộ Đức', 83.75],
  ['Thị xã Đức Phổ', 83.1],
  ['Bình Sơn', 82.84],
  ['Nghĩa Hành', 82.11],
  ['Lý Sơn', 81.31],
  ['Trà Bồng', 80.17],
  ['Sơn Hà', 79.63],
  ['Ba Tơ', 78.62],
  ['Minh Long', 78.13],
  ['Sơn Tây', 76.92],
];

async function ranked(args: string[]) {
  const r = await cli(['rank', ...args, '--format', 'json']);
  expect(r.stderr.split('\n').filter((l) => l.startsWith('par-score: ') && !l.startsWith('par-score: note:'))).toEqual([]);
  expect(r.code).toBe(0);
  return { ...JSON.parse(r.stdout), stderr: r.stderr } as { units: { unit: string; total: number; rank: number; of: number }[]; warnings: { code: string; message: string }[]; stderr: string };
}

async function refused(args: string[]) {
  const r = await cli(['rank', ...args]);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  return r.stderr;
}

describe('a results sheet as LibreOffice exports it', () => {
  it('ranks the districts as published: titles, a merged two-row header, the "Trung bình" row and the notes are not units', async () => {
    const r = await ranked([sheet('as-exported')]);
    expect(r.units.map((u) => [u.unit, u.total])).toEqual(PUBLISHED);
    expect(r.units.find((u) => u.unit === 'Bình Sơn')).toMatchObject({ rank: 6, of: 13 });
    // The skipped rows, in one line: which and why.
    expect(r.stderr).toBe(
      `par-score: note: ${sheet('as-exported')}:19: 6 rows are not units and were skipped: line 19 ("Trung bình", a summary row), lines 21-25 (notes under the table)\n`,
    );
  });

  it('checks the summary row: a unit row deleted makes the means disagree', async () => {
    const { readFileSync, writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const text = readFileSync(sheet('as-exported'), 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('13;Sơn Tây'))
      .join('\n');
    const p = join(mkdtempSync(join(tmpdir(), 'par-score-sheet-')), 'deleted-row.csv');
    writeFileSync(p, text);
    const stderr = await refused([p]);
    expect(stderr).toContain(`par-score: ${p}:18:7: the "Trung bình" row gives 62.43 for "Điểm thẩm định (72) / Cộng (72)", but the mean of the 12 units above it is 62.72`);
    expect(stderr).toContain(`par-score: ${p}:18:9: the "Trung bình" row gives 81.82 for "Tổng điểm (100)", but the mean of the 12 units above it is 82.23`);
  });

  it('refuses a failed VLOOKUP (#N/A) instead of reading it as "not applicable"', async () => {
    const stderr = await refused([sheet('na-lookup')]);
    expect(stderr).toContain(`par-score: ${sheet('na-lookup')}:17:8: "Điều tra XHH (28)": #N/A is a spreadsheet error value: the formula that should give this cell failed`);
  });

  it('refuses a zero shown as " - " by an Accounting format unless told what it means', async () => {
    const stderr = await refused([sheet('accounting-zero')]);
    expect(stderr).toContain(`par-score: ${sheet('accounting-zero')}:18:8: "Điều tra XHH (28)": "-" for Sơn Tây could be 0 (Excel's Accounting format shows zero as "-") or "not applicable"`);
    const zero = await ranked([sheet('accounting-zero'), '--dash', 'zero']);
    expect(zero.units.at(-1)).toMatchObject({ unit: 'Sơn Tây', total: 58.9, rank: 13 });
    // Read as "not applicable": the scheme says the survey applies to every district.
    const na = await refused([sheet('accounting-zero'), '--dash', 'na']);
    expect(na).toBe(`par-score: ${sheet('accounting-zero')}:18:8: "Điều tra XHH (28)": Sơn Tây is marked not applicable, but this component applies to every unit\n`);
  });

  it('refuses the sheet whose field-header row was deleted: every declared total disagrees with the shifted columns', async () => {
    const stderr = await refused([sheet('subheader-deleted')]);
    expect(stderr).toContain(
      `par-score: ${sheet('subheader-deleted')}:10:9: Bình Sơn: "Tổng điểm (100)" is 82.84, but the components add up to 28.37: 54.47 apart, more than rounding explains (0.015)`,
    );
    expect(stderr).toContain('par-score: 13 errors');
  });

  it('refuses a survey given as ratios under "(%)", saying what the column holds', async () => {
    const stderr = await refused([sheet('survey-ratio')]);
    expect(stderr).toBe(
      `par-score: ${sheet('survey-ratio')}:4:8: "Điều tra XHH (%)" holds ratios (every value is at most 1, e.g. 0,7643), not points: read as points, survey (maximum 28) would be wrong\n` +
        '  hint: give survey in points, or use a scheme that says how survey is measured\n',
    );
  });

  it('joins two offices\' files that write "Huyện Bình Sơn" and "Bình Sơn", "Huyện Lý Sơn (*)" and "Lý Sơn"', async () => {
    const r = await ranked([sheet('appraisal-office'), sheet('survey-office')]);
    expect(r.units.map((u) => u.total)).toEqual(PUBLISHED.map(([, t]) => t));
    expect(r.units.find((u) => u.unit === 'Huyện Bình Sơn')).toMatchObject({ total: 82.84, rank: 6, of: 13 });
  });
});

describe('positions', () => {
  it('name the spreadsheet row when a header cell holds a line break (the CSV line is one further)', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const p = join(mkdtempSync(join(tmpdir(), 'par-score-sheet-')), 'wrapped.csv');
    writeFileSync(p, 'Đơn vị;"Điểm thẩm định\n(72)";Điều tra XHH (28)\nA;80;20\n');
    const r = await cli(['rank', p]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`par-score: ${p}:3:2 (row 2): "Điểm thẩm định (72)": 80 is above the maximum 72 for A\n`);
    const json = JSON.parse((await cli(['validate', p, '--format', 'json'])).stdout);
    expect(json.problems[0]).toMatchObject({ line: 3, row: 2, column: 2 });
  });

  it('refuse a header whose maximum is not the given scheme\'s', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const p = join(mkdtempSync(join(tmpdir(), 'par-score-sheet-')), 'other-max.csv');
    writeFileSync(p, 'Đơn vị;Điểm thẩm định (61,5);Điều tra XHH (28)\nA;50;20\n');
    const r = await cli(['rank', p, '--scheme', 'quang-ngai-district-2023']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`par-score: ${p}:1:2: "Điểm thẩm định (61,5)" states a maximum of 61,5, but appraisal of scheme quang-ngai-district-2023 has 72`);
  });
});
