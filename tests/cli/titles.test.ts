/**
 * Headings and the language: --title; the year a title row states; compare's "2023 → 2024"; a
 * built-in scheme's title that names no province it was not made for; --lang vn; the language of
 * the environment (PAR_SCORE_LANG, LANG).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yearOfTitle } from '../../src/read/header.js';
import { cli } from './run.js';

/** A Quảng Nam district file in a file name without a year: only its title row says 2023. */
function quangNam(): string {
  const dir = mkdtempSync(join(tmpdir(), 'par-score-title-'));
  const file = join(dir, 'ket-qua-huyen.csv');
  writeFileSync(file, 'UBND TỈNH QUẢNG NAM\nKẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP HUYỆN NĂM 2023\nĐơn vị,Điểm thẩm định (72),Điểm điều tra XHH (28)\nHội An,65.1,21.2\nTam Kỳ,64.9,20.8\n');
  return file;
}

describe('titles', () => {
  it('the year comes from the title row; the built-in district scheme names no province in the heading', async () => {
    const r = await cli(['rank', quangNam()]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('District PAR INDEX (Quảng Ngãi scheme) 2023');
    const vi = await cli(['rank', quangNam(), '--lang', 'vi']);
    expect(vi.stdout.split('\n')[0]).toBe('Chỉ số CCHC cấp huyện (theo bộ tiêu chí tỉnh Quảng Ngãi) năm 2023');
    expect(JSON.parse((await cli(['rank', quangNam(), '--format', 'json'])).stdout).year).toBe('2023');
  });

  it('--title heads the table, Markdown, the workbook and the report', async () => {
    const t = 'Chỉ số CCHC cấp huyện tỉnh Quảng Nam năm 2023';
    expect((await cli(['rank', quangNam(), '--title', t])).stdout.split('\n')[0]).toBe(t);
    expect((await cli(['rank', quangNam(), '--title', t, '--format', 'md'])).stdout.split('\n')[0]).toBe(`## ${t}`);
    const html = (await cli(['report', quangNam(), '--title', t])).stdout;
    expect(html).toContain(`<title>${t}</title>`);
    expect(html).toContain(`<h1>${t}</h1>`);
  });

  it("compare's heading reads previous → current", async () => {
    const r = await cli(['compare', 'fixtures/yoy/provinces-2023.csv', 'fixtures/yoy/provinces-2024.csv', '-q']);
    expect(r.stdout.split('\n')[0]).toBe('Provincial PAR INDEX (Decision 876/QĐ-BNV) 2023 → 2024');
    const md = await cli(['compare', 'fixtures/yoy/provinces-2023.csv', 'fixtures/yoy/provinces-2024.csv', '-q', '--format', 'md', '--title', 'So sánh']);
    expect(md.stdout.split('\n')[0]).toBe('## So sánh');
  });

  it('a year is read from a title only where it is the assessed year', () => {
    expect(yearOfTitle('KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP HUYỆN NĂM 2023')).toBe('2023');
    expect(yearOfTitle('Chỉ số CCHC 2024 của các sở')).toBe('2024');
    expect(yearOfTitle('Provincial PAR INDEX (Decision 876/QĐ-BNV) 2024')).toBe('2024');
    expect(yearOfTitle('(Kèm theo Quyết định số 512/QĐ-UBND ngày 29/3/2024 của Chủ tịch UBND tỉnh)')).toBeUndefined();
    expect(yearOfTitle('SỞ NỘI VỤ TỈNH QUẢNG NGÃI')).toBeUndefined();
  });
});

describe('the language', () => {
  it('--lang vn is Vietnamese; PAR_SCORE_LANG and a vi_VN locale set the default; --lang wins', async () => {
    const head = async (args: string[], env: Record<string, string> = {}) => (await cli(['rank', quangNam(), ...args], { env })).stdout.split('\n')[3];
    const vi = await head(['--lang', 'vi']);
    expect(vi).toContain('Xếp hạng');
    expect(await head(['--lang', 'vn'])).toBe(vi);
    expect(await head(['--lang', 'VI'])).toBe(vi);
    expect(await head([], { PAR_SCORE_LANG: 'vi' })).toBe(vi);
    expect(await head([], { LANG: 'vi_VN.UTF-8' })).toBe(vi);
    expect(await head(['--lang', 'en'], { LANG: 'vi_VN.UTF-8' })).toContain('Rank');
    expect(await head([], { LANG: 'en_US.UTF-8' })).toContain('Rank');
    const bad = await cli(['rank', quangNam()], { env: { PAR_SCORE_LANG: 'fr' } });
    expect([bad.code, bad.stderr]).toEqual([2, 'par-score: invalid PAR_SCORE_LANG=fr: expected en or vi\n']);
  });
});

describe('CSV in Vietnamese', () => {
  it('compare and trend write Vietnamese headers and status words, as rank does; English keeps the ids', async () => {
    const years = ['fixtures/yoy/provinces-2023.csv', 'fixtures/yoy/provinces-2024.csv'];
    const vi = (await cli(['compare', ...years, '--format', 'csv', '--lang', 'vi', '-q'])).stdout.split('\r\n');
    expect(vi[0]).toBe('Đơn vị,Mã,Khối,Xếp hạng 2023,Xếp hạng,Thay đổi,Chỉ số (%) 2023,Chỉ số (%),Chỉ số tăng/giảm,Tình trạng,Số lĩnh vực tăng,Số lĩnh vực giảm');
    expect(vi[1]).toBe('Bà Rịa-Vũng Tàu,77,,5,2,3,91.03,95.12,4.09,cùng đơn vị,4,0');
    const en = (await cli(['compare', ...years, '--format', 'csv', '-q'])).stdout.split('\r\n');
    expect(en[1]).toBe('Bà Rịa-Vũng Tàu,77,,5,2,3,91.03,95.12,4.09,same,4,0');
    const trend = (await cli(['trend', ...years, '--format', 'csv', '--lang', 'vi', '-q'])).stdout.split('\r\n');
    expect(trend[0]).toBe('Đơn vị,Mã,Khối,Năm,Xếp hạng,Số đơn vị xếp hạng,Tổng điểm,Chỉ số (%),Xếp loại');
  });
});
