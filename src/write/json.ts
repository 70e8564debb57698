/**
 * The JSON contract (schemaVersion 2, see SCHEMA_VERSION). Every key is always present (null when it does not apply), so
 * scripts never need to test for existence. Numbers are rounded to the scheme's precision and printed
 * from their decimal text: 82.84, never 82.84000000000001.
 *
 * The documents are defined as objects (`rankingJson`, `unitJson`, ...) printed by JSON.stringify
 * with two-space indentation; a ranking's units are streamed by write/json-stream.ts.
 */
import { localise } from './messages.js';
import type { Lang } from './words.js';
import { percentToJsonNumber, toJsonNumber, toRatio, type Decimal, type Ratio } from '../model/decimal.js';
import type { Problem } from '../model/problem.js';
import type { BandCount } from '../model/bands.js';
import type { Ranking, UnitResult } from '../model/ranking.js';
import { reasonText, type Comparison, type PreviousValues, type UnitChange } from '../model/compare.js';
import type { Stats } from '../model/stats.js';
import type { Band, Scheme } from '../model/scheme.js';

/**
 * 2 (2026-12-02): a change has `fields` ({ up, down, same } with a tree scheme, else null); `components` holds every node of a tree scheme (parts, then their fields), so for a
 * tree they no longer add up to the total; `scheme.components[]` may carry `parent`, `kind`,
 * `measure`; `options.totals`; problems carry `row`; validation counts `notes`. A flat scheme's
 * units are as in 1.
 */
export const SCHEMA_VERSION = 2;

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

/** A problem as JSON: its code and place are the same in every language; message and hint are in `lang`. */
export function problemJson(problem: Problem, lang: Lang = 'en') {
  const p = localise(problem, lang);
  return {
    severity: p.severity,
    code: p.code,
    message: p.message,
    file: p.file ?? null,
    line: p.line ?? null,
    column: p.column ?? null,
    row: p.row ?? null,
    cell: p.cell ?? null,
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
      fields: c.fields ?? null,
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
    // Every node of the scheme (for a flat scheme: its components), parts before their fields.
    components: Object.fromEntries(
      u.nodes.map((c) => [
        c.id,
        {
          applicable: c.applicable,
          points: n(c.points, p),
          max: n(c.max, p),
          index: c.applicable ? percentToJsonNumber(c.points!, c.max!, p) : null,
          rank: c.rank ?? null,
        },
      ]),
    ),
    ...(compared ? changeJson(change, p) : { previous: null, change: null }),
  };
}

export function schemeJson(r: { readonly scheme: Scheme }) {
  const s = r.scheme;
  return {
    id: s.id,
    title: s.title,
    level: s.level ?? null,
    source: s.source ?? null,
    precision: s.precision,
    // Every node; a tree's nodes say their parent, bonus and penalty nodes their kind, measured nodes their measure.
    components: s.nodes.map((c) => ({
      id: c.id,
      label: c.label,
      max: toJsonNumber(c.max, 6),
      part: c.part ?? null,
      ...(c.parent >= 0 ? { parent: s.nodes[c.parent]!.id } : {}),
      ...(c.role !== 'score' ? { kind: c.role } : {}),
      ...(c.measure.kind !== 'points' ? { measure: c.measure.kind === 'scale' ? { scale: toJsonNumber(c.measure.of, 6) } : c.measure.kind } : {}),
    })),
    bands: s.bands.map((b) => ({ id: b.id, min: toJsonNumber(toRatio(b.min), 6), label: b.label })),
  };
}

/** The ranking document; without units when `withUnits` is false (the streamed writer adds them). */
export function rankingJson(r: Ranking, comparison?: Comparison, withUnits = true, lang: Lang = 'en') {
  const p = r.scheme.precision;
  const units = withUnits ? r.units.map((u) => unitJson(r, u, comparison?.change(u.at), comparison !== undefined)) : [];
  return {
    schemaVersion: SCHEMA_VERSION,
    scheme: schemeJson(r),
    year: r.year ?? null,
    files: r.files,
    options: { ties: r.options.ties, rankPrecision: r.options.rankPrecision ?? null, totals: r.options.totals ?? 'computed' },
    units,
    summary: {
      ...statsJson(r.stats, p),
      ranked: r.blocks.reduce((sum, b) => sum + b.ranked, 0),
      bands: bandsJson(r.bands),
      blocks: r.blocks.filter((b) => b.name !== undefined).map((b) => ({ block: b.name!, ...statsJson(b.stats, p), ranked: b.ranked, bands: bandsJson(b.bands) })),
    },
    comparison: comparison ? comparisonJson(comparison) : null,
    dropped: comparison ? comparison.dropped.map((d) => previousJson(d, p)) : [],
    warnings: [...r.warnings, ...(comparison?.warnings.filter((w) => !r.warnings.includes(w)) ?? [])].map((p) => problemJson(p, lang)),
  };
}

