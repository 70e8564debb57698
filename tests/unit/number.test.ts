import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CellReader, DASH_CELL, EMPTY, INVALID, NA, NUMBER_CELL, parseCell, parseFlag } from '../../src/read/cell.js';
import { format } from '../../src/model/decimal.js';

function value(raw: string): string {
  const c = parseCell(raw);
  if (c.kind !== 'number') throw new Error(`${raw} -> ${c.kind}`);
  return format(c.value);
}

describe('score cells', () => {
  it.each([
    ['12,05', '12.05'],
    ['12.05', '12.05'],
    [' 12,05 ', '12.05'],
    ['\u00a012,05\u00a0', '12.05'],
    ['44', '44'],
    ['46,8', '46.8'],
    ['82,00', '82.00'],
    ['87,602', '87.602'],
    ['45,7875', '45.7875'],
    ['0', '0'],
  ])('reads %j as %s', (raw, expected) => {
    expect(value(raw)).toBe(expected);
  });

  it('reads plain numbers without the regular expression exactly as with it', () => {
    // The reference: NUMBER's reading (digits, one optional separator and digits), as BigInt of the digits.
    const reference = (text: string) => {
      const m = /^(\d+)(?:([.,])(\d+))?$/.exec(text.trim());
      return m && (m[1]! + (m[3] ?? '')).replace(/^0+/, '').length <= 15 ? { units: BigInt(m[1]! + (m[3] ?? '')), scale: (m[3] ?? '').length, separator: m[2] ?? null } : undefined;
    };
    // Short mixed texts, and long runs of digits around the 15 digits the shortcut takes.
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '8', '9'), minLength: 1, maxLength: 20 });
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom('0', '1', '5', '9', ',', '.', ' ', '-', 'e'), maxLength: 24 }),
      fc.tuple(digits, fc.constantFrom('', ',', '.'), digits).map(([a, s, b]) => (s ? `${a}${s}${b}` : a)),
    );
    fc.assert(
      fc.property(text, (raw) => {
        const c = parseCell(raw);
        const r = reference(raw);
        if (r) expect(c).toEqual({ kind: 'number', value: { units: r.units, scale: r.scale }, separator: r.separator });
        else expect(c.kind).not.toBe('number');
      }),
      { numRuns: 2000 },
    );
  });

  it('reads cells straight from the text (the loop for plain numbers) exactly as parseCell reads the cell', () => {
    const reader = new CellReader();
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '8', '9'), minLength: 1, maxLength: 20 });
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('0', '1', '5', '9', ',', '.', ' ', '-', 'e', '%', 'x'), maxLength: 24 }),
      fc.tuple(digits, fc.constantFrom('', ',', '.'), digits).map(([a, s, b]) => (s ? `${a}${s}${b}` : a)),
      fc.constantFrom('', ' ', 'N/A', 'KAD', '-', '12,05', ' 12,05 '),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 3 }), cell, fc.string({ maxLength: 3 }), (before, raw, after) => {
        // The cell inside a longer text, as in a file.
        const kind = reader.read(before + raw + after, before.length, before.length + raw.length);
        const c = parseCell(raw);
        expect(kind).toBe({ empty: EMPTY, na: NA, dash: DASH_CELL, number: NUMBER_CELL, invalid: INVALID }[c.kind]);
        if (c.kind === 'number') {
          expect([reader.value, reader.scale, reader.separator]).toEqual([Number(c.value.units), c.value.scale, c.separator === ',' ? 1 : c.separator === '.' ? 2 : 0]);
        }
        if (c.kind === 'invalid') expect([reader.code, reader.reason]).toEqual([c.code, c.reason]);
      }),
      { numRuns: 3000 },
    );
  });

  it('reports the separator it saw, so a file can be checked for one convention', () => {
    expect(parseCell('12,05')).toMatchObject({ separator: ',' });
    expect(parseCell('12.05')).toMatchObject({ separator: '.' });
    expect(parseCell('12')).toMatchObject({ separator: null });
  });

  it.each(['-', '–', '—', ' -   '])('reads %j as a dash, which the reader must not guess (0 in Excel\'s Accounting format, or not applicable)', (raw) => {
    expect(parseCell(raw).kind).toBe('dash');
  });

  it.each(['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', 'Err:502'])('reads %j as a failed formula, never as not applicable', (raw) => {
    expect(parseCell(raw)).toMatchObject({ kind: 'invalid', code: 'formula-error' });
  });

  it.each(['N/A', 'n/a', 'NA', 'KAD', 'Không áp dụng', 'không áp dụng'])('reads %j as not applicable', (raw) => {
    expect(parseCell(raw).kind).toBe('na');
  });

  it.each(['', '   ', '\u00a0'])('reads %j as empty', (raw) => {
    expect(parseCell(raw).kind).toBe('empty');
  });

  it.each([
    ['abc', 'not-a-number', 'not a number'],
    ['1.234,5', 'not-a-number', 'thousands separator'],
    ['1,234.5', 'not-a-number', 'thousands separator'],
    ['Infinity', 'not-a-number', 'not a number'],
    ['NaN', 'not-a-number', 'not a number'],
    ['1e309', 'not-a-number', 'exponent'],
    ['-3', 'negative-value', 'negative'],
    ['-0,5', 'negative-value', 'negative'],
    [',5', 'not-a-number', 'no digit before'],
    ['5,', 'not-a-number', 'ends with'],
    ['+5', 'not-a-number', '+ sign'],
    ['85%', 'percent-column', 'percentage'],
    ['12,05,1', 'not-a-number', 'not a number'],
    ['1 234', 'not-a-number', 'not a number'],
  ])('rejects %j (%s)', (raw, code, reason) => {
    const c = parseCell(raw);
    expect(c.kind).toBe('invalid');
    if (c.kind === 'invalid') {
      expect(c.code).toBe(code);
      expect(c.reason).toContain(reason);
    }
  });

  it('never accepts a value it then changes: printing what it read gives back the digits', () => {
    // At most 9 + 6 digits: within the 15 significant digits a cell may have (more is refused, see above).
    fc.assert(
      fc.property(fc.nat({ max: 10 ** 9 - 1 }), fc.option(fc.stringMatching(/^\d{1,6}$/)), fc.constantFrom(',', '.'), (int, frac, sep) => {
        const raw = frac === null ? String(int) : `${int}${sep}${frac}`;
        expect(value(raw)).toBe(frac === null ? String(int) : `${int}.${frac}`);
      }),
    );
  });

  it('never accepts text with letters, signs or several separators', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (s) => {
        const c = parseCell(s);
        if (c.kind === 'number') expect(s.trim()).toMatch(/^\d+([.,]\d+)?$/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('yes/no cells', () => {
  it.each([
    ['có', true],
    ['Có', true],
    ['x', true],
    ['', true],
    ['yes', true],
    ['không', false],
    ['Không', false],
    ['false', false],
    ['0', false],
  ])('%j -> %s', (raw, expected) => {
    expect(parseFlag(raw)).toBe(expected);
  });

  it('returns undefined for anything else', () => {
    expect(parseFlag('maybe')).toBeUndefined();
  });
});
