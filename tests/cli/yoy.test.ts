import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANSI, cli } from './run.js';
import { tempDir } from '../helpers.js';

const Y = (y: number) => `fixtures/yoy/provinces-${y}.csv`;
const CW = 'fixtures/yoy/crosswalk-2024-2025.csv';

describe('par-score rank --prev', () => {
  it('adds the previous rank, ▲/▼ changes and index changes to the table', async () => {
    const r = (await cli(['rank', Y(2024), '--prev', Y(2023), '--components', 'hide']));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│\s+2 │ Bà Rịa-Vũng Tàu │ 77\s+│ 95\.12 │\s+95\.12 │ Group A │\s+5 │ ▲3\s+│\s+\+4\.09 │/);
    expect(r.stdout).toMatch(/│\s+4 │ Quảng Ninh\s+│ 22\s+│ 94\.55 │\s+94\.55 │ Group A │\s+1 │ ▼3\s+│\s+\+2\.37 │/);
    expect(r.stdout).toMatch(/│\s+3 │ Hà Nội\s+│ 01\s+│ 94\.80 │\s+94\.80 │ Group A │\s+3 │ =\s+│/);
    expect(r.stdout).toMatch(/│\s+16 │ Đắk Nông\s+│ 67\s+│ 85\.20 │\s+85\.20 │ Group B │\s+- │ new\s+│\s+│/);
    expect(r.stdout).toContain('No longer present (in 2023): Bình Dương (10, 87.95)');
    expect(r.stdout).toContain('7 up, 3 down, 6 unchanged, 1 new, 0 merged, 1 no longer present; change of the mean +2.10');
    // The "may mislead" note is in the table; stderr stays quiet for table output.
    expect(r.stderr).toBe('');
  });

  it('says "tăng 3 bậc" / "giảm 3 bậc" / "giữ nguyên" / "mới" in Vietnamese, with colour on request', async () => {
    const r = (await cli(['rank', Y(2024), '--prev', Y(2023), '--lang', 'vi', '--components', 'hide']));
    for (const s of ['tăng 3 bậc', 'giảm 3 bậc', 'giữ nguyên', 'mới', 'Xếp hạng 2023', '+4,09']) expect(r.stdout).toContain(s);
    expect((await cli(['rank', Y(2024), '--prev', Y(2023)], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
  });

  it('puts previous, change, comparison and dropped into the JSON', async () => {
    const r = (await cli(['rank', Y(2024), '--prev', Y(2023), '--format', 'json']));
    const doc = JSON.parse(r.stdout);
    const brvt = doc.units.find((u: { unit: string }) => u.unit === 'Bà Rịa-Vũng Tàu');
    expect(brvt.previous).toMatchObject({ rank: 5, total: 91.03, index: 91.03, band: { id: 'A' } });
    expect(brvt.change).toMatchObject({ status: 'same', rank: 3, index: 4.09 });
    const dn = doc.units.find((u: { unit: string }) => u.unit === 'Đắk Nông');
    expect(dn.previous).toBeNull();
    expect(dn.change).toMatchObject({ status: 'new', rank: null, index: null });
    expect(doc.comparison).toMatchObject({ year: '2023', comparable: false, counts: { up: 7, down: 3, new: 1, dropped: 1 }, mean: { change: 2.1 } });
    expect(doc.dropped).toEqual([expect.objectContaining({ unit: 'Bình Dương', rank: 10 })]);
    expect(r.stderr).toContain('warning: rank changes may mislead');
  });

  it('without --prev keeps previous/change null and dropped empty', async () => {
    const doc = JSON.parse((await cli(['rank', Y(2024), '--format', 'json'])).stdout);
    expect(doc.units[0].previous).toBeNull();
    expect(doc.units[0].change).toBeNull();
    expect(doc.comparison).toBeNull();
    expect(doc.dropped).toEqual([]);
  });

  it('handles the 2025 merger with a crosswalk: merged units n/a unless --merge-rule', async () => {
    const plain = JSON.parse((await cli(['rank', Y(2025), '--prev', Y(2024), '--crosswalk', CW, '--format', 'json'])).stdout);
    const hp = plain.units.find((u: { unit: string }) => u.unit === 'Thành phố Hải Phòng');
    expect(hp.change).toMatchObject({ status: 'merged', rank: null, note: 'merged from Hải Dương, Hải Phòng; no change without --merge-rule' });
    expect(hp.change.predecessors.map((p: { unit: string; rank: number }) => [p.unit, p.rank])).toEqual([['Hải Dương', 8], ['Hải Phòng', 1]]);
    const hue = plain.units.find((u: { unit: string }) => u.unit === 'Thành phố Huế');
    expect(hue.change).toMatchObject({ status: 'renamed', rank: 1, note: 'previously Thừa Thiên Huế' });
    const mean = JSON.parse((await cli(['rank', Y(2025), '--prev', Y(2024), '--crosswalk', CW, '--merge-rule', 'mean', '--format', 'json'])).stdout);
    expect(mean.units.find((u: { unit: string }) => u.unit === 'Thành phố Hải Phòng').change).toMatchObject({ status: 'merged', rank: 2 });
    expect(mean.comparison.mergeRule).toBe('mean');
  });

  it('--fail-on-rank-drop exits 1 and names the units that fell too far, after writing the output', async () => {
    const r = (await cli(['rank', Y(2024), '--prev', Y(2023), '--fail-on-rank-drop', '2', '--format', 'csv', '--quiet']));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Quảng Ninh');
    expect(r.stderr).toBe('par-score: Quảng Ninh fell 3 places (1 -> 4), more than --fail-on-rank-drop 2\n');
    expect((await cli(['rank', Y(2024), '--prev', Y(2023), '--fail-on-rank-drop', '3', '--quiet'])).code).toBe(0);
  });

  it('needs --prev for the year-over-year options', async () => {
    const r = (await cli(['rank', Y(2024), '--crosswalk', CW]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('need --prev');
  });

  it('reports an ambiguous match with the candidates (exit 1)', async () => {
    const dir = tempDir('yoy');
    const prev = join(dir, 'prev-2022.csv');
    const cur = join(dir, 'cur-2023.csv');
    writeFileSync(prev, 'unit;appraisal;survey\nHuyện Đức Phổ;60;20\nThị xã Đức Phổ;61;20\n');
    writeFileSync(cur, 'unit;appraisal;survey\nĐức Phổ;60;20\nBa Tơ;61;20\n');
    const r = (await cli(['rank', cur, '--prev', prev, '-s', 'quang-ngai-district-2023']));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Đức Phổ of 2023 matches several units of 2022: Thị xã Đức Phổ, Huyện Đức Phổ');
  });
});

describe('par-score compare', () => {
  it('sorts by movement and counts up, down, unchanged', async () => {
    const r = (await cli(['compare', Y(2023), Y(2024)]));
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('│ ') && !l.includes('Unit'));
    expect(lines[0]).toMatch(/Bà Rịa-Vũng Tàu\s+│\s+5 │\s+2 │ ▲3/);
    expect(lines.at(-2)).toMatch(/Quảng Ninh\s+│\s+1 │\s+4 │ ▼3/);
    expect(lines.at(-1)).toMatch(/Đắk Nông\s+│\s+- │\s+16 │ new/);
    expect(r.stdout).toContain('7 up, 3 down, 6 unchanged');
  });

  it('--top N shows the N biggest risers and fallers', async () => {
    const r = (await cli(['compare', Y(2023), Y(2024), '--top', '2', '--format', 'json']));
    const doc = JSON.parse(r.stdout);
    expect(doc.kind).toBe('comparison');
    expect(doc.risers.map((u: { unit: string }) => u.unit)).toEqual(['Bà Rịa-Vũng Tàu', 'Khánh Hoà']);
    expect(doc.fallers.map((u: { unit: string }) => u.unit)).toEqual(['Quảng Ninh', 'Hải Dương']);
    expect(doc.mean).toEqual({ previous: 88.02, current: 90.12, change: 2.1 });
    const table = (await cli(['compare', Y(2023), Y(2024), '--top', '2'])).stdout;
    expect(table).toContain('Biggest risers');
    expect(table).toContain('Biggest fallers');
  });

  it('writes CSV and Markdown', async () => {
    expect((await cli(['compare', Y(2023), Y(2024), '--format', 'csv'])).stdout.split('\r\n')[1]).toBe('Bà Rịa-Vũng Tàu,77,,5,2,3,91.03,95.12,4.09,same,4,0');
    expect((await cli(['compare', Y(2023), Y(2024), '--format', 'md', '--lang', 'vi'])).stdout).toContain('| Bà Rịa-Vũng Tàu | 5 | 2 | tăng 3 bậc | 91,03 | 95,12 | +4,09 | ▲4 ▼0 |');
  });

  it('fails with --fail-on-rank-drop like rank --prev', async () => {
    const r = (await cli(['compare', Y(2023), Y(2024), '--fail-on-rank-drop', '0', '--quiet', '--format', 'json']));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).kind).toBe('comparison');
    expect(r.stderr.trim().split('\n')).toEqual([
      'par-score: Quảng Ninh fell 3 places (1 -> 4), more than --fail-on-rank-drop 0',
      'par-score: Bắc Giang fell 1 places (4 -> 5), more than --fail-on-rank-drop 0',
      'par-score: Hải Dương fell 1 places (7 -> 8), more than --fail-on-rank-drop 0',
      'par-score: 3 errors; nothing was written',
    ]);
  });
});

describe('par-score trend', () => {
  it('shows rank · index per year with a sparkline, years from file names', async () => {
    const r = (await cli(['trend', Y(2025), Y(2023), Y(2024)]));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│ Unit\s+│\s+2023 │\s+2024 │\s+2025 │ Trend │ 2023-2025 │/);
    expect(r.stdout).toMatch(/│ Thành phố Hải Phòng\s+│\s+2 · 91\.87 │\s+1 · 96\.17 │\s+1 · 95\.60 │ [▁-█]{3}\s+│\s+\+3\.73 │/);
    expect(r.stdout).toContain('The number of units differs by year (2023: 17, 2024: 17, 2025: 10)');
  });

  it('gives per-year series in JSON, null where a unit is absent', async () => {
    const doc = JSON.parse((await cli(['trend', Y(2023), Y(2024), Y(2025), '--format', 'json'])).stdout);
    expect(doc.kind).toBe('trend');
    expect(doc.years).toEqual(['2023', '2024', '2025']);
    const dn = doc.units.find((u: { unit: string }) => u.unit === 'Đắk Nông');
    expect(dn.series.map((s: { rank: number } | null) => s && s.rank)).toEqual([null, 16, null]);
    expect(doc.summary.map((s: { units: number }) => s.units)).toEqual([17, 17, 10]);
  });

  it('takes years from --year and rejects a count that does not fit', async () => {
    const doc = JSON.parse((await cli(['trend', Y(2023), Y(2024), '--year', '2019,2020', '--format', 'json'])).stdout);
    expect(doc.years).toEqual(['2019', '2020']);
    const bad = (await cli(['trend', Y(2023), Y(2024), '--year', '2019']));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--year gives 1 years for 2 files');
  });
});

describe('units no longer present', () => {
  // A province that merged its communes and gave no crosswalk: most of last year's units are gone.
  const years = (dropped: number) => {
    const dir = tempDir('yoy-dropped');
    const prev = join(dir, 'xa-2024.csv');
    const cur = join(dir, 'xa-2025.csv');
    const row = (k: number) => `Xã ${k};${(70 - k / 10).toFixed(1)};20\n`;
    writeFileSync(prev, `unit;appraisal;survey\n${Array.from({ length: dropped + 2 }, (_, k) => row(k)).join('')}`);
    writeFileSync(cur, `unit;appraisal;survey\n${row(0)}${row(1)}`);
    return { prev, cur };
  };

  it('names the first 30 under the table and counts the rest, which the JSON lists', async () => {
    const { prev, cur } = years(45);
    for (const format of ['table', 'md']) {
      const r = await cli(['compare', prev, cur, '-s', 'quang-ngai-district-2023', '--format', format]);
      expect(r.code).toBe(0);
      const line = r.stdout.split('\n').find((l) => l.includes('No longer present (in 2024)'))!;
      expect(line).toContain('Xã 2 (3, 89.80), Xã 3 (4, 89.70)');
      expect(line).toContain('Xã 31 (32, ');
      expect(line).not.toContain('Xã 32 (');
      expect(line).toMatch(/\) and 15 more \(--format json lists every one\)$/);
    }
    const vi = await cli(['compare', prev, cur, '-s', 'quang-ngai-district-2023', '--lang', 'vi']);
    expect(vi.stdout).toContain(' và 15 đơn vị khác (--format json liệt kê đầy đủ)');
    const json = JSON.parse((await cli(['compare', prev, cur, '-s', 'quang-ngai-district-2023', '--format', 'json'])).stdout);
    expect(json.dropped).toHaveLength(45);
  });

  it('names all of them when one more would be all that is left out', async () => {
    const { prev, cur } = years(31);
    const r = await cli(['rank', cur, '--prev', prev, '-s', 'quang-ngai-district-2023']);
    expect(r.stdout).toContain('Xã 32 (33, 86.80)');
    expect(r.stdout).not.toContain('more (--format json');
  });
});

describe('"rank changes may mislead" in Vietnamese', () => {
  it('says "năm trước" and "năm nay" for years the files do not name, and that the schemes differ, wholly in Vietnamese', async () => {
    const dir = tempDir('yoy-vi-reasons');
    const before = join(dir, 'truoc.csv');
    const now = join(dir, 'nay.csv');
    writeFileSync(before, 'unit;appraisal;survey\nA;60;20\nB;50;20\nC;40;20\n');
    writeFileSync(now, 'unit;appraisal;survey\nA;61;20\nB;50;20\n');
    const qn = ['-s', 'quang-ngai-district-2023', '--lang', 'vi'];
    const table = await cli(['compare', before, now, ...qn]);
    expect(table.stdout).toContain('danh sách đơn vị khác nhau (3 đơn vị năm trước, 2 đơn vị năm nay: 0 mới, 0 hợp nhất, 1 không còn)');
    const csv = await cli(['compare', before, now, ...qn, '--format', 'csv']);
    expect(csv.stderr).toContain('par-score: cảnh báo: thay đổi thứ hạng có thể gây hiểu nhầm: danh sách đơn vị khác nhau (3 đơn vị năm trước, 2 đơn vị năm nay: 0 mới, 0 hợp nhất, 1 không còn)');
    const scheme = join(dir, 'qn-copy.json');
    writeFileSync(scheme, JSON.stringify({ id: 'qn-copy', components: [{ id: 'appraisal', max: 72 }, { id: 'survey', max: 28 }] }));
    const schemes = await cli(['compare', now, now, ...qn, '--prev-scheme', scheme, '--format', 'csv']);
    expect(schemes.stderr).toContain('thay đổi thứ hạng có thể gây hiểu nhầm: hai năm dùng bộ tiêu chí khác nhau (qn-copy và quang-ngai-district-2023)');
    // English is as it was.
    expect((await cli(['compare', before, now, '-s', 'quang-ngai-district-2023', '--format', 'csv'])).stderr).toContain('the units differ (3 in the previous year, 2 in this year: 0 new, 0 merged, 1 no longer present)');
  });
});

describe('--merge-rule compares ranks over the same units', () => {
  it('leaves a new unit out of this year\'s ranks when it compares them with the re-ranked previous year', async () => {
    const dir = tempDir('yoy-same-set');
    const prev = join(dir, '2023.csv');
    const cur = join(dir, '2024.csv');
    writeFileSync(prev, 'unit;appraisal;survey\nA;70;20\nB;60;20\nC;50;20\n');
    // N is new and first; B passes A: among A, B, C, A fell one place, not two.
    writeFileSync(cur, 'unit;appraisal;survey\nN;72;23\nA;65;20\nB;68;20\nC;40;20\n');
    const r = await cli(['rank', cur, '--prev', prev, '--merge-rule', 'mean', '-s', 'quang-ngai-district-2023', '--format', 'json']);
    expect(r.code).toBe(0);
    const units = JSON.parse(r.stdout).units as { unit: string; rank: number; change: { rank: number | null } }[];
    expect(units.map((u) => [u.unit, u.rank, u.change.rank])).toEqual([
      ['N', 1, null],
      ['B', 2, 1],
      ['A', 3, -1],
      ['C', 4, 0],
    ]);
  });
});

describe('blocks', () => {
  it('does not compare the ranks of a unit that moved to another block', async () => {
    const dir = tempDir('yoy-blocks');
    const prev = join(dir, '2023.csv');
    const cur = join(dir, '2024.csv');
    writeFileSync(prev, 'unit;appraisal;survey;Khối\nA;70;20;Sở\nB;60;20;Sở\nC;50;20;Huyện\n');
    writeFileSync(cur, 'unit;appraisal;survey;Khối\nA;70;20;Huyện\nB;60;20;Sở\nC;50;20;Huyện\n');
    const r = await cli(['rank', cur, '--prev', prev, '-s', 'quang-ngai-district-2023', '--format', 'json']);
    expect(r.code).toBe(0);
    const a = (JSON.parse(r.stdout).units as { unit: string; change: { rank: number | null; note: string | null } }[]).find((u) => u.unit === 'A')!;
    expect(a.change.rank).toBeNull();
    expect(a.change.note).toBe('block changed (Sở -> Huyện); ranks are not compared');
  });
});

describe('crosswalk conflicts', () => {
  it('refuses a crosswalk that maps one old unit to two new ones', async () => {
    const dir = tempDir('yoy-crosswalk');
    const prev = join(dir, '2024.csv');
    const cur = join(dir, '2025.csv');
    const cw = join(dir, 'cw.csv');
    writeFileSync(prev, 'unit;appraisal;survey\nA;70;20\nB;60;20\n');
    writeFileSync(cur, 'unit;appraisal;survey\nX;70;20\nY;60;20\n');
    writeFileSync(cw, 'old;new\nA;X\nA;Y\nB;Y\n');
    const r = await cli(['compare', prev, cur, '--crosswalk', cw, '-s', 'quang-ngai-district-2023']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`par-score: ${cw}:3: crosswalk: A is mapped to two different units`);
  });
});

describe('trend --crosswalk', () => {
  const years = ['fixtures/yoy/provinces-2023.csv', 'fixtures/yoy/provinces-2024.csv', 'fixtures/yoy/provinces-2025.csv'];
  it('a renamed province keeps its history; a merged one keeps that of its predecessor of the same name; the merged-away ones end', async () => {
    const r = await cli(['trend', ...years, '--crosswalk', 'fixtures/yoy/crosswalk-2024-2025.csv', '--format', 'json', '-q']);
    expect(r.code, r.stderr).toBe(0);
    type Doc = { units: { unit: string; series: ({ year: string; rank: number | null } | null)[] }[] };
    const ranks = (doc: Doc, name: string) => {
      const u = doc.units.find((x) => x.unit === name)!;
      return ['2023', '2024', '2025'].map((y) => u.series.find((s) => s?.year === y)?.rank ?? null);
    };
    const doc = JSON.parse(r.stdout) as Doc;
    expect(ranks(doc, 'Thành phố Hải Phòng')).toEqual([2, 1, 1]);
    expect(ranks(doc, 'Tỉnh Khánh Hòa')).toEqual([13, 10, 7]);
    expect(ranks(doc, 'Hải Dương')).toEqual([7, 8, null]);
    expect(ranks(doc, 'Thành phố Huế')).toEqual([8, 7, 6]);
    expect(doc.units.some((u) => u.unit === 'Thừa Thiên Huế')).toBe(false);
    // Without the crosswalk the renamed province starts a history of its own.
    const without = JSON.parse((await cli(['trend', ...years, '--format', 'json', '-q'])).stdout) as Doc;
    expect(ranks(without, 'Thành phố Huế')).toEqual([null, null, 6]);
  });

  it('a crosswalk line that joins no two consecutive years is an error naming its line', async () => {
    const dir = tempDir('cw');
    writeFileSync(join(dir, 'cw.csv'), 'old,new\nNowhere,Tỉnh Bắc Ninh\n');
    const r = await cli(['trend', ...years, '--crosswalk', join(dir, 'cw.csv')]);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toContain(`${join(dir, 'cw.csv')}:2: crosswalk: "Nowhere" -> "Tỉnh Bắc Ninh" joins no two consecutive years`);
  });
});
