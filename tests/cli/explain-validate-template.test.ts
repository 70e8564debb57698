import { describe, expect, it, beforeAll } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from './run.js';
import { tempDir } from '../helpers.js';

let dir: string;
beforeAll(() => {
  dir = tempDir('evt');
});
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const QN = 'fixtures/quang-ngai-districts-2023.csv';

describe('par-score explain', () => {
  it('prints the components by points lost and what it takes to climb', async () => {
    const r = (await cli(['explain', 'Bình Sơn', QN]));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Rank 6/13 · total 82.84 of 100 · index 82.84%');
    expect(r.stdout).toContain('vs the median 82.11: +0.73 · vs the leader TP. Quảng Ngãi 87.55: -4.71');
    expect(r.stdout).toMatch(/│ Appraisal score\s+│\s+63\.26 │\s+72 │\s+87\.86 │\s+8\.74 │ 6\/13 │/);
    expect(r.stdout).toContain(
      '- to pass rank 5 (Thị xã Đức Phổ, 83.10) you need +0.27 index points = +0.27 points at your maximum (100); room in: Appraisal score (8.74), Sociological survey (8.42)',
    );
  });

  it('says the leader has nothing above it, and a top band only when the scheme has bands', async () => {
    expect((await cli(['explain', 'TP. Quảng Ngãi', QN])).stdout).toMatch(/To climb:\n- nothing above: already first\n/);
    expect((await cli(['explain', 'TP. Quảng Ngãi', QN, '--lang', 'vi'])).stdout).toMatch(/- đã đứng đầu\n/);
    // The 2022 provinces have bands (A from 90): Quảng Ninh is first and in A.
    expect((await cli(['explain', 'Quảng Ninh', 'fixtures/provinces-2022.csv'])).stdout).toContain('- nothing above: already first and in the top band');
  });

  it('speaks Vietnamese', async () => {
    const r = (await cli(['explain', 'binh son', QN, '--lang', 'vi']));
    expect(r.stdout).toContain('Xếp thứ 6/13');
    expect(r.stdout).toContain('để vượt hạng 5 (Thị xã Đức Phổ, 83,10) cần thêm 0,27 điểm chỉ số = 0,27 điểm trên tổng điểm tối đa (100)');
  });

  it('writes JSON and Markdown', async () => {
    const doc = JSON.parse((await cli(['explain', 'Bình Sơn', QN, '--format', 'json'])).stdout);
    expect(doc.kind).toBe('explanation');
    expect(doc.position).toMatchObject({ rank: 6, of: 13, median: 82.11, vsMedian: 0.73, vsLeader: -4.71, leader: { unit: 'TP. Quảng Ngãi' } });
    expect(doc.components[0]).toMatchObject({ id: 'appraisal', lost: 8.74, rank: 6, of: 13 });
    expect(doc.targets[0]).toMatchObject({ kind: 'next-rank', unit: { unit: 'Thị xã Đức Phổ', rank: 5 }, points: 0.27, indexGain: 0.27, strict: true, headroom: ['appraisal', 'survey'] });
    const md = (await cli(['explain', 'Bình Sơn', QN, '--format', 'md'])).stdout;
    expect(md).toContain('| Appraisal score | 63.26 | 72 | 87.86 | 8.74 | 6/13 |');
  });

  it('adds each component\'s change with --prev', async () => {
    const r = (await cli(['explain', 'Quảng Ninh', 'fixtures/yoy/provinces-2024.csv', '--prev', 'fixtures/yoy/provinces-2023.csv', '--format', 'json']));
    const doc = JSON.parse(r.stdout);
    expect(doc.unit.change).toMatchObject({ status: 'same', rank: -3 });
    expect(doc.components.find((c: { id: string }) => c.id === 'appraisal')).toMatchObject({ previous: { rank: 1 }, change: { rank: -3 } });
  });

  it('exits 2 for an unknown or ambiguous unit, with suggestions', async () => {
    const unknown = (await cli(['explain', 'Sơn', QN]));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no unit "Sơn"');
    expect(unknown.stderr).toContain('did you mean: Sơn Tịnh, Bình Sơn');
    const p = file('twins.csv', 'unit;appraisal;survey\nHuyện Đức Phổ;60;20\nThị xã Đức Phổ;61;20\n');
    const amb = (await cli(['explain', 'Đức Phổ', p, '-s', 'quang-ngai-district-2023']));
    expect(amb.code).toBe(2);
    expect(amb.stderr).toContain('"Đức Phổ" matches several units: Thị xã Đức Phổ, Huyện Đức Phổ');
  });
});

describe('par-score validate', () => {
  it('passes a good file with exit 0', async () => {
    const r = (await cli(['validate', QN]));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✓ no problems (13 units in 1 file, scheme quang-ngai-district-2023)\n');
  });

  it('lists warnings with exit 0, and fails on them with --strict', async () => {
    const p = file('warn.csv', 'Đơn vị;Điểm thẩm định (72);Điều tra XHH (28);Tổng điểm;Mã\nA;0;0;0;1\nB;72;28;100;2\nC;60;20;80;3\nC;50;20;70;4\n');
    const r = (await cli(['validate', p]));
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      `${p}:2:1: warning: A has 0 points in every component: not scored yet? [all-zero]`,
      `${p}:3:1: warning: B has the maximum in every component: copied from the maxima? [all-max]`,
      `${p}:5:1: warning: C appears with code 4 here and 3 at line 4: two units or a wrong code? [same-name-different-code]`,
    ]);
    expect(r.stdout).toContain('✓ 3 warnings, no errors (4 units in 1 file');
    const strict = (await cli(['validate', p, '--strict']));
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('failing because of --strict');
    expect(strict.stderr).toBe('');
  });

  it('finds one name with two codes however it is spelled (case, tone-mark placement, spaces round a dash)', async () => {
    const p = file('spellings.csv', 'Đơn vị;Điểm thẩm định (72);Điều tra XHH (28);Mã\nHòa Vang;60;20;1\nThanh Khê;55;20;2\nHOÀ VANG;50;20;3\nLiên Chiểu-Hải Châu;50;21;4\nliên chiểu - hải châu;50;22;5\nXuân Hà;40;20;6\nXuan Ha;41;20;7\n');
    const r = await cli(['validate', p]);
    expect(r.code).toBe(0);
    const warnings = r.stdout.split('\n').filter((l) => l.includes('[same-name-different-code]'));
    // The first of a name is the first in listing order (line 6 ranks above line 5); "Xuân Hà" and
    // "Xuan Ha" are two names (tones are kept): no warning for them.
    expect(warnings).toEqual([
      `${p}:4:1: warning: HOÀ VANG appears with code 3 here and 1 at line 2: two units or a wrong code? [same-name-different-code]`,
      `${p}:5:1: warning: Liên Chiểu-Hải Châu appears with code 4 here and 5 at line 6: two units or a wrong code? [same-name-different-code]`,
    ]);
  });

  it('reports errors of every file, past an unreadable one, as JSON with stable codes', async () => {
    const bad = file('bad.csv', 'Đơn vị;Điểm thẩm định (72);Điều tra XHH (28)\nA;abc;20\nB;99;20\n');
    const latin = join(dir, 'latin.csv');
    writeFileSync(latin, Buffer.from('Đơn vị;Điểm thẩm định (72);Điều tra XHH (28)\nB\xecnh S\xf5n;60;20\n', 'latin1'));
    const r = (await cli(['validate', bad, latin, '--format', 'json']));
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ kind: 'validation', valid: false, counts: { errors: 3, warnings: 0 } });
    expect(doc.problems.map((p: { file: string; line: number; column: number; code: string; severity: string }) => [p.file, p.line, p.column, p.severity, p.code])).toEqual([
      [bad, 2, 2, 'error', 'not-a-number'],
      [bad, 3, 2, 'error', 'value-above-max'],
      [latin, 1, null, 'error', 'encoding'],
    ]);
  });
});

describe('par-score template', () => {
  it('writes a Vietnamese header with the maxima, the fields under a group row of their part, with a BOM for Excel', async () => {
    const r = (await cli(['template', '--scheme', 'vn-province-2022', '--lang', 'vi']));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '\uFEFFSTT,Đơn vị,"Điểm thẩm định (61,5)","Điểm đánh giá tác động của CCHC (38,5)",,\r\n' +
        ',,,Chỉ số hài lòng (SIPAS) (10),"Điều tra lãnh đạo, quản lý (22)","Chỉ tiêu phát triển kinh tế - xã hội (6,5)"\r\n',
    );
  });

  it('round trip: template -> fill in -> rank without any option', async () => {
    const units = file('units.csv', 'Mã;Tên đơn vị\nH01;Bình Sơn\nH02;Thị xã Đức Phổ\nH03;Sơn Tây\n');
    const out = join(dir, 'nhap-lieu.csv');
    const t = (await cli(['template', '-s', 'quang-ngai-district-2023', '--units', units, '--lang', 'vi', '--delimiter', ';', '--out', out]));
    expect(t.code).toBe(0);
    const template = readFileSync(out, 'utf8');
    expect(template).toBe('\uFEFFSTT;Đơn vị;Mã;Điểm thẩm định (72);Điểm điều tra xã hội học (28)\r\n1;Bình Sơn;H01;;\r\n2;Thị xã Đức Phổ;H02;;\r\n3;Sơn Tây;H03;;\r\n');
    // Fill it in as an officer would in Excel: decimal commas.
    const values: Record<string, string> = { 'Bình Sơn': '63,26;19,58', 'Thị xã Đức Phổ': '63,48;19,62', 'Sơn Tây': '58,90;18,02' };
    const filled = template.replace(/^(\d+);([^;]+);(H\d+);;$/gm, (_m, n, name, code) => `${n};${name};${code};${values[name]}`);
    const p = file('filled.csv', filled);
    const r = (await cli(['rank', p, '--format', 'json']));
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.scheme.id).toBe('quang-ngai-district-2023');
    expect(doc.units.map((u: { unit: string; code: string; total: number; rank: number }) => [u.rank, u.unit, u.code, u.total])).toEqual([
      [1, 'Thị xã Đức Phổ', 'H02', 83.1],
      [2, 'Bình Sơn', 'H01', 82.84],
      [3, 'Sơn Tây', 'H03', 76.92],
    ]);
  });

  it('round trips every built-in scheme in both languages', async () => {
    for (const scheme of ['vn-province-2022', 'vn-ministry-2022', 'quang-ngai-district-2023']) {
      for (const lang of ['en', 'vi']) {
        const header = (await cli(['template', '-s', scheme, '--lang', lang])).stdout;
        // One cell per column of the header's last row (the leaves), after STT and the unit.
        const n = header.replace(/^\uFEFF/, '').trimEnd().split('\r\n').at(-1)!.match(/("[^"]*"|[^,]*)(,|$)/g)!.filter((x) => x !== '').length - 2;
        const p = file(`${scheme}-${lang}.csv`, header + `1,Đơn vị thử${',1'.repeat(n)}\r\n`);
        const r = (await cli(['rank', p, '--format', 'json']));
        expect([scheme, lang, r.code, r.stderr]).toEqual([scheme, lang, 0, '']);
        expect(JSON.parse(r.stdout).scheme.id).toBe(scheme);
      }
    }
  });

  it('needs --scheme, and a unit column in --units', async () => {
    expect((await cli(['template'])).code).toBe(2);
    const noUnit = file('nounit.csv', 'foo\nbar\n');
    const r = (await cli(['template', '-s', 'vn-province-2022', '--units', noUnit]));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the unit list needs a unit column');
  });
});
