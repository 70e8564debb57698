import { describe, expect, it, beforeAll } from 'vitest';
import { readFileSync, writeFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ANSI, cli } from './run.js';
import { fixture, tempDir } from '../helpers.js';

const QN = 'fixtures/quang-ngai-districts-2023.csv';
let dir: string;
beforeAll(() => {
  dir = tempDir('e2e');
});
const tmp = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('par-score rank: happy paths', () => {
  it('prints a ranked table without colour in a pipe', async () => {
    const r = (await cli(['rank', QN]));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).toContain('District PAR INDEX (Quảng Ngãi scheme) 2023');
    expect(r.stdout).toMatch(/│\s+6 │ Bình Sơn\s+│\s+63\.26 │\s+19\.58 │ 82\.84 │\s+82\.84 │/);
    expect(r.stdout).toContain('13 units, mean 81.82, median 82.11');
  });

  it('colours only when asked: FORCE_COLOR yes, NO_COLOR and --no-color no', async () => {
    expect((await cli(['rank', QN], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
    expect((await cli(['rank', QN, '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await cli(['rank', QN], { env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
  });

  it('writes Vietnamese labels and decimal commas with --lang vi', async () => {
    const r = (await cli(['rank', QN, '--lang', 'vi']));
    expect(r.stdout).toContain('Xếp hạng');
    expect(r.stdout).toMatch(/Bình Sơn\s+│\s+63,26 │\s+19,58 │\s+82,84/);
    expect(r.stdout).toContain('13 đơn vị, trung bình 81,82');
  });

  it('prints the JSON contract', async () => {
    const r = (await cli(['rank', QN, '--format', 'json']));
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'scheme', 'year', 'files', 'options', 'units', 'summary', 'comparison', 'dropped', 'warnings']);
    expect(Object.keys(doc.units[0])).toEqual(['rank', 'of', 'unit', 'code', 'block', 'ranked', 'total', 'max', 'index', 'band', 'components', 'previous', 'change']);
    expect(doc.schemaVersion).toBe(2);
    expect(doc.units[5]).toMatchObject({ rank: 6, of: 13, unit: 'Bình Sơn', total: 82.84, index: 82.84 });
    expect(r.stdout).not.toMatch(/\d\.\d{3,}/);
  });

  it('prints CSV that reads back as the same ranking, with a BOM on request', async () => {
    const csv = (await cli(['rank', QN, '--format', 'csv', '--bom'])).stdout;
    expect(csv.startsWith('\uFEFFrank,unit,code,appraisal,survey,total,max,index,ranked\r\n')).toBe(true);
    const back = (await cli(['rank', tmp('back.csv', csv), '--scheme', 'quang-ngai-district-2023', '--format', 'json']));
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout).units[5]).toMatchObject({ unit: 'Bình Sơn', rank: 6, total: 82.84 });
  });

  it('hides component columns with --components hide, shows them in a pipe by default', async () => {
    const args = ['rank', 'fixtures/example-province-units-2023.csv', '-s', 'fixtures/example-province.scheme.json'];
    expect((await cli(args)).stdout).toContain('Public finance');
    const hidden = (await cli([...args, '--components', 'hide'])).stdout;
    expect(hidden).not.toContain('Public finance');
    expect(hidden).toMatch(/│\s+4 │ Ban Quản lý các khu công nghiệp │ S04\s+│ 79\.10 │\s+94\.00 │\s+84\.15 │ Good/);
  });

  it('writes Vietnamese CSV that par-score reads back without options, flags included', async () => {
    const original = (await cli(['rank', 'fixtures/ministries-2023.csv', '--format', 'json']));
    const csv = (await cli(['rank', 'fixtures/ministries-2023.csv', '--format', 'csv', '--lang', 'vi'])).stdout;
    expect(csv.split('\r\n')[0]).toBe('Xếp hạng,Đơn vị,Mã,Điểm thẩm định (68.5),Điểm điều tra xã hội học (31.5),Tổng điểm,Điểm tối đa,Chỉ số (%),Có xếp hạng');
    const back = (await cli(['rank', tmp('vi.csv', csv), '--format', 'json']));
    expect(back.code).toBe(0);
    expect(back.stderr).toBe('');
    const pick = (doc: string) => JSON.parse(doc).units.map((u: { unit: string; rank: number; ranked: boolean; total: number }) => [u.unit, u.rank, u.ranked, u.total]);
    expect(pick(back.stdout)).toEqual(pick(original.stdout));
  });

  it('reads back its Vietnamese CSV of the provinces (labels with two notes, codes, bands)', async () => {
    const csv = (await cli(['rank', 'fixtures/provinces-2022.csv', '--format', 'csv', '--lang', 'vi'])).stdout;
    const back = (await cli(['rank', tmp('vi-prov.csv', csv), '--format', 'json']));
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout).units[0]).toMatchObject({ unit: 'Quảng Ninh', code: '22', total: 90.1, band: { id: 'A' } });
  });

  it('prints Markdown', async () => {
    const md = (await cli(['rank', QN, '--format', 'md'])).stdout;
    expect(md).toContain('| Rank | Unit | Appraisal score (72) | Sociological survey (28) | Total | Index (%) |');
    expect(md).toContain('| 6 | Bình Sơn | 63.26 | 19.58 | 82.84 | 82.84 |');
  });

  it('reads standard input with -', async () => {
    const r = (await cli(['rank', '-', '--format', 'json'], { input: readFileSync(fixture('provinces-2022.csv')) }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files).toEqual(['<stdin>']);
  });

  it('reads UTF-16 with BOM (Excel "Unicode Text")', async () => {
    const text = readFileSync(fixture('ministries-2023.csv'), 'utf8');
    const p = tmp('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = (await cli(['rank', p, '--format', 'json']));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).units[0].unit).toBe('Ngân hàng Nhà nước Việt Nam');
  });

  it('joins an appraisal file and a survey file', async () => {
    const r = (await cli(['rank', 'fixtures/quang-ngai-2023-appraisal.csv', 'fixtures/quang-ngai-2023-survey.csv', '--format', 'json']));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).units[5]).toMatchObject({ unit: 'Bình Sơn', total: 82.84, rank: 6 });
  });

  it('applies --ties and --rank-precision', async () => {
    const ranks = async (args: string[]) => JSON.parse((await cli(['rank', 'fixtures/ministries-2023.csv', '--format', 'json', ...args])).stdout).units.map((u: { rank: number }) => u.rank);
    expect(await ranks([])).toEqual([1, 2, 3, 4, 5, 5, 7, 8, null, null]);
    expect(await ranks(['--ties', 'dense'])).toEqual([1, 2, 3, 4, 5, 5, 6, 7, null, null]);
    expect(await ranks(['--ties', 'ordinal'])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, null, null]);
    expect(await ranks(['--rank-precision', '0'])).toEqual([1, 2, 3, 4, 5, 5, 7, 8, null, null]);
  });

  it('prints warnings on stderr and keeps stdout clean; --quiet silences them', async () => {
    const p = tmp('warn.csv', 'Đơn vị;Điểm thẩm định (72);Điều tra XHH (28);Điểm thưởng\nA;60;20;1\n');
    const r = (await cli(['rank', p, '--format', 'json']));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`par-score: warning: ${p}:1:4: column "Điểm thưởng" is not part of scheme quang-ngai-district-2023 and is ignored\n`);
    expect(JSON.parse(r.stdout).warnings[0]).toMatchObject({ code: 'unknown-column', line: 1, column: 4 });
    expect((await cli(['rank', p, '--quiet'])).stderr).toBe('');
  });

  it('neutralises formula injection in CSV output', async () => {
    const p = tmp('inject.csv', 'unit;appraisal;survey\n"=HYPERLINK(""http://x"")";60;20\n@SUM(A1);50;10\n-Xã A;40;10\n');
    const csv = (await cli(['rank', p, '-s', 'quang-ngai-district-2023', '--format', 'csv'])).stdout;
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain("'@SUM(A1)");
    expect(csv).toContain("'-Xã A");
    // Numbers are never altered.
    expect(csv).toContain(',60.00,20.00,80.00,100.00,80.00,');
  });

});

describe('par-score rank --out', () => {
  it('writes the file atomically and nothing to stdout', async () => {
    const out = join(dir, 'out', 'ranking.json');
    mkdirSync(join(dir, 'out'), { recursive: true });
    const r = (await cli(['rank', QN, '--format', 'json', '--out', out]));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).units).toHaveLength(13);
    expect(readdirSync(join(dir, 'out'))).toEqual(['ranking.json']);
  });

  it('refuses to replace an existing file without --force', async () => {
    const out = tmp('existing.txt', 'keep me');
    const r = (await cli(['rank', QN, '--out', out]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already exists');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect((await cli(['rank', QN, '--out', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Bình Sơn');
  });

  it('never overwrites an input file, even with --force', async () => {
    const input = tmp('input.csv', readFileSync(fixture('provinces-2022.csv')));
    const before = readFileSync(input, 'utf8');
    const r = (await cli(['rank', input, '--out', input, '--force']));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`par-score: refusing to write to ${input}: it is an input file\n`);
    expect(readFileSync(input, 'utf8')).toBe(before);
  });

  it('writes nothing when the data is invalid', async () => {
    const out = join(dir, 'never.json');
    const bad = tmp('bad-out.csv', 'unit;appraisal;survey\nA;99;20\n');
    expect((await cli(['rank', bad, '-s', 'quang-ngai-district-2023', '--out', out])).code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
