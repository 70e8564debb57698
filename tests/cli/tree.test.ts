/**
 * Hierarchical schemes: a field-level sheet made in LibreOffice (scripts/make-sheets.mjs) with the
 * published Bình Sơn 2023 fields, a survey in percent, bonus and penalty points; subtotals at every
 * level; applicability inside a part; a tree and its flattened equivalent rank the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScheme } from '../../src/read/scheme-file.js';
import { rankSources } from '../../src/read/load.js';
import { rankingJson } from '../../src/write/json.js';
import { problemsOf, textSource } from '../helpers.js';
import { cli } from './run.js';

const SHEET = 'fixtures/sheets/quang-ngai-2023-fields.csv';
const SCHEME = 'fixtures/quang-ngai-district-fields.scheme.json';

type Node = { applicable: boolean; points: number | null; max: number | null; index: number | null; rank: number | null };
type Unit = { unit: string; total: number; max: number; index: number; rank: number; of: number; components: Record<string, Node> };

async function json(args: string[]) {
  const r = await cli(['rank', ...args, '--format', 'json']);
  expect(r.stderr.split('\n').filter((l) => l.startsWith('par-score: ') && !l.startsWith('par-score: note:'))).toEqual([]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { units: Unit[]; scheme: { components: { id: string; parent?: string; kind?: string; measure?: unknown }[] } };
}

describe('a field-level sheet (fields under their part, the survey in percent, bonus and penalty)', () => {
  it('ranks Bình Sơn 82,84, 6th of 13, with its published fields and the part subtotals', async () => {
    const r = await json([SHEET, '--scheme', SCHEME]);
    const bs = r.units.find((u) => u.unit === 'Bình Sơn')!;
    expect(bs).toMatchObject({ total: 82.84, rank: 6, of: 13, max: 100 });
    const c = bs.components;
    expect([c.institutions, c.direction, c.tthc, c.impact].map((n) => [n!.points, n!.max])).toEqual([
      [4.5, 4.5],
      [9.2, 10.5],
      [12.05, 12.5],
      [4.75, 9],
    ]);
    expect([c.appraisal!.points, c.appraisal!.max, c.survey!.points, c.survey!.max]).toEqual([63.26, 72, 19.58, 28]);
    // The penalty is taken off (Mộ Đức 63,90 + 19,85 - 0,50), the bonus added (Lý Sơn 61,95 + 19,36 + 1).
    expect(r.units.find((u) => u.unit === 'Mộ Đức')).toMatchObject({ total: 83.25, rank: 4 });
    expect(r.units.find((u) => u.unit === 'Lý Sơn')).toMatchObject({ total: 82.31, rank: 7 });
    // The scheme in the JSON says the tree.
    expect(r.scheme.components.find((n) => n.id === 'tthc')).toMatchObject({ parent: 'appraisal' });
    expect(r.scheme.components.find((n) => n.id === 'survey')).toMatchObject({ measure: 'percent' });
    expect(r.scheme.components.find((n) => n.id === 'penalty')).toMatchObject({ kind: 'penalty' });
  });

  it('shows the fields with --depth 1, and its CSV (node paths in the header) reads back to the same ranking', async () => {
    const table = await cli(['rank', SHEET, '--scheme', SCHEME, '--depth', '1']);
    expect(table.stdout).toContain('Institutional');
    expect(table.stdout).toMatch(/│ +6 │ Bình Sơn +│ +9\.20 │ +4\.50 │ +12\.05 │/);
    const csv = await cli(['rank', SHEET, '--scheme', SCHEME, '--depth', '1', '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe(
      'rank,unit,code,appraisal/direction,appraisal/institutions,appraisal/tthc,appraisal/organisation,appraisal/civil_service,appraisal/public_finance,appraisal/digital,appraisal/impact,appraisal,survey,bonus,penalty,total,max,index,ranked',
    );
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const p = join(mkdtempSync(join(tmpdir(), 'par-score-tree-')), 'fields.csv');
    writeFileSync(p, csv.stdout);
    // The survey is now in points: a scheme that measures it in points reads it (the rest is the same scheme).
    const scheme = JSON.parse((await import('node:fs')).readFileSync(SCHEME, 'utf8'));
    scheme.components[1].measure = 'points';
    const pointsScheme = join(mkdtempSync(join(tmpdir(), 'par-score-tree-')), 's.json');
    writeFileSync(pointsScheme, JSON.stringify(scheme));
    const again = await json([p, '--scheme', pointsScheme]);
    const first = await json([SHEET, '--scheme', SCHEME]);
    expect(again.units.map((u) => [u.unit, u.total, u.rank])).toEqual(first.units.map((u) => [u.unit, u.total, u.rank]));
  });
});

const tree = parseScheme({
  id: 't',
  components: [
    { id: 'appraisal', children: [{ id: 'a1', max: 40 }, { id: 'a2', max: 30 }] },
    { id: 'survey', max: 30 },
  ],
}).scheme!;

describe('a tree over a table', () => {
  it('leaves a field that does not apply out of the unit\'s maximum, and only that unit\'s', () => {
    const r = rankingJson(rankSources([textSource('unit;a1;a2;survey\nA;30;KAD;20\nB;30;20;20\n')], { scheme: tree }));
    const a = r.units.find((u) => u.unit === 'A')!;
    expect([a.total, a.max, a.index]).toEqual([50, 70, 71.43]);
    expect(a.components.appraisal).toMatchObject({ points: 30, max: 40, index: 75 });
    expect(r.units.find((u) => u.unit === 'B')).toMatchObject({ total: 70, max: 100, index: 70 });
  });

  it('checks a part given with its fields: they must add up', () => {
    const problems = problemsOf(() => rankSources([textSource('unit;a1;a2;appraisal;survey\nA;30,00;20,00;50,10;20\n')], { scheme: tree }));
    expect(problems.map((p) => [p.code, p.message])).toEqual([['subtotal-mismatch', 'A: "appraisal" is 50.10, but its 2 children add up to 50.00']]);
    // Within the rounding of its cells (half a hundredth each): fine.
    expect(rankSources([textSource('unit;a1;a2;appraisal;survey\nA;30,00;20,00;50,01;20\n')], { scheme: tree }).warnings).toEqual([]);
  });

  it('names the field that is missing when a part is neither given nor complete', () => {
    const problems = problemsOf(() => rankSources([textSource('unit;a1;survey\nA;30;20\n')], { scheme: tree }));
    expect(problems.map((p) => p.message)).toEqual(['no column for "appraisal / a2" (maximum 30); expected a header such as "a2", "a2"']);
  });

  it('ranks a tree and its flattened equivalent identically', () => {
    const flat = parseScheme({ id: 'f', components: [{ id: 'a1', max: 40 }, { id: 'a2', max: 30 }, { id: 'survey', max: 30 }] }).scheme!;
    const cell = (max: number) => fc.oneof(fc.integer({ min: 0, max: max * 100 }).map((c) => (c / 100).toFixed(2)), fc.constant('KAD'));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell(40), cell(30), fc.integer({ min: 0, max: 3000 }).map((c) => (c / 100).toFixed(2))), { minLength: 1, maxLength: 20 }), (rows) => {
        fc.pre(rows.every(([a1, a2]) => a1 !== 'KAD' || a2 !== 'KAD'));
        const text = ['unit,a1,a2,survey', ...rows.map((r, i) => `U${i},${r.join(',')}`)].join('\n');
        const pick = (s: typeof tree) => rankingJson(rankSources([textSource(text)], { scheme: s })).units.map((u) => [u.unit, u.total, u.max, u.index, u.rank]);
        expect(pick(tree)).toEqual(pick(flat));
      }),
      { numRuns: 100 },
    );
  });
});

describe('measures, bonus and penalty', () => {
  const scheme = (extra: object = {}) =>
    parseScheme({
      id: 'm',
      components: [
        { id: 'appraisal', max: 90 },
        { id: 'sipas', max: 10, measure: 'percent' },
        { id: 'bonus', kind: 'bonus', max: 5 },
        { id: 'penalty', kind: 'penalty', max: 5 },
      ],
      ...extra,
    }).scheme!;

  it('turns a percentage into points exactly: 82,3 % of 10 is 8.23, never 8.229999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), (hundredths) => {
        const pct = (hundredths / 100).toFixed(2).replace('.', ',');
        const t = rankSources([textSource(`unit;appraisal;sipas\nA;80;${pct}\n`)], { scheme: scheme() }).table;
        // 10 x p / 100 = p / 10: the digits of p, the point moved one place; held as an integer at the table's scale.
        expect(t.points[1]![0]! * 1000).toBe(hundredths * 10 ** t.scale);
      }),
      { numRuns: 300 },
    );
    const r = rankingJson(rankSources([textSource('unit;appraisal;sipas\nA;80;82,3%\n')], { scheme: scheme() }));
    expect(r.units[0]).toMatchObject({ total: 88.23 });
  });

  it('refuses a percentage above 100', () => {
    const problems = problemsOf(() => rankSources([textSource('unit;appraisal;sipas\nA;80;101\n')], { scheme: scheme() }));
    expect(problems.map((p) => p.message)).toEqual(['"sipas": 101 is above 100, the top of its measure for A']);
  });

  it('caps bonus points at the maximum with a note, unless the scheme allows more; a total never goes below 0', () => {
    const capped = rankSources([textSource('unit;appraisal;sipas;bonus;penalty\nA;90;100;3;\nB;2;0;;5\n')], { scheme: scheme() });
    expect(rankingJson(capped).units.map((u) => [u.unit, u.total, u.index])).toEqual([['A', 100, 100], ['B', 0, 0]]);
    expect(capped.warnings.map((w) => w.code)).toEqual(['total-capped', 'total-capped']);
    const allowed = rankSources([textSource('unit;appraisal;sipas;bonus\nA;90;100;3\n')], { scheme: scheme({ overMax: 'allow' }) });
    expect(rankingJson(allowed).units[0]).toMatchObject({ total: 103 });
  });

  it('refuses a bonus above its cap, and a penalty written with the other sign', () => {
    expect(problemsOf(() => rankSources([textSource('unit;appraisal;sipas;bonus\nA;80;50;6\n')], { scheme: scheme() })).map((p) => p.code)).toEqual(['value-above-max']);
    expect(problemsOf(() => rankSources([textSource('unit;appraisal;sipas;penalty\nA;80;50;-1\n')], { scheme: scheme() })).map((p) => p.code)).toEqual(['negative-value']);
  });
});

describe('year over year by field', () => {
  it('counts the fields that rose and fell, in the table and the JSON', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'par-score-tree-'));
    const scheme = join(dir, 's.json');
    writeFileSync(scheme, JSON.stringify({ id: 't', components: [{ id: 'appraisal', children: [{ id: 'a1', max: 40 }, { id: 'a2', max: 30 }] }, { id: 'survey', max: 30 }] }));
    writeFileSync(join(dir, '2023.csv'), 'unit;a1;a2;survey\nA;30;20;20\nB;35;25;25\n');
    writeFileSync(join(dir, '2024.csv'), 'unit;a1;a2;survey\nA;32;19;20\nB;36;26;26\n');
    const r = await cli(['rank', join(dir, '2024.csv'), '--prev', join(dir, '2023.csv'), '--scheme', scheme, '--format', 'json']);
    expect(r.code).toBe(0);
    const units = JSON.parse(r.stdout).units as { unit: string; change: { fields: unknown } }[];
    expect(units.map((u) => [u.unit, u.change.fields])).toEqual([
      ['B', { up: 3, down: 0, same: 0 }],
      ['A', { up: 1, down: 1, same: 1 }],
    ]);
    const table = await cli(['rank', join(dir, '2024.csv'), '--prev', join(dir, '2023.csv'), '--scheme', scheme]);
    expect(table.stdout).toMatch(/Fields up\/down/);
    expect(table.stdout).toMatch(/│ A +│.*│ ▲1 ▼1 +│/);
  });
});
