/**
 * The ranking rules, each tested directly on small tables whose answer is worked out by hand:
 * medians, band edges, tie order, component ranks and rounding at halves. (Until the redesign some
 * of these were caught only because two implementations disagreed.)
 */
import { describe, expect, it } from 'vitest';
import { formatRatio } from '../../src/model/decimal.js';
import { resolveScheme } from '../../src/model/scheme.js';
import { rankSources } from '../../src/read/load.js';
import { rankingJson } from '../../src/write/json.js';
import { renderCsv } from '../../src/write/csv.js';
import { renderTable } from '../../src/write/table.js';
import { PLAIN } from '../../src/write/paint.js';
import { textSource } from '../helpers.js';

const scheme = resolveScheme({
  id: 'rules',
  components: [
    { id: 'a', max: 60 },
    { id: 'b', max: 40 },
  ],
  bands: [
    { id: 'good', min: 90, label: { en: 'Good', vi: 'Tốt' } },
    { id: 'fair', min: 80, label: { en: 'Fair', vi: 'Khá' } },
  ],
});
const rank = (rows: string, options: Parameters<typeof rankSources>[1] = {}) => rankSources([textSource(`unit;a;b\n${rows}`)], { scheme, ...options });

describe('medians', () => {
  it('of an odd count is the middle value; of an even count, the mean of the two middle values, exactly', () => {
    expect(formatRatio(rank('A;50;30\nB;40;30\nC;30;30\n').stats!.median, 4)).toBe('70.0000');
    // 80, 70, 60.01, 50: (70 + 60.01) / 2 = 65.005, which rounds half away from zero to 65.01.
    const even = rank('A;50;30\nB;40;30\nC;30,01;30\nD;20;30\n');
    expect(formatRatio(even.stats!.median, 4)).toBe('65.0050');
    expect(rankingJson(even).summary.median).toBe(65.01);
  });

  it('compare indices, not points, when units have different maxima', () => {
    // A: 45/60 = 75 %; B: 80/100 = 80 %; C: 36/40 = 90 %. Median 80 %, though B has the most points.
    const r = rank('A;45;KAD\nB;50;30\nC;KAD;36\n');
    expect(formatRatio(r.stats!.median, 4)).toBe('80.0000');
    expect(r.units.map((u) => u.name)).toEqual(['C', 'B', 'A']);
  });
});

describe('band edges', () => {
  it('a band starts at its minimum: exactly 90 % is in it, just below is not', () => {
    const r = rank('A;50;40\nB;50;39,99\n');
    expect(r.units.map((u) => u.band?.id)).toEqual(['good', 'fair']);
  });

  it('the edge is exact for a unit with its own maximum (54/60 = 90 %)', () => {
    expect(rank('A;54;KAD\nB;53,99;KAD\n').units.map((u) => u.band?.id)).toEqual(['good', 'fair']);
  });

  it('--rank-precision bands on the rounded index: 89.995 % rounds to 90.00 and is in the band', () => {
    const rows = 'A;49,995;40\n';
    expect(rank(rows).units[0]!.band?.id).toBe('fair');
    expect(rank(rows, { rankPrecision: 2 }).units[0]!.band?.id).toBe('good');
  });
});

describe('tie order and tie rules', () => {
  const rows = 'Dương;40;40\nĐức;40;40\nAn;50;40\nduc;20;20\nBa;10;10\n';

  it('lists equal values by name without diacritics, then by the name as written', () => {
    // Đức folds to "duc", before "duong"; "duc" and "Đức" would be equal folded, but they differ in value here.
    expect(rank(rows).units.map((u) => u.name)).toEqual(['An', 'Đức', 'Dương', 'duc', 'Ba']);
  });

  it('gives 1-2-2-4 (competition), 1-2-2-3 (dense) and 1-2-3-4 in listing order (ordinal)', () => {
    expect(rank(rows).units.map((u) => u.rank)).toEqual([1, 2, 2, 4, 5]);
    expect(rank(rows, { ties: 'dense' }).units.map((u) => u.rank)).toEqual([1, 2, 2, 3, 4]);
    expect(rank(rows, { ties: 'ordinal' }).units.map((u) => [u.name, u.rank])).toEqual([
      ['An', 1],
      ['Đức', 2],
      ['Dương', 3],
      ['duc', 4],
      ['Ba', 5],
    ]);
  });

  it('does not depend on the order of the rows', () => {
    const reversed = rows.trimEnd().split('\n').reverse().join('\n') + '\n';
    expect(rank(reversed).units.map((u) => [u.name, u.rank])).toEqual(rank(rows).units.map((u) => [u.name, u.rank]));
  });
});

describe('component ranks', () => {
  it('rank the ranked units of the block where the component applies, on its points', () => {
    const text = 'unit;Khối;Có xếp hạng;a;b\nA;X;có;50;10\nB;X;có;50;20\nC;X;không;60;30\nD;X;có;KAD;40\nE;Y;có;10;1\n';
    const r = rankSources([textSource(text)], { scheme });
    const ranks = Object.fromEntries(r.units.map((u) => [u.name, u.components.map((c) => c.rank ?? null)]));
    // a in block X: A and B share 50 (C is not ranked, D has no a): both 1st. b: D 40, B 20, A 10.
    expect(ranks).toEqual({ A: [1, 3], B: [1, 2], C: [null, null], D: [null, 1], E: [1, 1] });
  });

  it('follow the tie rule: dense and ordinal', () => {
    const rows = 'A;50;10\nB;50;20\nC;40;30\n';
    const dense = Object.fromEntries(rank(rows, { ties: 'dense' }).units.map((u) => [u.name, u.components[0]!.rank]));
    expect(dense).toEqual({ A: 1, B: 1, C: 2 });
    const ordinal = Object.fromEntries(rank(rows, { ties: 'ordinal' }).units.map((u) => [u.name, u.components[0]!.rank]));
    expect(ordinal).toEqual({ A: 1, B: 2, C: 3 });
  });
});

describe('rounding at halves', () => {
  it('rounds half away from zero in every output: 82.845 is 82.85', () => {
    const r = rank('A;42,845;40\n');
    expect(rankingJson(r).units[0]!).toMatchObject({ total: 82.85, index: 82.85 });
    expect(renderCsv(r, { lang: 'en', style: { delimiter: ',', separator: '.', bom: false } })).toContain(',82.85,');
    expect(renderTable(r, { lang: 'vi', colour: PLAIN })).toContain('82,85');
  });

  it('rounds the index from the exact fraction, never from a rounded total', () => {
    // 49.995 / 60 = 83.325 % exactly: 83.33 (a total first rounded to 50.00 would give 83.33 too, but
    // 49.994 / 60 = 83.3233... must give 83.32, not 83.33).
    expect(rankingJson(rank('A;49,995;KAD\n')).units[0]!.index).toBe(83.33);
    expect(rankingJson(rank('A;49,994;KAD\n')).units[0]!.index).toBe(83.32);
  });

  it('ranks on exact values: 87.325 and 87.32 print alike but rank apart', () => {
    const r = rank('A;47,32;40\nB;47,325;40\n');
    expect(r.units.map((u) => [u.name, u.rank])).toEqual([
      ['B', 1],
      ['A', 2],
    ]);
    expect(rank('A;47,32;40\nB;47,325;40\n', { rankPrecision: 1 }).units.map((u) => u.rank)).toEqual([1, 1]);
  });
});
