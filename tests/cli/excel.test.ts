/**
 * Output for spreadsheets: `--excel` CSV (`;`, decimal commas, BOM) and the results workbook
 * (`--format xlsx`), each read back by par-score to the same ranking; the workbook's structure read
 * with SheetJS (sheets, frozen header, numbers as numbers, no formulas). That LibreOffice opens the
 * workbook to the same values is checked in tests/e2e/xlsx-libreoffice.test.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sheetJS } from '../../src/read/workbook.js';
import { cli } from './run.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'par-score-excel-'));
const QN = 'fixtures/quang-ngai-districts-2023.csv';

async function ranking(args: string[]) {
  const r = await cli(['rank', ...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout) as { year: string | null; units: { unit: string; rank: number; total: number; index: number }[] };
  return { year: doc.year, units: doc.units.map((u) => [u.unit, u.rank, u.total, u.index]) };
}

describe('--excel: CSV for a spreadsheet in a Vietnamese locale', () => {
  it('writes ; and decimal commas after a BOM, CRLF, and reads back to the same ranking', async () => {
    const r = await cli(['rank', QN, '--excel', '--lang', 'vi']);
    expect(r.code).toBe(0);
    expect([...r.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = r.stdout.slice(1).split('\r\n');
    expect(lines[0]).toBe('Xếp hạng;Đơn vị;Mã;Điểm thẩm định (72);Điểm điều tra xã hội học (28);Tổng điểm;Điểm tối đa;Chỉ số (%);Có xếp hạng');
    expect(lines[6]).toBe('6;Bình Sơn;;63,26;19,58;82,84;100,00;82,84;có');
    const dir = tmp();
    writeFileSync(join(dir, 'ket-qua-2023.csv'), r.bytes);
    expect(await ranking([join(dir, 'ket-qua-2023.csv')])).toEqual(await ranking([QN]));
  });

  it('compare and trend too; --excel with another format is a usage error', async () => {
    const c = await cli(['compare', 'fixtures/yoy/provinces-2023.csv', 'fixtures/yoy/provinces-2024.csv', '--excel']);
    expect(c.stdout.split('\r\n')[1]).toBe('Bà Rịa-Vũng Tàu;77;;5;2;3;91,03;95,12;4,09;same;4;0');
    const t = await cli(['trend', 'fixtures/yoy/provinces-2023.csv', 'fixtures/yoy/provinces-2024.csv', '--excel']);
    expect(t.stdout.split('\r\n')[1]).toBe('Hải Phòng;31;;2023;2;17;91,87;91,87;A');
    const bad = await cli(['rank', QN, '--excel', '--format', 'json']);
    expect([bad.code, bad.stdout]).toEqual([2, '']);
    expect(bad.stderr).toContain('--excel writes CSV');
  });
});

describe('the results workbook', () => {
  it('--out ending in .xlsx writes a workbook that par-score reads back to the same ranking', async () => {
    const dir = tmp();
    const out = join(dir, 'ket-qua-2023.xlsx');
    const r = await cli(['rank', QN, '--out', out, '--lang', 'vi']);
    expect(r.code, r.stderr).toBe(0);
    expect(await ranking([out])).toEqual(await ranking([QN]));
  });

  it('a title row, a frozen header, numbers stored as numbers with the scheme decimals, text never a formula', async () => {
    const dir = tmp();
    const input = join(dir, '2023.csv');
    writeFileSync(input, 'Đơn vị,Điểm thẩm định (72),Điểm điều tra XHH (28)\n"=HYPERLINK(""http://x"",""y"")",60.5,20\nBình Sơn,63.26,19.58\n');
    const out = join(dir, 'out.xlsx');
    expect((await cli(['rank', input, '--scheme', 'quang-ngai-district-2023', '--out', out])).code).toBe(0);
    const lib = await sheetJS();
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(out);
    const book = lib.read(bytes, { type: 'buffer', cellFormula: true, cellNF: true }) as unknown as { SheetNames: string[]; Sheets: Record<string, Record<string, { t: string; v: unknown; f?: string; z?: string }>> };
    expect(book.SheetNames).toEqual(['Ranking']);
    const s = book.Sheets.Ranking!;
    expect(s.A1!.v).toBe('District PAR INDEX (Quảng Ngãi scheme) 2023');
    expect([s.A2!.v, s.B2!.v, s.C2!.v]).toEqual(['Rank', 'Unit', 'Appraisal score (72)']);
    expect([s.B3!.v, s.C3!.t, s.C3!.v, s.C3!.z, s.E3!.v]).toEqual(['Bình Sơn', 'n', 63.26, '0.00', 82.84]);
    expect([s.B4!.t, s.B4!.v, s.B4!.f]).toEqual(['s', '=HYPERLINK("http://x","y")', undefined]);
    // The pane: rows 1-2 stay in view.
    const sheetXml = (await import('node:zlib')).inflateRawSync(zipEntry(bytes, 'xl/worksheets/sheet1.xml')).toString();
    expect(sheetXml).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
    expect(sheetXml).not.toContain('<f>');
  });

  it('one sheet per block, and the comparison on its own sheet with --prev; words in Vietnamese', async () => {
    const lib = await sheetJS();
    const dir = tmp();
    const blocks = await cli(['rank', 'fixtures/example-province-units-2023.csv', '--scheme', 'fixtures/example-province.scheme.json', '--format', 'xlsx', '--lang', 'vi']);
    expect(blocks.code).toBe(0);
    expect(lib.read(blocks.bytes, { type: 'buffer' }).SheetNames).toEqual(['Sở, ban, ngành', 'UBND cấp huyện']);
    const out = join(dir, 'yoy.xlsx');
    expect((await cli(['rank', 'fixtures/yoy/provinces-2024.csv', '--prev', 'fixtures/yoy/provinces-2023.csv', '--out', out, '--lang', 'vi', '-q'])).code).toBe(0);
    const { readFileSync } = await import('node:fs');
    const book = lib.read(readFileSync(out), { type: 'buffer' }) as unknown as { SheetNames: string[]; Sheets: Record<string, Record<string, { v: unknown }>> };
    expect(book.SheetNames).toEqual(['Xếp hạng', 'So sánh']);
    const cmp = book.Sheets['So sánh']!;
    expect(String(cmp.A1!.v)).toContain('So sánh 2023 → 2024');
    expect([cmp.A3!.v, cmp.D3!.v, cmp.E3!.v, cmp.F3!.v, cmp.J3!.v]).toEqual(['Hải Phòng', 2, 1, 1, 'cùng đơn vị']);
  });

  it('template --out *.xlsx: a workbook to fill in (parts merged over their fields) that rank reads once filled', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'tinh.csv'), 'Tỉnh,Mã\nHà Nội,01\nHải Phòng,31\n');
    const book = join(dir, 'nhap-lieu-2024.xlsx');
    const t = await cli(['template', '--scheme', 'vn-province-2022', '--units', join(dir, 'tinh.csv'), '--lang', 'vi', '--out', book]);
    expect(t.code, t.stderr).toBe(0);
    const lib = await sheetJS();
    const { readFileSync } = await import('node:fs');
    const wb = lib.read(readFileSync(book), { type: 'buffer' }) as unknown as { SheetNames: string[]; Sheets: Record<string, Record<string, unknown>> };
    expect(wb.SheetNames).toEqual(['Nhập liệu']);
    const ws = wb.Sheets['Nhập liệu']!;
    expect((ws['!merges'] as unknown[]).length).toBeGreaterThan(0);
    // The office fills in the scores: Hà Nội 58.30 + 9.10 + 21.20 + 6.20, Hải Phòng 59.14 + 9.50 + 21.33 + 6.20.
    const fill = { D3: 58.3, E3: 9.1, F3: 21.2, G3: 6.2, D4: 59.14, E4: 9.5, F4: 21.33, G4: 6.2 };
    for (const [cell, v] of Object.entries(fill)) ws[cell] = { t: 'n', v };
    const filled = join(dir, 'da-dien.xlsx');
    writeFileSync(filled, lib.write(wb, { type: 'buffer', bookType: 'xlsx' }));
    const r = await ranking([filled]);
    expect(r.units).toEqual([
      ['Hải Phòng', 1, 96.17, 96.17],
      ['Hà Nội', 2, 94.8, 94.8],
    ]);
  });

  it('refuses a workbook on a terminal, and an --out .xlsx with another --format', async () => {
    const r = await cli(['rank', QN, '--out', join(tmp(), 'a.xlsx'), '--format', 'csv']);
    expect([r.code, r.stderr.includes('--out names a workbook')]).toEqual([2, true]);
  });
});

/** The compressed bytes of one entry of a ZIP archive (stored by par-score's writer, deflated). */
function zipEntry(bytes: Buffer, name: string): Buffer {
  for (let at = 0; at + 30 < bytes.length; ) {
    if (bytes.readUInt32LE(at) !== 0x04034b50) break;
    const size = bytes.readUInt32LE(at + 18);
    const nameLength = bytes.readUInt16LE(at + 26);
    const extra = bytes.readUInt16LE(at + 28);
    const entry = bytes.subarray(at + 30, at + 30 + nameLength).toString();
    const data = bytes.subarray(at + 30 + nameLength + extra, at + 30 + nameLength + extra + size);
    if (entry === name) return data;
    at += 30 + nameLength + extra + size;
  }
  throw new Error(`no ${name} in the archive`);
}
