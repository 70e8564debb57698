/**
 * The JSON contract (schemaVersion 1). Every key is always present (null when it does not apply), so
 * scripts never need to test for existence. Numbers are rounded to the scheme's precision and printed
 * from their decimal text: 82.84, never 82.84000000000001.
 */
import { percentToJsonNumber, toJsonNumber, toRatio, type Decimal, type Ratio } from '../core/decimal.js';
import type { Problem } from '../core/problem.js';
import type { BandCount, Ranking, UnitResult } from '../core/ranking.js';
import { reasonText, type Comparison, type PreviousValues, type UnitChange } from '../core/compare.js';
import type { Stats } from '../core/summary.js';
import type { Band } from '../scheme/schema.js';

export const SCHEMA_VERSION = 1;

type Num = number | null;

function n(value: Decimal | Ratio | undefined, places: number): Num {
  return value === undefined ? null : toJsonNumber(value, places);
}

function band(b: Band | undefined) {
  return b ? { id: b.id, label: b.label } : null;
}

function statsJson(s: Stats | undefined, places: number) {
  return {
    units: s?.count ?? 0,
    mean: n(s?.mean, places),
    median: n(s?.median, places),
    min: n(s?.min, places),
    max: n(s?.max, places),
  };
}

function bandsJson(counts: readonly BandCount[]) {
  return counts.map((c) => ({ id: c.band?.id ?? null, label: c.band?.label ?? null, count: c.count }));
}

export function problemJson(p: Problem) {
  return {
    severity: p.severity,
    code: p.code,
    message: p.message,
    file: p.file ?? null,
    line: p.line ?? null,
    column: p.column ?? null,
    hint: p.hint ?? null,
  };
}

export function previousJson(v: PreviousValues, places: number) {
  return {
    unit: v.name,
    code: v.code ?? null,
    block: v.block ?? null,
    rank: v.rank ?? null,
    of: v.of,
    total: n(v.total, places),
    index: n(v.index, places),
    band: band(v.band),
  };
}

export function changeJson(c: UnitChange | undefined, places: number) {
  if (!c) return { previous: null, change: null };
  return {
    previous: c.previous ? previousJson(c.previous, places) : null,
    change: {
      status: c.status,
      rank: c.rankChange ?? null,
      index: n(c.indexChange, places),
      note: c.note ?? null,
      predecessors: c.predecessors.map((x) => previousJson(x, places)),
    },
  };
}

export function comparisonJson(c: Comparison) {
  const p = c.current.scheme.precision;
  return {
    year: c.previous.year ?? null,
    files: c.previous.files,
    scheme: c.previous.scheme.id,
    comparable: c.comparable,
    reasons: c.reasons.map(reasonText),
    mergeRule: c.mergeRule ?? null,
    counts: c.counts,
    mean: { previous: n(c.previous.stats?.mean, p), current: n(c.current.stats?.mean, p), change: n(c.meanChange, p) },
  };
}

export function unitJson(r: Ranking, u: UnitResult, change?: UnitChange, compared = false) {
  const p = r.scheme.precision;
  return {
    rank: u.rank ?? null,
    of: u.rankedCount,
    unit: u.name,
    code: u.code ?? null,
    block: u.block ?? null,
    ranked: u.ranked,
    total: n(u.total, p),
    max: n(u.max, p),
    index: n(u.index, p),
    band: band(u.band),
    components: Object.fromEntries(
      u.components.map((c) => [
        c.id,
        {
          applicable: c.applicable,
          points: n(c.points, p),
          max: n(c.max, p),
          index: n(c.index, p),
          rank: c.rank ?? null,
        },
      ]),
    ),
    ...(compared ? changeJson(change, p) : { previous: null, change: null }),
  };
}

export function schemeJson(r: Ranking) {
  const s = r.scheme;
  return {
    id: s.id,
    title: s.title,
    level: s.level ?? null,
    source: s.source ?? null,
    precision: s.precision,
    components: s.components.map((c) => ({ id: c.id, label: c.label, max: toJsonNumber(c.max, 6), part: c.part ?? null })),
    bands: s.bands.map((b) => ({ id: b.id, min: toJsonNumber(toRatio(b.min), 6), label: b.label })),
  };
}

export function rankingJson(r: Ranking, comparison?: Comparison, withUnits = true) {
  const p = r.scheme.precision;
  const changes = new Map((comparison?.units ?? []).map((c) => [c.unit, c]));
  return {
    schemaVersion: SCHEMA_VERSION,
    scheme: schemeJson(r),
    year: r.year ?? null,
    files: r.files,
    options: { ties: r.options.ties, rankPrecision: r.options.rankPrecision ?? null },
    units: withUnits ? r.units.map((u) => unitJson(r, u, changes.get(u), comparison !== undefined)) : [],
    summary: {
      ...statsJson(r.stats, p),
      ranked: r.units.filter((u) => u.ranked).length,
      bands: bandsJson(r.bands),
      blocks: r.blocks
        .filter((b) => b.name !== undefined)
        .map((b) => ({ block: b.name!, ...statsJson(b.stats, p), ranked: b.units.filter((u) => u.ranked).length, bands: bandsJson(b.bands) })),
    },
    comparison: comparison ? comparisonJson(comparison) : null,
    dropped: comparison ? comparison.dropped.map((d) => previousJson(d, p)) : [],
    warnings: [...r.warnings, ...(comparison?.warnings.filter((w) => !r.warnings.includes(w)) ?? [])].map(problemJson),
  };
}

const str = (x: string | null) => JSON.stringify(x);
const num = (x: number | null) => (x === null ? 'null' : String(x));

/** A value as `JSON.stringify(value, null, 2)` prints it at nesting depth `depth` (2 spaces each). */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/**
 * One unit exactly as `JSON.stringify(unitJson(...), null, 2)` prints it inside the document's
 * `units` array (depth 2), written directly: no object per unit, no generic printer. The optional
 * year-over-year parts go through JSON.stringify. A test compares both on generated rankings.
 */
export function unitJsonText(r: Ranking, u: UnitResult, change: UnitChange | undefined, compared: boolean): string {
  const p = r.scheme.precision;
  const i4 = '\n      ';
  const b = u.band;
  const bandText = b ? `{${i4}  "id": ${str(b.id)},${i4}  "label": ${nested(b.label, 4)}${i4}}` : 'null';
  const components = u.components.length
    ? `{${u.components
        .map(
          (c) =>
            `${i4}  ${str(c.id)}: {${i4}    "applicable": ${c.applicable},${i4}    "points": ${num(n(c.points, p))},${i4}    "max": ${num(n(c.max, p))},${i4}    "index": ${num(c.applicable ? percentToJsonNumber(c.points!, c.max!, p) : null)},${i4}    "rank": ${num(c.rank ?? null)}${i4}  }`,
        )
        .join(',')}${i4}}`
    : '{}';
  const yoy = compared ? changeJson(change, p) : { previous: null, change: null };
  return (
    `    {${i4}"rank": ${num(u.rank ?? null)},${i4}"of": ${u.rankedCount},${i4}"unit": ${str(u.name)},${i4}"code": ${str(u.code ?? null)},` +
    `${i4}"block": ${str(u.block ?? null)},${i4}"ranked": ${u.ranked},${i4}"total": ${num(n(u.total, p))},${i4}"max": ${num(n(u.max, p))},` +
    `${i4}"index": ${num(n(u.index, p))},${i4}"band": ${bandText},${i4}"components": ${components},` +
    `${i4}"previous": ${nested(yoy.previous, 3)},${i4}"change": ${nested(yoy.change, 3)}\n    }`
  );
}

/**
 * The JSON document in pieces, unit by unit, so a large ranking is never one giant string or object
 * tree in memory. Joined, the pieces are exactly `JSON.stringify(rankingJson(r), null, 2)` + newline.
 */
export function* renderJsonChunks(r: Ranking, comparison?: Comparison): Generator<string> {
  const changes = new Map((comparison?.units ?? []).map((c) => [c.unit, c]));
  const doc = rankingJson(r, comparison, false);
  const text = JSON.stringify(doc, null, 2);
  const marker = '\n  "units": [],\n';
  const at = text.indexOf(marker);
  if (r.units.length === 0 || at < 0) {
    yield `${JSON.stringify(rankingJson(r, comparison), null, 2)}\n`;
    return;
  }
  yield `${text.slice(0, at)}\n  "units": [\n`;
  let batch = '';
  const last = r.units.length - 1;
  for (let i = 0; i <= last; i++) {
    batch += `${unitJsonText(r, r.units[i]!, changes.get(r.units[i]!), comparison !== undefined)}${i < last ? ',' : ''}\n`;
    if (batch.length > 1 << 16) {
      yield batch;
      batch = '';
    }
  }
  yield `${batch}  ],\n${text.slice(at + marker.length)}\n`;
}

export function renderJson(r: Ranking, comparison?: Comparison): string {
  return [...renderJsonChunks(r, comparison)].join('');
}
