import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { fastPathApplies, readCsv, type Delimiter } from '../../src/input/csv.js';

/** What csv-parse makes of the text, as readCsv reports it: start lines, blank rows dropped. */
function reference(text: string, delimiter: Delimiter) {
  const records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, info: true, bom: false }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  let previousEnd = 0;
  const rows: { line: number; fields: string[] }[] = [];
  for (const { record, info } of records) {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.every((f) => f.trim() === '')) continue;
    rows.push({ line, fields: record });
  }
  return rows;
}

const unquoted = (d: Delimiter) =>
  fc
    .array(fc.oneof(fc.constantFrom(d, '\n', '\r\n', '\r', ' ', '', '12,05', 'Bình Sơn', 'x', '-', '\t', ';', ','), fc.string({ maxLength: 4 }).filter((s) => !s.includes('"'))), {
      maxLength: 40,
    })
    .map((p) => p.join(''));

describe('CSV fast path (no quotes, one line ending) equals csv-parse', () => {
  for (const d of [',', ';', '\t'] as const) {
    it(`readCsv equals csv-parse on any quote-free text, delimiter ${JSON.stringify(d)}`, () => {
      let fast = 0;
      fc.assert(
        fc.property(unquoted(d), (text) => {
          if (fastPathApplies(text)) fast++;
          expect(readCsv(text, 'f.csv', d).rows).toEqual(reference(text, d));
        }),
        { numRuns: 2000 },
      );
      // The property must exercise the fast path, not only the fallback.
      expect(fast).toBeGreaterThan(200);
    });
  }

  it('is what readCsv uses for quote-free text, and csv-parse is used otherwise', () => {
    const plain = readCsv('a;b\n1;2\n', 'f.csv');
    expect(plain.rows).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
    expect(readCsv('a;b\n"1;x";2\n', 'f.csv').rows[1]!.fields).toEqual(['1;x', '2']);
  });
});
