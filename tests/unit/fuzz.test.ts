/**
 * Fuzzing the CSV reader, the whole pipeline and the scheme loader with generated inputs: each input
 * must give a result or a ParScoreError (a clear message that names the file), never any other
 * exception. Bounded here (PAR_FUZZ_RUNS, default 150 per property); `npm run fuzz` runs many more.
 * A crash is saved to the system's temporary folder (never into the repository during a run) and
 * the test says where; tests/fuzz-regressions/ holds the inputs replayed on every run.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParScoreError } from '../../src/model/problem.js';
import { rankSources, type RankSourcesOptions } from '../../src/read/load.js';
import { parseScheme } from '../../src/read/scheme-file.js';
import { resolveScheme } from '../../src/model/scheme.js';
import { findBuiltinScheme } from '../../src/read/builtin.js';
import { format, sum } from '../../src/model/decimal.js';
import { rankingJson } from '../../src/write/json.js';
import { renderJson } from '../../src/write/json-stream.js';
import { ROOT } from '../helpers.js';

const RUNS = Number(process.env.PAR_FUZZ_RUNS ?? 150);
const REGRESSIONS = join(ROOT, 'tests', 'fuzz-regressions');
const qn = findBuiltinScheme('quang-ngai-district-2023')!;

const CRASHES = join(tmpdir(), 'par-score-fuzz-crashes');

/** Saves a crashing input outside the repository; returns its path. */
function save(bytes: Uint8Array, ext: string): string {
  mkdirSync(CRASHES, { recursive: true });
  const path = join(CRASHES, `crash-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.${ext}`);
  writeFileSync(path, bytes);
  return path;
}

/** Runs the pipeline; returns normally for a result or a ParScoreError, throws (after saving the input) otherwise. */
function survives(bytes: Uint8Array, options: RankSourcesOptions): void {
  try {
    const r = rankSources([{ name: 'fuzz.csv', bytes }], options);
    JSON.parse(renderJson(r));
  } catch (e) {
    if (e instanceof ParScoreError) {
      expect(e.problems.length).toBeGreaterThan(0);
      for (const p of e.problems) {
        expect(p.message.length).toBeLessThan(2000);
        // Bad data is reported in the file it is in; only a usage problem (no scheme fits) may not name one.
        if (e.exitCode === 1) expect(p.file).toBe('fuzz.csv');
        // Nothing from the data reaches a terminal as a control character.
        expect(p.message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      }
      return;
    }
    const saved = save(bytes, 'csv');
    throw new Error(`crash saved as ${saved} (add it to tests/fuzz-regressions/ once fixed): ${(e as Error).stack}`);
  }
}

const piece = fc.constantFrom(
  ';', ',', '\t', '"', '""', '\n', '\r\n', '\r', ' ', '-', 'N/A', '12,05', '12.05', '63.26', '1e309', 'Infinity', '-3', '1.234,5',
  'Đơn vị', 'unit', 'appraisal', 'survey', 'Điểm thẩm định (72)', 'Điều tra XHH', 'Tổng điểm', 'STT', 'Khối', 'Mã', 'Có xếp hạng', 'không',
  'Bình Sơn', 'Hoà', 'Hòa', '\uFEFF', '\u0000', '\u00A0', 'sep=;\n', '999999999999999999999999999999999', '0', '72', '28', '(72)',
);
const csvText = fc.array(fc.oneof({ weight: 5, arbitrary: piece }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { maxLength: 60 }).map((p) => p.join(''));
const wellFormed = fc
  .array(
    fc.tuple(
      fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !/[;"\n\r]/.test(s)),
      fc.oneof(fc.integer({ min: -100, max: 10000 }).map((n) => (n / 100).toFixed(2).replace('.', ',')), fc.constantFrom('', '-', 'x')),
      fc.oneof(fc.integer({ min: 0, max: 2800 }).map((n) => String(n / 100).replace('.', ',')), fc.constantFrom('', 'N/A')),
    ),
    { maxLength: 12 },
  )
  .map((rows) => 'Đơn vị;Điểm thẩm định (72);Điều tra XHH (28)\n' + rows.map((r) => r.join(';')).join('\n'));

describe('fuzz: CSV reader and pipeline', () => {
  it('replays every saved input', () => {
    const files = readdirSync(REGRESSIONS).filter((n) => n.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const bytes = readFileSync(join(REGRESSIONS, f));
      survives(bytes, { scheme: qn });
      survives(bytes, {});
    }
  });

  it('random text in the shape of CSV', () => {
    fc.assert(
      fc.property(csvText, fc.boolean(), (text, withScheme) => survives(new TextEncoder().encode(text), withScheme ? { scheme: qn } : {})),
      { numRuns: RUNS },
    );
  });

  it('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => survives(bytes, { scheme: qn })), { numRuns: RUNS });
  });

  it('well-formed files with random values', () => {
    fc.assert(fc.property(wellFormed, (text) => survives(new TextEncoder().encode(text), { scheme: qn, missing: 'zero' })), { numRuns: RUNS });
  });
});

describe('fuzz: scheme loader', () => {
  const valid = JSON.parse(JSON.stringify(qn.file)) as Record<string, unknown>;

  it('never throws on any JSON value: a scheme or problems naming fields', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const { scheme, problems } = parseScheme(json, 'fuzz.json');
        expect(scheme !== undefined || problems.length > 0).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on a valid scheme with one field replaced by anything', () => {
    const paths = [['id'], ['precision'], ['components'], ['components', 0], ['components', 0, 'max'], ['components', 0, 'id'], ['components', 1, 'aliases'], ['bands'], ['title']];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
        const copy = JSON.parse(JSON.stringify(valid));
        let at = copy;
        for (const k of path.slice(0, -1)) at = at[k as never];
        at[path[path.length - 1] as never] = value as never;
        try {
          parseScheme(copy, 'fuzz.json');
        } catch (e) {
          const saved = save(new TextEncoder().encode(JSON.stringify(copy)), 'json');
          throw new Error(`scheme crash saved as ${saved} (add it to tests/fuzz-regressions/ once fixed): ${(e as Error).message}`);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('properties of results', () => {
  const table = fc.array(fc.tuple(fc.integer({ min: 0, max: 7200 }), fc.integer({ min: 0, max: 2800 })), { minLength: 1, maxLength: 20 });
  const csv = (rows: [number, number][]) =>
    new TextEncoder().encode('unit;appraisal;survey\n' + rows.map(([a, b], i) => `U${i};${(a / 100).toFixed(2).replace('.', ',')};${(b / 100).toFixed(2).replace('.', ',')}`).join('\n'));

  it('totals are the exact decimal sums of the cells', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const r = rankSources([{ name: 't.csv', bytes: csv(rows) }], { scheme: qn });
        for (const u of r.units) {
          const [a, b] = rows[Number(u.name.slice(1))]!;
          expect(format(u.total, 2)).toBe(((a + b) / 100).toFixed(2));
          expect(format(u.total)).toBe(format(sum(u.components.map((c) => c.points!))));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('JSON round-trips: parsing and printing again gives the same text, numbers exactly as formatted', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const r = rankSources([{ name: 't.csv', bytes: csv(rows) }], { scheme: qn });
        const text = renderJson(r);
        const doc = JSON.parse(text);
        expect(`${JSON.stringify(doc, null, 2)}\n`).toBe(text);
        expect(doc).toEqual(JSON.parse(JSON.stringify(rankingJson(r))));
        r.units.forEach((u, i) => expect(String(doc.units[i].total)).toBe(String(Number(format(u.total, 2)))));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('whole pipeline invariants', () => {
  it('shuffling the rows of a file never changes the output (ranks, order, every number)', () => {
    const rows = fc.uniqueArray(
      fc.record({
        name: fc.constantFrom('Bình Sơn', 'Sơn Tịnh', 'Hòa Vang', 'Ba Tơ', 'Lý Sơn', 'Đức Phổ', 'Minh Long', 'Trà Bồng', 'Sơn Hà', 'Sơn Tây', 'Nghĩa Hành', 'Mộ Đức'),
        a: fc.integer({ min: 0, max: 7200 }),
        s: fc.integer({ min: 0, max: 2800 }),
      }),
      { selector: (r) => r.name, minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(rows, fc.infiniteStream(fc.nat()), (list, seeds) => {
        const csv = (rs: typeof list) =>
          new TextEncoder().encode('unit;appraisal;survey\n' + rs.map((r) => `${r.name};${(r.a / 100).toFixed(2).replace('.', ',')};${(r.s / 100).toFixed(2).replace('.', ',')}`).join('\n'));
        const shuffled = [...list].map((r) => ({ r, k: seeds.next().value })).sort((x, y) => x.k - y.k).map((x) => x.r);
        const a = rankingJson(rankSources([{ name: 't.csv', bytes: csv(list) }], { scheme: qn }));
        const b = rankingJson(rankSources([{ name: 't.csv', bytes: csv(shuffled) }], { scheme: qn }));
        expect(b).toEqual(a);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('JSON written directly equals JSON.stringify', () => {
  it('on generated rankings with bands, not-applicable cells, not-ranked units and odd names', () => {
    const province = resolveScheme({ ...qn.file, bands: [{ id: 'A "quoted"', min: 80, label: { vi: 'Tốt \\ "x"', en: 'Good\n' } }] });
    const row = fc.record({
      name: fc.string({ minLength: 1, maxLength: 6 }).filter((s) => !/[;"\r\n]/.test(s) && s.trim() !== '' && s.length < 50),
      a: fc.oneof(fc.integer({ min: 0, max: 7200 }).map((x) => (x / 100).toFixed(2).replace('.', ',')), fc.constant('-')),
      s: fc.integer({ min: 0, max: 2800 }).map((x) => (x / 100).toFixed(2).replace('.', ',')),
      ranked: fc.constantFrom('có', 'không'),
    });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.name.trim().toLowerCase(), minLength: 1, maxLength: 10 }), (rows) => {
        const text = 'unit;appraisal;survey;Có xếp hạng\n' + rows.map((r) => `${r.name};${r.a};${r.s};${r.ranked}`).join('\n');
        let r;
        try {
          r = rankSources([{ name: 't.csv', bytes: new TextEncoder().encode(text) }], { scheme: province });
        } catch (e) {
          if (e instanceof ParScoreError) return; // e.g. names equal after normalisation
          throw e;
        }
        expect(renderJson(r)).toBe(`${JSON.stringify(rankingJson(r), null, 2)}\n`);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('component ranks', () => {
  it('equal 1 + the number of ranked units with strictly more points (competition), whatever the decimals', () => {
    const cell = fc.oneof(fc.integer({ min: 0, max: 72 }).map(String), fc.integer({ min: 0, max: 7200 }).map((x) => (x / 100).toFixed(2).replace('.', ',')), fc.integer({ min: 0, max: 72000 }).map((x) => (x / 1000).toFixed(3).replace('.', ',')));
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 25 }), (cells) => {
        const text = 'unit;appraisal;survey\n' + cells.map((c, i) => `U${i};${c};1`).join('\n');
        const r = rankSources([{ name: 't.csv', bytes: new TextEncoder().encode(text) }], { scheme: qn });
        const value = (s: string) => Number(s.replace(',', '.'));
        for (const u of r.units) {
          const mine = value(cells[Number(u.name.slice(1))]!);
          expect(u.components[0]!.rank).toBe(1 + cells.filter((c) => value(c) > mine).length);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
