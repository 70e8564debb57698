/**
 * The bad-input corpus (tests/bad-inputs/, one file per failure mode): every file must give a
 * non-zero exit, nothing on stdout, exactly one clear message naming the file (and the line, where
 * the file has lines), and no stack trace.
 */
import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from './run.js';
import { tempDir } from '../helpers.js';

const DIR = 'tests/bad-inputs';
const SCHEME = ['--scheme', 'quang-ngai-district-2023'];

/** file -> [exit code, line (or null when the failure has no line), message]. */
const EXPECTED: Record<string, [number, number | null, RegExp]> = {
  'value-above-max.csv': [1, 3, /:3:2: "Điểm thẩm định \(72\)": 72,01 is above the maximum 72 for Sơn Tịnh$/],
  'negative.csv': [1, 2, /:2:3: "Điều tra XHH \(28\)": -19,58 is negative; points cannot be below 0$/],
  'text.csv': [1, 2, /:2:2: "Điểm thẩm định \(72\)": "sáu mươi" is not a number$/],
  'infinity.csv': [1, 2, /:2:2: "Điểm thẩm định \(72\)": "Infinity" is not a number$/],
  'exponent-1e309.csv': [1, 2, /:2:2: "Điểm thẩm định \(72\)": "1e309" is in exponent notation; write the value as a plain decimal$/],
  'empty-cell.csv': [1, 2, /:2:3: "Điều tra XHH \(28\)" is empty for Bình Sơn$/],
  'ragged-row.csv': [1, 3, /:3:3: this row has 2 fields but the header \(line 1\) has 3$/],
  'unterminated-quote.csv': [1, 3, /:3: a quoted field opened on this line is never closed \(missing closing "\)$/],
  'duplicate-unit.csv': [1, 4, /:4:1: Bình Sơn appears twice \(first at line 2\)$/],
  'duplicate-column.csv': [1, 1, /:1:3: the column for "appraisal" appears twice: "Điểm thẩm định \(72\)" \(column 2\) and "Thẩm định"$/],
  'missing-column.csv': [1, 1, /:1: no column for component "survey" \(maximum 28\)/],
  'empty-file.csv': [1, 1, /:1: the file is empty \(no header, no rows\)$/],
  'header-only.csv': [1, 1, /:1: the file has a header but no unit rows$/],
  'bom-in-middle.csv': [1, 3, /:3: a byte-order mark \(U\+FEFF\) in the middle of the file/],
  'windows-1258.csv': [1, 1, /:1: the file is not UTF-8 \(byte 0xD0 at byte 1\); it was probably saved as Windows-1258/],
  'latin-1.csv': [1, 2, /:2: the file is not UTF-8 \(byte 0xF4 at byte 24\)/],
  'utf-16-no-bom.csv': [1, 1, /:1: the file looks like UTF-16 without a byte-order mark/],
  'truncated-utf16.csv': [1, 1, /:1: the file starts with a UTF-16LE byte-order mark but is not valid UTF-16LE/],
  'random-binary.csv': [1, 1, /: this is not a text file \(it contains NUL bytes\)|: the file is not UTF-8/],
  'long-line.csv': [1, 3, /:3:1: this cell is 200,008 characters long; the limit is 1,000$/],
  'number-and-na.csv': [1, 2, /:2:2: "Điểm thẩm định \(72\)": "5 N\/A" is not a number$/],
  'unquoted-decimal-comma.csv': [1, 3, /:3:4: column 4 has a value but no header: in a comma-separated file an unquoted decimal comma/],
  'cyrillic-look-alike.csv': [1, 2, /:2:1: the unit name "Вình Sơn" cannot be read as written: it mixes Latin letters with a Cyrillic "В" \(U\+0412, letter 1\)/],
  'zero-width-duplicate.csv': [1, 3, /:3:1: Bình Sơn appears twice \(first at line 2\)$/],
  'formula-error.csv': [1, 2, /:2:2: "Điểm thẩm định \(72\)": #N\/A is a spreadsheet error value/],
  'lone-dash.csv': [1, 2, /:2:2: "Điểm thẩm định \(72\)": "-" for Bình Sơn could be 0 .* or "not applicable"$/],
  'survey-ratio.csv': [1, 1, /:1:3: "Điều tra XHH \(%\)" holds ratios \(every value is at most 1, e.g. 0,6993\), not points/],
  'nul-late.csv': [1, 302, /:302: this is not a text file \(it contains NUL characters\)$/],
};

async function expectOneClearMessage(args: string[], file: string, code: number, line: number | null, message: RegExp) {
  const r = (await cli(args));
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('  hint: '));
  expect(lines).toHaveLength(1);
  expect(lines[0]!.startsWith(`par-score: ${file}`)).toBe(true);
  const rest = lines[0]!.slice(`par-score: ${file}`.length);
  if (line !== null) expect(rest.startsWith(`:${line}`)).toBe(true);
  expect(rest).toMatch(message);
  expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(r.stderr.length).toBeLessThan(2000);
}

describe('bad-input corpus', () => {
  it('has a test for every file in the corpus, and a file for every test', async () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.csv') && f !== 'a-directory.csv');
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (name, [code, line, message]) => {
    const file = join(DIR, name);
    await expectOneClearMessage(['rank', file, ...SCHEME], file, code, line, message);
  });

  it('a directory', async () => {
    const file = join(DIR, 'a-directory.csv');
    await expectOneClearMessage(['rank', file, ...SCHEME], file, 2, null, /^: it is a directory, not a CSV file$/);
  });

  it('a file that does not exist', async () => {
    const file = join(DIR, 'no-such-file.csv');
    expect(existsSync(file)).toBe(false);
    await expectOneClearMessage(['rank', file, ...SCHEME], file, 2, null, /^: no such file$/);
  });

  it('an unreadable file', async () => {
    const dir = tempDir('unreadable');
    if (process.getuid?.() === 0) {
      // root reads any file whatever its mode; /proc/self/mem is a real file that cannot be read.
      await expectOneClearMessage(['rank', '/proc/self/mem', ...SCHEME], '/proc/self/mem', 2, null, /^: /);
      return;
    }
    const file = join(dir, 'locked.csv');
    writeFileSync(file, 'Đơn vị;Điểm thẩm định (72);Điều tra XHH (28)\nA;1;1\n');
    chmodSync(file, 0o000);
    await expectOneClearMessage(['rank', file, ...SCHEME], file, 2, null, /^: permission denied$/);
  });

  it('the same files through standard input name <stdin>', async () => {
    const r = (await cli(['rank', '-', ...SCHEME], { input: Buffer.from('Đơn vị;Điểm thẩm định (72);Điều tra XHH (28)\nA;99;1\n') }));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^par-score: <stdin>:2:2: /);
  });
});

describe('input size limit', () => {
  const big = 'Đơn vị;Điểm thẩm định (72);Điều tra XHH (28)\n' + 'Bình Sơn;63,26;19,58\n'.repeat(100);

  it('refuses a file over --max-input-size before reading it', async () => {
    const dir = tempDir('size');
    const file = join(dir, 'big.csv');
    writeFileSync(file, big);
    await expectOneClearMessage(['rank', file, ...SCHEME, '--max-input-size', '1KiB'], file, 1, null, /^: the input is 2\.3 KiB, over the limit of 1 KiB$/);
  });

  it('stops reading standard input past the limit', async () => {
    const r = (await cli(['rank', '-', ...SCHEME, '--max-input-size', '1KiB'], { input: big }));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('par-score: <stdin>: the input is more than 1 KiB, over the limit of 1 KiB');
  });

  it('rejects a size it cannot read', async () => {
    const r = (await cli(['rank', 'x.csv', '--max-input-size', 'lots']));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid --max-input-size');
  });
});
