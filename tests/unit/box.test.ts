import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Table from 'cli-table3';
import { displayWidth, renderBox } from '../../src/write/box.js';
import { PLAIN } from '../../src/write/paint.js';

/** The reference: cli-table3 with the options par-score used before drawing tables itself. */
function cliTable3(head: readonly string[], numeric: readonly boolean[], rows: readonly (readonly string[])[]): string {
  const t = new Table({
    head: [...head],
    colAligns: numeric.map((n) => (n ? 'right' : 'left')),
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const r of rows) t.push([...r]);
  return t.toString();
}

describe('box tables', () => {
  const o = { head: ['Rank', 'Đơn vị', 'Chỉ số\n(%)'], numeric: [true, false, true], colour: PLAIN };

  it('draws exactly what cli-table3 draws (multi-line headers, Vietnamese, alignment, n/a)', () => {
    const rows = Array.from({ length: 300 }, (_, i) => [String(i + 1), `Xã Hòa ${i}`.repeat(1 + (i % 3)), i % 7 ? (99 - i / 100).toFixed(2) : 'KAD']);
    expect(renderBox(o, rows)).toBe(cliTable3(o.head, o.numeric, rows));
    expect(renderBox(o, [])).toBe(cliTable3(o.head, o.numeric, []));
  });

  it('agrees with cli-table3 on generated tables', () => {
    const cell = fc.oneof(fc.constantFrom('', '▲7', '▼3', '=', 'tăng 7 bậc', 'Thừa Thiên Huế', '82,84', '-', 'hai\ndòng', 'a\n\nb'), fc.string({ maxLength: 8 }).filter((s) => /^[ -~]*$/.test(s)));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 12 }), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), (n, body, numeric) => {
        const head = ['A', 'Bb\nb', 'Cột', 'D d d', 'E'].slice(0, n);
        const rows = body.map((r) => r.slice(0, n));
        expect(renderBox({ head, numeric: numeric.slice(0, n), colour: PLAIN }, rows)).toBe(cliTable3(head, numeric.slice(0, n), rows));
      }),
      { numRuns: 300 },
    );
  });

  it('draws more rows than cli-table3 can take in one call, quickly', () => {
    const many = Array.from({ length: 150_000 }, (_, i) => [String(i), 'x', '1.00']);
    expect(renderBox(o, many).split('\n')).toHaveLength(150_000 + 4);
  });

  it('measures Vietnamese as one column per letter, wide characters as two, ANSI as nothing', () => {
    expect(displayWidth('Quảng Ngãi')).toBe(10);
    expect(displayWidth('Quảng Ngãi'.normalize('NFD'))).toBe(10);
    expect(displayWidth('\u001b[32m▲7\u001b[39m')).toBe(2);
    expect(displayWidth('漢字')).toBe(4);
  });
});
