import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  add,
  compareRatios,
  divide,
  format,
  formatRatio,
  fromNumber,
  parseDecimal,
  percent,
  roundRatio,
  sum,
  toJsonNumber,
  type Decimal,
} from '../../src/model/decimal.js';

const d = (s: string): Decimal => parseDecimal(s)!;

describe('exact decimals', () => {
  it('adds the published Bình Sơn parts exactly: 63.26 + 19.58 = 82.84', () => {
    const total = add(d('63.26'), d('19.58'));
    expect(format(total)).toBe('82.84');
    expect(toJsonNumber(total, 2)).toBe(82.84);
    expect(JSON.stringify({ total: toJsonNumber(total, 2) })).toBe('{"total":82.84}');
  });

  it('adds TP. Quảng Ngãi (fixture) 66.15 + 21.40 to 87.55 where floats give 87.55000000000001', () => {
    expect(66.15 + 21.4).toBe(87.55000000000001);
    expect(format(add(d('66.15'), d('21.40')))).toBe('87.55');
    expect(toJsonNumber(add(d('66.15'), d('21.40')), 2)).toBe(87.55);
  });

  it('keeps Ninh Thuận 2022 parts exact: 54.2 + 8.23 + 18.05 + 5.31 = 85.79', () => {
    expect(format(sum(['54.2', '8.23', '18.05', '5.31'].map(d)))).toBe('85.79');
  });

  it('computes an index as an exact fraction and rounds only for display', () => {
    // Ban Quản lý các khu công nghiệp in the example fixture: 79.10 of an applicable 94.
    const index = percent(d('79.10'), d('94'));
    expect(formatRatio(index, 2)).toBe('84.15');
    expect(formatRatio(index, 6)).toBe('84.148936');
  });

  it('rounds half away from zero, like Excel ROUND', () => {
    expect(format(roundRatio({ num: 82845n, den: 1000n }, 2))).toBe('82.85');
    expect(format(roundRatio({ num: 82844n, den: 1000n }, 2))).toBe('82.84');
    expect(format(roundRatio({ num: -125n, den: 1000n }, 2))).toBe('-0.13');
    expect(format(roundRatio({ num: -1n, den: 1000n }, 2))).toBe('0.00');
    expect(format(roundRatio({ num: 2n, den: 3n }, 2))).toBe('0.67');
  });

  it('formats with a decimal comma for Vietnamese output', () => {
    expect(format(d('82.84'), 2, ',')).toBe('82,84');
    expect(format(d('5'), 2, ',')).toBe('5,00');
  });

  it('reads JSON numbers as the decimals they print as', () => {
    expect(format(fromNumber(61.5))).toBe('61.5');
    expect(format(fromNumber(0.1))).toBe('0.1');
    expect(format(fromNumber(1e-7))).toBe('0.0000001');
    expect(() => fromNumber(Infinity)).toThrow();
  });

  it('rejects what is not a plain decimal literal', () => {
    for (const bad of ['', 'abc', '1,5', '1.', '.5', '--1', 'Infinity', 'NaN']) expect(parseDecimal(bad)).toBeUndefined();
  });

  it('divides with a negative divisor by moving the sign to the numerator', () => {
    const r = divide(d('1'), d('-4'));
    expect(r.den > 0n).toBe(true);
    expect(formatRatio(r, 2)).toBe('-0.25');
  });
});

describe('exact decimal properties', () => {
  const cents = fc.integer({ min: 0, max: 10_000_000 });

  it('a sum of 2-decimal values equals the integer sum of their cents', () => {
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 30 }), (xs) => {
        const total = sum(xs.map((c) => ({ units: BigInt(c), scale: 2 })));
        const expected = xs.reduce((a, b) => a + b, 0);
        expect(format(total, 2)).toBe(format({ units: BigInt(expected), scale: 2 }, 2));
      }),
    );
  });

  it('formatting then parsing returns the same value', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 8 }), (units, scale) => {
        const x = { units, scale };
        const back = parseDecimal(format(x))!;
        expect(compareRatios({ num: back.units, den: 10n ** BigInt(back.scale) }, { num: units, den: 10n ** BigInt(scale) })).toBe(0);
      }),
    );
  });

  it('JSON numbers never show floating-point artefacts', () => {
    fc.assert(
      fc.property(cents, fc.integer({ min: 1, max: 10_000_000 }), (a, b) => {
        const value = toJsonNumber(percent({ units: BigInt(a), scale: 2 }, { units: BigInt(b), scale: 2 }), 2);
        const text = String(value);
        expect(text).toMatch(/^\d+(\.\d{1,2})?$/);
      }),
    );
  });

  it('rounding is within half a unit of the last place and symmetric around zero', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), (num, den) => {
        const r = roundRatio({ num, den }, 2);
        // |r - num/den| <= 0.005  <=>  |r.units * den - num * 100| * 2 <= den
        const diff = r.units * den - num * 100n;
        expect((diff < 0n ? -diff : diff) * 2n <= den).toBe(true);
        expect(roundRatio({ num: -num, den }, 2).units).toBe(-r.units);
      }),
    );
  });
});

describe('fast paths agree with the BigInt definitions', () => {
  it('roundRatio (safe-integer path) = roundRatioExact, including exact halves', async () => {
    const { roundRatioExact } = await import('../../src/model/decimal.js');
    const den = fc.oneof(fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.constantFrom(2n, 8n, 100n, 9400n, 7200n));
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), den, fc.integer({ min: 0, max: 6 }), (num, d, places) => {
        expect(roundRatio({ num, den: d }, places)).toEqual(roundRatioExact({ num, den: d }, places));
      }),
      { numRuns: 3000 },
    );
    // halves: x.xx5 exactly
    for (const [num, den] of [[82845n, 1000n], [-125n, 1000n], [5n, 1000n], [1n, 200n], [7917n, 9400n]] as const) {
      expect(roundRatio({ num, den }, 2)).toEqual(roundRatioExact({ num, den }, 2));
    }
  });

  it('toJsonNumber gives the same double as parsing the rounded decimal text', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 4 }), (units, scale, places) => {
        const d = { units, scale };
        expect(Object.is(toJsonNumber(d, places), Number(format(roundRatio({ num: units, den: 10n ** BigInt(scale) }, places))) || 0)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('more exact fast paths', () => {
  it('percentToJsonNumber = toJsonNumber(percent(...)) and decimals without rounding stay the same double', async () => {
    const { percentToJsonNumber } = await import('../../src/model/decimal.js');
    const dec = fc.record({ units: fc.bigInt({ min: 0n, max: 10n ** 9n }), scale: fc.integer({ min: 0, max: 6 }) });
    const max = fc.record({ units: fc.bigInt({ min: 1n, max: 10n ** 7n }), scale: fc.integer({ min: 0, max: 4 }) });
    fc.assert(
      fc.property(dec, max, fc.integer({ min: 0, max: 6 }), (p, m, places) => {
        expect(Object.is(percentToJsonNumber(p, m, places), toJsonNumber(percent(p, m), places))).toBe(true);
        expect(Object.is(toJsonNumber(p, places), Number(format(roundRatio({ num: p.units, den: 10n ** BigInt(p.scale) }, places))) || 0)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

});

describe('formatting scaled integers in numbers equals formatting decimals', () => {
  it('formatScaled(q, scale, places) = format({ units: q, scale }, places), with either separator', async () => {
    const { formatScaled, formatPercent, format: fmt, formatRatio: fr } = await import('../../src/model/decimal.js');
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 6 }), fc.constantFrom('.', ','), (q, scale, places, sep) => {
        expect(formatScaled(q, scale, places, sep)).toBe(fmt({ units: BigInt(q), scale }, places, sep));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 6 }), (points, max, places) => {
        expect(formatPercent(points, max, places)).toBe(fr({ num: BigInt(points) * 100n, den: BigInt(max) }, places));
      }),
      { numRuns: 3000 },
    );
  });
});
