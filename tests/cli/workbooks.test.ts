/**
 * Workbooks read directly: the LibreOffice sheets of fixtures/sheets saved as .xlsx, .xls and .ods
 * (scripts/make-workbooks.mjs, fixtures/workbooks/). Each ranks exactly as its CSV export does; a
 * problem names the sheet's own cell; a damaged or locked workbook is refused with a reason.
 */
import { describe, expect, it } from 'vitest';
import { displayedNumber, numberFormat } from '../../src/read/workbook.js';
import { cli } from './run.js';

const book = (name: string) => `fixtures/workbooks/${name}`;
const SHEET = "'KQ CCHC 2023'";

async function json(args: string[]) {
  const r = await cli([...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { units: { unit: string; total: number; rank: number; of: number; components: Record<string, { points: number | null }>; change: { rank: number | null } | null }[]; warnings: { code: string; cell: string | null }[] };
}

const units = (doc: Awaited<ReturnType<typeof json>>) => doc.units.map((u) => [u.unit, u.rank, u.total, Object.values(u.components).map((c) => c.points)]);

describe('a workbook ranks as its CSV export does', () => {
  it.each(['xlsx', 'xls', 'ods'])('.%s: same units, ranks, totals and parts; the skipped rows placed in the sheet', async (ext) => {
    const fromCsv = await json(['rank', 'fixtures/sheets/quang-ngai-2023-as-exported.csv']);
    const fromBook = await json(['rank', book(`quang-ngai-2023-as-exported.${ext}`)]);
    expect(units(fromBook)).toEqual(units(fromCsv));
    expect(fromBook.units.find((u) => u.unit === 'Bình Sơn')).toMatchObject({ rank: 6, of: 13, total: 82.84 });
    expect(fromBook.warnings.map((w) => [w.code, w.cell])).toEqual([['rows-skipped', `${SHEET}!19:19`]]);
  });

  it('a tree scheme over a workbook of fields: the same as the CSV', async () => {
    const scheme = ['--scheme', 'fixtures/quang-ngai-district-fields.scheme.json'];
    const fromCsv = await json(['rank', 'fixtures/sheets/quang-ngai-2023-fields.csv', ...scheme, '--depth', '1']);
    const fromBook = await json(['rank', book('quang-ngai-2023-fields.xlsx'), ...scheme, '--depth', '1']);
    expect(units(fromBook)).toEqual(units(fromCsv));
  });

  it('a zero shown as " - " by an Accounting format is the number 0 the cell holds (no dash to interpret)', async () => {
    const r = await json(['rank', book('quang-ngai-2023-accounting-zero.xlsx')]);
    const last = r.units.at(-1)!;
    expect([last.unit, last.rank, Object.values(last.components).map((c) => c.points)]).toEqual(['Sơn Tây', 13, [58.9, 0]]);
    // The CSV export shows only the dash, which is refused.
    expect((await cli(['rank', 'fixtures/sheets/quang-ngai-2023-accounting-zero.csv'])).code).toBe(1);
  });

  it('as --prev, and in validate', async () => {
    const r = await json(['rank', 'fixtures/sheets/quang-ngai-2023-as-exported.csv', '--prev', book('quang-ngai-2023-as-exported.ods')]);
    expect(r.units.map((u) => u.change?.rank)).toEqual(Array(13).fill(0));
    const v = await cli(['validate', book('quang-ngai-2023-as-exported.xls')]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain(`${book('quang-ngai-2023-as-exported.xls')}:${SHEET}!19:19: note: 6 rows are not units`);
  });
});

describe('an HTML table saved as .xls (what many administrative systems export as "Excel")', () => {
  it('keeps its decimal commas: 63,26 is 63.26, not 6326', async () => {
    const r = await json(['rank', book('html-table-decimal-comma.xls')]);
    expect(r.units.map((u) => [u.unit, u.total])).toEqual([
      ['Sơn Tịnh', 85.13],
      ['Bình Sơn', 82.84],
    ]);
    expect((r as unknown as { year: string }).year).toBe('2023');
  });
});

describe('problems in a workbook', () => {
  it("a failed lookup (#N/A) is refused at the sheet's own cell, nothing on stdout", async () => {
    const r = await cli(['rank', book('quang-ngai-2023-na-lookup.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`par-score: ${book('quang-ngai-2023-na-lookup.xlsx')}:${SHEET}!H17: "Điều tra XHH (28)": #N/A is a spreadsheet error value`);
    const v = JSON.parse((await cli(['validate', book('quang-ngai-2023-na-lookup.xlsx'), '--format', 'json'])).stdout);
    expect(v.problems.filter((p: { code: string }) => p.code === 'formula-error').map((p: { cell: string; line: number; column: number }) => [p.cell, p.line, p.column])).toEqual([
      [`${SHEET}!H17`, 17, 8],
      [`${SHEET}!I17`, 17, 9],
    ]);
  });

  it('--sheet by name or number; a sheet that is not there is a usage error listing the sheets', async () => {
    // The second sheet of this workbook is the survey table the first one looks up.
    const second = await cli(['rank', book('quang-ngai-2023-na-lookup.xlsx'), '--sheet', '2']);
    expect(second.code).not.toBe(0);
    const byName = await json(['rank', book('quang-ngai-2023-as-exported.xlsx'), '--sheet', 'kq cchc 2023']);
    expect(byName.units).toHaveLength(13);
    const r = await cli(['rank', book('quang-ngai-2023-as-exported.xlsx'), '--sheet', 'Sheet9']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain('the workbook has no sheet "Sheet9"; its sheets are "KQ CCHC 2023"');
  });

  it('a truncated workbook and a password-protected one are refused with what to do', async () => {
    const t = await cli(['rank', book('truncated.xlsx')]);
    expect([t.code, t.stdout]).toEqual([1, '']);
    expect(t.stderr).toContain(`${book('truncated.xlsx')}: this looks like a workbook but cannot be read`);
    const p = await cli(['rank', book('password-protected.xlsx')]);
    expect([p.code, p.stdout]).toEqual([1, '']);
    expect(p.stderr).toContain('the workbook is password-protected');
    expect(p.stderr).toContain('remove the password');
  });
});

describe("last year's workbook", () => {
  it('--sheet is for this year, --prev-sheet for last year (else its first sheet)', async () => {
    const { readFileSync, writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { sheetJS } = await import('../../src/read/workbook.js');
    const lib = await sheetJS();
    // Last year's workbook: a cover sheet first, the scores on "KQ 2022".
    const wb = lib.read(readFileSync(book('quang-ngai-2023-as-exported.xlsx')), { type: 'buffer' }) as unknown as { SheetNames: string[]; Sheets: Record<string, unknown> };
    wb.Sheets['KQ 2022'] = wb.Sheets['KQ CCHC 2023'];
    wb.Sheets['Bìa'] = lib.utils.aoa_to_sheet([['SỞ NỘI VỤ'], ['Báo cáo năm 2022']]);
    delete wb.Sheets['KQ CCHC 2023'];
    wb.SheetNames = ['Bìa', 'KQ 2022'];
    const prev = join(mkdtempSync(join(tmpdir(), 'par-score-prev-')), 'ket-qua-2022.xlsx');
    writeFileSync(prev, lib.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    const args = ['rank', book('quang-ngai-2023-as-exported.xlsx'), '--sheet', 'KQ CCHC 2023', '--prev', prev];
    const r = await json([...args, '--prev-sheet', 'KQ 2022']);
    expect(r.units.map((u) => u.change?.rank)).toEqual(Array(13).fill(0));
    // Without --prev-sheet, last year's first sheet (the cover) is read, and refused.
    const cover = await cli(args);
    expect([cover.code, cover.stdout]).toEqual([2, '']);
    expect(cover.stderr).toContain(`par-score: warning: ${prev}: the first sheet ("Bìa") was read; the workbook's sheets are "Bìa", "KQ 2022"`);
  });
});

describe('a workbook that unpacks to gigabytes', () => {
  it('is refused from its ZIP directory, before anything is unpacked', async () => {
    const { readFileSync, writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    // A real workbook whose directory says its sheet unpacks to 3 GiB (as a ZIP bomb's does).
    const bytes = Buffer.from(readFileSync(book('quang-ngai-2023-as-exported.xlsx')));
    const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const first = bytes.readUInt32LE(end + 16);
    bytes.writeUInt32LE(3 * 1024 * 1024 * 1024, first + 24);
    const file = join(mkdtempSync(join(tmpdir(), 'par-score-bomb-')), 'bomb.xlsx');
    writeFileSync(file, bytes);
    const r = await cli(['rank', file]);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toContain('the workbook unpacks to 3,072 MiB, more than the 256 MiB a results workbook can need');
  });
});

describe('numbers as the sheet shows them', () => {
  it('reads the decimals of a format, Vietnamese locale prefix and all', () => {
    expect(numberFormat('[$-42A]0.00')).toEqual({ decimals: 2, percent: false });
    expect(numberFormat('#,##0.0_);[Red](#,##0.0)')).toEqual({ decimals: 1, percent: false });
    expect(numberFormat('0.00%')).toEqual({ decimals: 2, percent: true });
    expect(numberFormat('General')).toEqual({ percent: false });
    expect(numberFormat('"điểm" 0')).toEqual({ decimals: 0, percent: false });
  });

  it('a date is not a number: shown as the sheet shows it, for the reader to refuse', async () => {
    const { isDateFormat } = await import('../../src/read/workbook.js');
    expect(['dd/mm/yyyy', 'm/d/yy', '[$-42A]dd/mm/yyyy', 'h:mm'].map(isDateFormat)).toEqual([true, true, true, true]);
    expect(['0.00', 'General', '#,##0', '0%', '"ngày" 0'].map(isDateFormat)).toEqual([false, false, false, false, false]);
    // "8.5" typed where Excel reads it as 8 May: refused at its cell, never ranked as 45054 or 8.5.
    const { sheetJS } = await import('../../src/read/workbook.js');
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const lib = await sheetJS();
    const ws = lib.utils.aoa_to_sheet([
      ['Đơn vị', 'Điểm thẩm định (72)', 'Điều tra XHH (28)'],
      ['Bình Sơn', 63.26, { t: 'n', v: 45054, z: 'dd/mm/yyyy' }],
    ]);
    const wb = lib.utils.book_new();
    lib.utils.book_append_sheet(wb, ws, 'KQ');
    const file = join(mkdtempSync(join(tmpdir(), 'par-score-date-')), 'date.xlsx');
    writeFileSync(file, lib.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    const r = await cli(['rank', file, '--scheme', 'quang-ngai-district-2023']);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toMatch(/date\.xlsx:KQ!C2: "Điều tra XHH \(28\)": "[\d/]+" is not a number/);
  });

  it('rounds as Excel shows: 15 significant digits, then half away from zero', () => {
    expect(displayedNumber(8.600000000000001, 'General')).toBe('8.6');
    expect(displayedNumber(8.6, '0.00')).toBe('8.60');
    // 1.005 is stored as 1.00499999999999989...; Excel shows 1.01.
    expect(displayedNumber(1.005, '0.00')).toBe('1.01');
    expect(displayedNumber(-2.5, '0')).toBe('-3');
    expect(displayedNumber(0.76428, '0.00%')).toBe('76.43%');
  });
});
