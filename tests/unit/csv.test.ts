/**
 * The record scanner (read/csv.ts) is par-score's one reading of CSV syntax; csv-parse, the library
 * it replaced, is kept as the reference it must agree with: the same fields, the same start lines
 * (blank records dropped), the same rejections.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { readCsv, RecordScanner, type Delimiter } from '../../src/read/csv.js';
import { ParScoreError } from '../../src/model/problem.js';

/** What csv-parse makes of the text, as readCsv reports it: start lines, blank rows dropped; or the error code. */
function reference(text: string, delimiter: Delimiter) {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, info: true, bom: false }) as unknown as typeof records;
  } catch (e) {
    return { error: (e as { code: string }).code };
  }
  let previousEnd = 0;
  const rows: { line: number; fields: string[] }[] = [];
  for (const { record, info } of records) {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.every((f) => f.trim() === '')) continue;
    rows.push({ line, fields: record });
  }
  return { rows };
}

function scanned(text: string, delimiter: Delimiter) {
  try {
    return { rows: readCsv(text, 'f.csv', delimiter).rows };
  } catch (e) {
    if (!(e instanceof ParScoreError)) throw e;
    return { error: e.problems[0]!.code };
  }
}

const ERRORS: Record<string, string> = { CSV_QUOTE_NOT_CLOSED: 'unterminated-quote', CSV_INVALID_CLOSING_QUOTE: 'bad-quote', INVALID_OPENING_QUOTE: 'bad-quote' };

/**
 * CSV-shaped text with one line ending throughout: csv-parse takes the first line ending it meets
 * for the whole file, where the scanner ends a record at any of them.
 */
const csvText = (d: Delimiter) =>
  fc.constantFrom('\n', '\r\n').chain((eol) =>
    fc
      .array(
        fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(d, eol, eol, ' ', '', '12,05', 'Bình Sơn', 'x', '-', '\t', ';', ',', '"', '""') },
          { weight: 2, arbitrary: fc.constantFrom(`"a${d}b"`, '"x""y"', '"line\nbreak"', '""') },
          { weight: 1, arbitrary: fc.string({ maxLength: 4 }).filter((s) => !/[\r\n]/.test(s)) },
        ),
        { maxLength: 40 },
      )
      .map((p) => p.join('')),
  );

describe('the CSV scanner equals csv-parse', () => {
  for (const d of [',', ';', '\t'] as const) {
    it(`on CSV-shaped text, delimiter ${JSON.stringify(d)}`, () => {
      let quoted = 0;
      let failed = 0;
      fc.assert(
        fc.property(csvText(d), (text) => {
          const ref = reference(text, d);
          const mine = scanned(text, d);
          if (ref.error) {
            failed++;
            expect(mine).toEqual({ error: ERRORS[ref.error] ?? ref.error });
          } else if (text.includes('"')) {
            quoted++;
            // csv-parse counts a CRLF inside quotes as two lines (see below): compare lines on LF text only.
            if (text.includes('\r')) expect(mine.rows?.map((r) => r.fields)).toEqual(ref.rows!.map((r) => r.fields));
            else expect(mine).toEqual(ref);
          } else expect(mine).toEqual(ref);
        }),
        { numRuns: 1500 },
      );
      // The property must exercise quoted fields and rejections, not only plain text.
      expect(quoted).toBeGreaterThan(100);
      expect(failed).toBeGreaterThan(100);
    });
  }

  it('reads quoted delimiters, doubled quotes and line breaks inside quotes', () => {
    expect(readCsv('a;b\n"1;x";"say ""hi"""\n"two\nlines";3\n', 'f.csv').rows).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1;x', 'say "hi"'] },
      { line: 3, fields: ['two\nlines', '3'] },
    ]);
  });

  it('ends a record at LF, CRLF or a lone CR, even when a file mixes them', () => {
    expect(readCsv('a;b\r\nc;d\ne;f\rg;h', 'f.csv').rows.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [2, ['c', 'd']],
      [3, ['e', 'f']],
      [4, ['g', 'h']],
    ]);
  });

  it('counts a quoted CRLF as one line', () => {
    expect(readCsv('x;y\r\n"a\r\nb";c\r\nd;e', 'f.csv').rows.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('names the line of a quote never closed and of a quote out of place', () => {
    const problem = (text: string) => {
      try {
        readCsv(text, 'f.csv', ';');
      } catch (e) {
        return (e as ParScoreError).problems[0];
      }
      return undefined;
    };
    expect(problem('a;b\n1;2\n3;"open\n4;5\n')).toMatchObject({ code: 'unterminated-quote', line: 3 });
    expect(problem('a;b\n1;2"x\n')).toMatchObject({ code: 'bad-quote', line: 2 });
    expect(problem('a;b\n"1\n2"x;3\n')).toMatchObject({ code: 'bad-quote', line: 3 });
  });

  it('reads a record again the same after going back to it (the scanner remembers where it last found line ends, quotes and delimiters)', () => {
    fc.assert(
      fc.property(csvText(';'), fc.nat(6), (text, back) => {
        const records = (s: RecordScanner, n: number) => {
          const out: string[][] = [];
          try {
            while (out.length < n && s.next()) out.push(s.fields());
          } catch (e) {
            if (!(e instanceof ParScoreError)) throw e;
            out.push(['error']);
          }
          return out;
        };
        const scanner = new RecordScanner(text, 'f.csv', ';');
        const first = records(scanner, back);
        if (first.at(-1)?.[0] === 'error') return;
        const state = scanner.save();
        const ahead = records(scanner, 3);
        scanner.restore(state);
        expect(records(scanner, 3)).toEqual(ahead);
        expect([...first, ...ahead]).toEqual(records(new RecordScanner(text, 'f.csv', ';'), back + 3));
      }),
      { numRuns: 500 },
    );
  });
});
