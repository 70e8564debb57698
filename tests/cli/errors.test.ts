import { describe, expect, it, beforeAll } from 'vitest';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from './run.js';
import { tempDir } from '../helpers.js';

let dir: string;
beforeAll(() => {
  dir = tempDir('bad');
});
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

const QN = ['--scheme', 'quang-ngai-district-2023'];
const HEADER = 'Đơn vị;Điểm thẩm định;Điều tra XHH\n';

interface Case {
  name: string;
  content: string | Buffer;
  args?: string[];
  code: 1 | 2;
  /** The expected first stderr line, after "par-score: <file>" */
  message: RegExp;
}

const cases: Case[] = [
  { name: 'thousands.csv', content: HEADER + 'A;1.234,5;20\n', code: 1, message: /^:2:2: .*thousands separator/ },
  { name: 'no-unit-column.csv', content: 'Foo;Điểm thẩm định;Điều tra XHH\nA;60;20\n', code: 1, message: /^:1: no unit column/ },
  { name: 'mixed-decimals.csv', content: HEADER + 'A;60,5;20\nB;60.5;20\n', code: 1, message: /^:3:2: .*uses a decimal point, but this file writes decimals with a decimal comma/ },
  { name: 'all-na.csv', content: HEADER + 'A;KAD;N/A\n', code: 1, message: /^:2:2: "Điểm thẩm định": A is marked not applicable, but this component applies to every unit/ },
];

// One file per failure mode lives in tests/bad-inputs (see bad-inputs.test.ts); these are the cases specific to parsing rules.
describe('bad input: non-zero exit, nothing on stdout, one located message, no stack trace', () => {
  it.each(cases)('$name', async ({ name, content, args, code, message }) => {
    const p = file(name, content);
    const r = (await cli(['rank', p, ...(args ?? QN)]));
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    const first = r.stderr.split('\n')[0]!;
    expect(first.startsWith(`par-score: ${p}`)).toBe(true);
    expect(first.slice(`par-score: ${p}`.length)).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
  });

  it('reports every problem, not just the first, and caps the list with --max-errors', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `U${i};abc;20`).join('\n');
    const p = file('many.csv', HEADER + rows + '\n');
    const all = (await cli(['rank', p, ...QN, '--max-errors', '100']));
    expect(all.stderr.split('\n').filter((l) => l.includes('is not a number'))).toHaveLength(30);
    const capped = (await cli(['rank', p, ...QN]));
    expect(capped.stderr.split('\n').filter((l) => l.includes('is not a number'))).toHaveLength(20);
    expect(capped.stderr).toContain('... and 10 more errors (--max-errors to see them)');
    expect(capped.stderr).toContain('30 errors; nothing was written');
  });

  it('names both files when a unit is in only one of them', async () => {
    const a = file('a.csv', 'unit;appraisal\nA;60\nB;61\n');
    const s = file('s.csv', 'unit;survey\nA;20\n');
    const r = (await cli(['rank', a, s, ...QN]));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`par-score: ${a}:3:1: B is in ${a} but not in ${s}\n`);
  });
});

describe('wrong usage: exit 2', () => {
  it.each([
    [['rank'], /missing required argument 'files'/],
    [['rank', 'fixtures/provinces-2022.csv', '--format', 'xml'], /argument 'xml' is invalid/],
    [['rank', 'fixtures/provinces-2022.csv', '--bogus'], /unknown option '--bogus'/],
    [['rank', 'fixtures/provinces-2022.csv', '--rank-precision', 'two'], /invalid --rank-precision: expected a whole number from 0 to 10/],
    [['rank', 'fixtures/provinces-2022.csv', '--delimiter', '|'], /invalid --delimiter: expected , ; or tab/],
    [['rank', 'does-not-exist.csv'], /^par-score: does-not-exist.csv: no such file$/m],
    [['rank', 'fixtures'], /^par-score: fixtures: it is a directory, not a CSV file$/m],
    [['rank', 'fixtures/provinces-2022.csv', '--scheme', 'nope'], /unknown scheme "nope"/],
    [['rank', '-', '-'], /standard input \(-\) can be read only once/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('%j', async (args, message) => {
    const r = (await cli(args));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.startsWith('par-score: ')).toBe(true);
  });

  it('stops when several built-in schemes fit, naming them', async () => {
    const p = file('ambiguous.csv', HEADER + 'A;60;20\n');
    const r = (await cli(['rank', p]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('several schemes match the columns of the input: vn-ministry-2022');
    expect(r.stderr).toContain('hint: pass --scheme');
  });

  it('reports an unreadable file', async () => {
    const p = file('locked.csv', HEADER + 'A;60;20\n');
    chmodSync(p, 0o000);
    const r = (await cli(['rank', p, ...QN]));
    // root can read anything; everyone else gets "permission denied"
    if (process.getuid?.() === 0) expect(r.code).toBe(0);
    else {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('permission denied');
    }
  });

  it('prints help with exit 0, and usage on stderr with exit 2 when run without a command', async () => {
    const help = (await cli(['--help']));
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('rank [options] <files...>');
    expect(help.stdout).toContain('Exit codes: 0 success, 1 invalid data');
    const none = (await cli([]));
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('Usage: par-score');
  });

  it("wraps each command's description as whole paragraphs, in English and Vietnamese (no line broken short mid-sentence)", async () => {
    for (const lang of ['en', 'vi']) {
      for (const command of ['rank', 'compare', 'trend', 'explain', 'validate', 'report', 'template', 'schemes']) {
        const help = (await cli([command, '--help'], { env: { PAR_SCORE_LANG: lang } })).stdout;
        const description = help.split('\n\n')[1]!.split('\n');
        // A line ends short only where its sentence ends (or the paragraph does).
        for (const [k, line] of description.entries()) if (k < description.length - 1 && line.length < 60) expect(line, `${lang} ${command}`).toMatch(/[.:)]$/);
      }
    }
  });
});

describe('scheme files given with --scheme', () => {
  it('rejects an invalid scheme with the field named (exit 1)', async () => {
    const p = file('bad-scheme.json', JSON.stringify({ id: 'x', components: [{ id: 'a', max: -1, maxx: 2 }] }));
    const r = (await cli(['rank', 'fixtures/provinces-2022.csv', '--scheme', p]));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`par-score: ${p}: components[0]: unknown field "maxx"`);
    expect(r.stderr).toContain(`par-score: ${p}: components[0].max: max must be greater than 0`);
  });

  it('rejects broken JSON with line and column', async () => {
    const p = file('broken.json', '{\n  "id": "x",\n  "components": [\n}\n');
    const r = (await cli(['rank', 'fixtures/provinces-2022.csv', '--scheme', p]));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^par-score: ${p}:4:1: not valid JSON`));
  });
});

describe('files as Excel makes them', () => {
  it('reads a second header row from merged cells: the appraised points, not the self-assessment', async () => {
    const dir = tempDir('merged');
    const p = join(dir, 'merged.csv');
    writeFileSync(p, 'STT;Đơn vị;Điểm thẩm định (72);;Điều tra XHH (28)\n;;Tự đánh giá;Thẩm định;\n1;Bình Sơn;64,00;63,26;19,58\n');
    const r = await cli(['rank', p, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).units[0]).toMatchObject({ unit: 'Bình Sơn', total: 82.84, components: { appraisal: { points: 63.26 }, survey: { points: 19.58 } } });
  });

  it('refuses to add up the columns of a merged group that has no subtotal', async () => {
    const dir = tempDir('merged');
    const p = join(dir, 'fields.csv');
    writeFileSync(p, 'STT;Đơn vị;Điểm thẩm định (72);;;Điều tra XHH (28)\n;;Công tác chỉ đạo;Thể chế;TTHC;\n1;Bình Sơn;9,85;6,5;8;19,58\n');
    const r = await cli(['rank', p]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`par-score: ${p}:2:3: "Điểm thẩm định (72)" spans 3 columns ("Công tác chỉ đạo", "Thể chế", "TTHC") but has no subtotal: par-score does not add them up on a guess`);
  });
});

describe('common slips', () => {
  it('suggests `rank` when the command is forgotten', async () => {
    const r = (await cli(['fixtures/provinces-2022.csv', '--lang', 'vi']));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('par-score: "fixtures/provinces-2022.csv" is not a command\n  hint: did you mean `par-score rank fixtures/provinces-2022.csv --lang vi`?\n');
  });

  it('says how to compare years when two years are given to rank', async () => {
    const r = (await cli(['rank', 'fixtures/yoy/provinces-2023.csv', 'fixtures/yoy/provinces-2024.csv']));
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('par-score:'))).toEqual([
      'par-score: fixtures/yoy/provinces-2024.csv:1: fixtures/yoy/provinces-2024.csv has the same score columns as fixtures/yoy/provinces-2023.csv: files given together are joined as parts of one year',
    ]);
    expect(r.stderr).toContain('hint: to compare years, use `par-score compare fixtures/yoy/provinces-2023.csv fixtures/yoy/provinces-2024.csv`');
  });
});
