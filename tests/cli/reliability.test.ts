/**
 * Nothing lost, nothing replaced that should not be, no gate that passes by accident: --out against
 * every file a run reads, devices, links, modes and files that appear meanwhile; standard input named
 * twice; identities that do not match.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { chmodSync, linkSync, lstatSync, readFileSync, statSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from './run.js';
import { fixture, tempDir } from '../helpers.js';
import { writeAtomic } from '../../src/cli/io.js';
import { ParScoreError } from '../../src/model/problem.js';

const QN = fixture('quang-ngai-districts-2023.csv');
const Y23 = fixture('yoy/provinces-2023.csv');
const Y24 = fixture('yoy/provinces-2024.csv');
let dir: string;
beforeAll(() => {
  dir = tempDir('reliability');
});
const copy = (from: string, name: string) => {
  const p = join(dir, name);
  writeFileSync(p, readFileSync(from));
  return p;
};

describe('--out never overwrites what the run reads', () => {
  it.each([
    ['--prev', (p: string) => ['rank', Y24, '--prev', p]],
    ['--crosswalk', (p: string) => ['compare', Y23, Y24, '--crosswalk', p]],
    ['--prev of explain', (p: string) => ['explain', 'Hải Phòng', Y24, '--prev', p]],
    ['--crosswalk of report', (p: string) => ['report', Y24, '--prev', Y23, '--crosswalk', p]],
  ])('%s, even with --force', async (_, args) => {
    const p = copy(Y23, `in-${Math.random().toString(36).slice(2)}.csv`);
    const before = readFileSync(p);
    const r = await cli([...args(p), '--out', p, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('it is an input file');
    expect(readFileSync(p)).toEqual(before);
  });

  it('a scheme file, a unit list, and an input reached through a hard link or a symbolic link', async () => {
    const scheme = join(dir, 'scheme.json');
    writeFileSync(scheme, (await cli(['schemes', 'quang-ngai-district-2023', '--format', 'json'])).stdout);
    expect((await cli(['rank', QN, '--scheme', scheme, '--out', scheme, '--force'])).code).toBe(2);
    expect((await cli(['template', '--scheme', scheme, '--out', scheme, '--force'])).code).toBe(2);
    const units = copy(QN, 'units.csv');
    expect((await cli(['template', '--scheme', 'quang-ngai-district-2023', '--units', units, '--out', units, '--force'])).code).toBe(2);
    const input = copy(QN, 'linked.csv');
    linkSync(input, join(dir, 'hard.csv'));
    symlinkSync(input, join(dir, 'soft.csv'));
    for (const out of ['hard.csv', 'soft.csv']) {
      const r = await cli(['rank', input, '--out', join(dir, out), '--force']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('it is an input file');
    }
    expect(readFileSync(input)).toEqual(readFileSync(QN));
  });
});

describe('--out writes where the name points, and keeps what it replaces', () => {
  it('writes through a symbolic link, leaving the link a link', async () => {
    const target = join(dir, 'target.json');
    writeFileSync(target, 'old');
    const link = join(dir, 'link.json');
    symlinkSync(target, link);
    expect((await cli(['rank', QN, '--format', 'json', '--out', link, '--force'])).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(target, 'utf8')).units).toHaveLength(13);
  });

  it('keeps the mode of a replaced file (a private file stays private)', async () => {
    const out = join(dir, 'private.csv');
    writeFileSync(out, 'old');
    chmodSync(out, 0o600);
    expect((await cli(['rank', QN, '--format', 'csv', '--out', out, '--force'])).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8')).toContain('Bình Sơn');
  });

  it('writes to a device as it is, and says plainly when the device is full', async () => {
    const ok = await cli(['rank', QN, '--out', '/dev/null', '--force']);
    expect(ok.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    if (existsSync('/dev/full')) {
      const full = await cli(['rank', QN, '--out', '/dev/full', '--force']);
      expect(full.code).toBe(2);
      expect(full.stderr).toBe('par-score: cannot write /dev/full: no space left on device\n');
      expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    }
  });

  it('--out - is standard output', async () => {
    const r = await cli(['rank', QN, '--format', 'csv', '--out', '-']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Bình Sơn');
    expect(existsSync('-')).toBe(false);
  });

  it('does not replace a file that appeared after the checks (another run writing the same --out)', async () => {
    const out = join(dir, 'race.txt');
    writeFileSync(out, 'the other run');
    await expect(writeAtomic(out, 'this run', false)).rejects.toThrow(ParScoreError);
    expect(readFileSync(out, 'utf8')).toBe('the other run');
    await writeAtomic(out, 'this run', true);
    expect(readFileSync(out, 'utf8')).toBe('this run');
  });
});

describe('inputs', () => {
  it('refuses standard input named twice across options', async () => {
    for (const args of [
      ['compare', '-', '-'],
      ['rank', '-', '--prev', '-'],
      ['compare', Y23, '-', '--crosswalk', '-'],
    ]) {
      const r = await cli(args, { input: readFileSync(Y24) });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('standard input (-) can be read only once');
    }
  });

  it('reads an endless device only up to the limit', async () => {
    const r = await cli(['rank', '/dev/zero', '--max-input-size', '1MiB']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('over the limit of 1 MiB');
  });

  it('refuses a code that joins two different names across files', async () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeFileSync(a, 'Mã;Đơn vị;Điểm thẩm định (72)\n1;Bình Sơn;60\n2;Sơn Tịnh;61\n');
    writeFileSync(b, 'Mã;Đơn vị;Điều tra XHH (28)\n1;Sơn Tịnh;20\n2;Bình Sơn;19\n');
    const r = await cli(['rank', a, b]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${b}:2:2: code 1 is Bình Sơn in ${a} but Sơn Tịnh here`);
  });

  it('refuses rows above the header that hold data, and skips titles', async () => {
    const p = join(dir, 'above.csv');
    writeFileSync(p, 'A;60;20\nB;61;19\nĐơn vị;Điểm thẩm định (72);Điều tra XHH (28)\nC;62;18\n');
    const r = await cli(['rank', p]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${p}:1: this row is above the header (line 3) but holds numbers`);
    const titled = join(dir, 'titled.csv');
    writeFileSync(titled, 'KẾT QUẢ NĂM 2023;;\nĐơn vị;Điểm thẩm định (72);Điều tra XHH (28)\nC;62;18\n');
    expect((await cli(['rank', titled])).code).toBe(0);
  });
});

describe('inputs that are quietly wrong elsewhere', () => {
  const put = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it('refuses a scheme file with a key given twice, a number no double keeps, or bands without labels or with one id twice', async () => {
    const p = put('dup.json', '{"id":"x","components":[{"id":"a","max":72,"max":100},{"id":"b","max":61.499999999999999999}]}');
    const r = await cli(['schemes', p]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`par-score: ${p}:1:44: "max" is given twice in one object (the last would silently win)`);
    expect(r.stderr).toContain(`par-score: ${p}:1:71: 61.499999999999999999 has more digits than a number keeps exactly (15)`);
    const bands = put('bands.json', '{"id":"x","components":[{"id":"a","max":100}],"bands":[{"id":"A","min":90,"label":{}},{"id":"A","min":80,"label":{"vi":"B"}}]}');
    const b = await cli(['schemes', bands]);
    expect(b.stderr).toContain('bands[0].label: a band needs a label ("vi" or "en")');
    expect(b.stderr).toContain('bands[1].id: duplicate band id "A"');
  });

  it('validate reports a file it cannot open and goes on with the others', async () => {
    const good = put('good.csv', 'unit;appraisal;survey\nA;50;20\n');
    const r = await cli(['validate', join(dir, 'missing.csv'), good, '-s', 'quang-ngai-district-2023', '--format', 'json']);
    expect(r.code).toBe(2);
    const v = JSON.parse(r.stdout);
    expect(v.problems.map((p: { code: string; file: string }) => [p.code, p.file])).toEqual([['cannot-open', join(dir, 'missing.csv')]]);
    expect(v.units).toBe(1);
  });

  it('keeps at most 10,000 problems of a file where every cell is wrong, and counts the rest', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => `U${i};x;y`);
    const p = put('all-wrong.csv', ['unit;appraisal;survey', ...rows].join('\n'));
    const r = await cli(['validate', p, '-s', 'quang-ngai-district-2023', '--format', 'json']);
    const v = JSON.parse(r.stdout);
    expect(v.problems).toHaveLength(10001);
    expect(v.problems.at(-1)).toMatchObject({ code: 'too-many-problems', message: '2,000 more problems are not listed (the first 10,000 are): fix those and run again' });
  });

  it('makes one block of block names spelt two ways', async () => {
    // (Each spelling again further down: a text already seen is its block's first spelling too.)
    const p = put('blocks.csv', 'unit;appraisal;survey;Khối\nA;50;20;Khối Sở\nB;40;20;khối sở\nC;45;20;Khối Huyện\nD;30;20;khối sở\nE;35;20;Khối Sở\nF;44;20;KHỐI HUYỆN\n');
    const r = JSON.parse((await cli(['rank', p, '-s', 'quang-ngai-district-2023', '--format', 'json'])).stdout);
    expect(r.summary.blocks.map((b: { block: string; units: number }) => [b.block, b.units])).toEqual([['Khối Sở', 4], ['Khối Huyện', 2]]);
    expect(r.units.map((u: { unit: string; block: string; rank: number }) => [u.unit, u.block, u.rank])).toEqual([
      ['A', 'Khối Sở', 1], ['B', 'Khối Sở', 2], ['E', 'Khối Sở', 3], ['D', 'Khối Sở', 4], ['C', 'Khối Huyện', 1], ['F', 'Khối Huyện', 2],
    ]);
  });
});

describe('outputs that carry names', () => {
  const put = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it('Markdown escapes markup in names: no HTML, link or emphasis from the data', async () => {
    const p = put('md.csv', 'unit;appraisal;survey\n<img src=x onerror=alert(1)>;50;20\n[click](http://x) *bold*;40;20\n');
    const md = (await cli(['rank', p, '-s', 'quang-ngai-district-2023', '--format', 'md'])).stdout;
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(md).toContain('\\[click\\](http://x) \\*bold\\*');
    expect(md).not.toMatch(/[^\\]<img/);
  });

  it('CSV quotes names with ";" so rank reads its own output back', async () => {
    const p = put('semi.csv', 'unit,appraisal,survey\n"Sở A; Sở B",50,20\n=cmd,40,20\n');
    const out = (await cli(['rank', p, '-s', 'quang-ngai-district-2023', '--format', 'csv'])).stdout;
    expect(out).toContain('"Sở A; Sở B"');
    const back = put('semi-out.csv', out);
    const again = JSON.parse((await cli(['rank', back, '-s', 'quang-ngai-district-2023', '--format', 'json'])).stdout);
    expect(again.units.map((u: { unit: string }) => u.unit)).toEqual(['Sở A; Sở B', "'=cmd"]);
  });

  it('template neutralises a formula-like name even when it holds the delimiter', async () => {
    const units = put('units.csv', 'Tên đơn vị\n"=HYPERLINK(""x"";""y"")"\n');
    const t = (await cli(['template', '-s', 'quang-ngai-district-2023', '--units', units, '--delimiter', ';'])).stdout;
    expect(t).toContain(`"'=HYPERLINK(""x"";""y"")"`);
  });
});

describe('a scheme that never ends', () => {
  it('is refused at 4 MiB (/dev/zero as --scheme)', async () => {
    const r = await cli(['rank', QN, '--scheme', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('par-score: /dev/zero: it holds more than 4 MiB: not a scheme file\n');
  });
});
