import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldedHash, HashIndex, sameFolded, textHash } from '../../src/model/hash-index.js';
import { nameKey, nameKeyHash } from '../../src/model/text.js';

describe('HashIndex', () => {
  it('finds every position of a key in the order added, also after growing from a small table', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 300 }), (keys) => {
        // A poor hash (key mod 7) makes long runs of equal hashes, and runs that wrap round the table's end.
        const index = new HashIndex(1);
        keys.forEach((k, position) => index.add(k % 7, position));
        for (const k of new Set(keys)) {
          const expected = keys.flatMap((x, position) => (x === k ? [position] : []));
          expect(index.all(k % 7, (position) => keys[position] === k)).toEqual(expected);
          expect(index.find(k % 7, (position) => keys[position] === k)).toBe(expected[0]);
          expect(index.only(k % 7, (position) => keys[position] === k)).toBe(expected.length === 1 ? expected[0] : -2);
        }
        expect(index.find(99, () => true)).toBe(-1);
        expect(index.only(99, () => true)).toBe(-1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('case-folded codes', () => {
  it('hash and compare as toLowerCase does, without making strings for ASCII', () => {
    const pairs = [
      ['U123', 'u123', true],
      ['HN-01', 'hn-01', true],
      ['HN-01', 'HN-02', false],
      ['ab', 'abc', false],
      // The Kelvin sign lowercases to k; dotted capital I to two characters.
      ['\u212a1', 'k1', true],
      ['\u0130', 'i\u0307', true],
      ['Đ01', 'đ01', true],
      ['Đ01', 'D01', false],
    ] as const;
    for (const [a, b, same] of pairs) {
      expect(sameFolded(a, b)).toBe(same);
      expect(a.toLowerCase() === b.toLowerCase()).toBe(same);
      if (same) expect(foldedHash(a)).toBe(foldedHash(b));
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        expect(sameFolded(a, b)).toBe(a.toLowerCase() === b.toLowerCase());
        expect(foldedHash(a)).toBe(textHash(a.toLowerCase()));
      }),
      { numRuns: 500 },
    );
  });
});

describe('name keys', () => {
  it('hash as their key does, made or not', () => {
    for (const name of ['Unit 12', 'unit 12', ' Unit  12 ', 'Hòa Vang', 'HOÀ VANG', 'Liên Chiểu-Hải Châu', 'A - B', 'a-b', 'Đức Phổ', '']) {
      expect(nameKeyHash(name)).toBe(textHash(nameKey(name)));
    }
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '-', 'à', 'À', '\u0300', 'đ', '1', '\u00a0'), maxLength: 10 }), (name) => {
        expect(nameKeyHash(name)).toBe(textHash(nameKey(name)));
      }),
      { numRuns: 500 },
    );
  });
});
