/** The `compare` view: units sorted by movement, biggest risers and fallers, counts, change of the mean. */
import { renderBox } from './box.js';
import type { Paint } from './paint.js';
import { formatRatio, toJsonNumber } from '../model/decimal.js';
import type { Comparison, UnitChange } from '../model/compare.js';
import { movement } from '../model/movement.js';
import { csvLine, type CsvStyle } from './csv.js';
import { changeJson, comparisonJson, problemJson, schemeJson, SCHEMA_VERSION } from './json.js';
import { withLists } from './json-bytes.js';
import { ChangedUnitPrinter } from './json-change.js';
import type { Lang } from './words.js';
import { mdTable } from './markdown.js';
import { comparisonNotes, previousYearLabel, rankChangeText, signed } from './view.js';
import { words } from './words.js';

interface Row {
  readonly cells: string[];
  readonly change?: number;
}

function rows(c: Comparison, list: readonly UnitChange[], lang: Lang, sep: string): { head: string[]; numeric: boolean[]; rows: Row[] } {
  const w = words(lang);
  const p = c.current.scheme.precision;
  const prevYear = previousYearLabel(c, lang);
  const curYear = c.current.year ?? w.currentYear;
  const blocks = c.current.blocks.length > 1;
  // With fields under parts: how many of them rose and fell.
  const fields = c.current.scheme.depth > 0;
  const head = [w.unit, ...(blocks ? [w.block] : []), w.previousRank(prevYear), w.previousRank(curYear), w.change, `${w.index} ${prevYear}`, `${w.index} ${curYear}`, w.indexChange, ...(fields ? [w.fieldsChange] : [])];
  const numeric = [false, ...(blocks ? [false] : []), true, true, false, true, true, true, ...(fields ? [false] : [])];
  return {
    head,
    numeric,
    rows: list.map((u) => ({
      cells: [
        u.unit.name,
        ...(blocks ? [u.unit.block ?? ''] : []),
        u.previous?.rank !== undefined ? String(u.previous.rank) : '-',
        u.unit.rank !== undefined ? String(u.unit.rank) : '-',
        rankChangeText(u, lang),
        u.previous ? formatRatio(u.previous.index, p, sep) : '-',
        formatRatio(u.unit.index, p, sep),
        u.indexChange ? signed(formatRatio(u.indexChange, p, sep)) : '',
        ...(fields ? [u.fields ? `▲${u.fields.up} ▼${u.fields.down}` : ''] : []),
      ],
      ...(u.rankChange !== undefined ? { change: u.rankChange } : {}),
    })),
  };
}

export interface CompareRenderOptions {
  readonly lang: Lang;
  readonly top?: number;
  /** The heading, instead of the scheme's title and the two years (--title). */
  readonly title?: string;
}

function sections(c: Comparison, o: CompareRenderOptions): { heading?: string; list: readonly UnitChange[] }[] {
  const m = movement(c, o.top);
  const w = words(o.lang);
  return o.top === undefined ? [{ list: m.sorted }] : [{ heading: w.risers, list: m.risers }, { heading: w.fallers, list: m.fallers }];
}

/** "Provincial PAR INDEX 2023 → 2024". */
function heading(c: Comparison, o: CompareRenderOptions): string {
  return o.title ?? `${c.current.scheme.title[o.lang]} ${previousYearLabel(c, o.lang)} → ${c.current.year ?? words(o.lang).currentYear}`;
}

export function renderCompareTable(c: Comparison, o: CompareRenderOptions & { colour: Paint }): string {
  const k = o.colour;
  const sep = words(o.lang).decimal;
  const out = [k.bold(heading(c, o))];
  for (const s of sections(c, o)) {
    out.push('');
    if (s.heading) out.push(k.bold(s.heading));
    const t = rows(c, s.list, o.lang, sep);
    const changeAt = t.head.indexOf(words(o.lang).change);
    const body = t.rows.map((r) => r.cells.map((cell, i) => (i !== changeAt || r.change === undefined ? cell : r.change > 0 ? k.green(cell) : r.change < 0 ? k.red(cell) : cell)));
    out.push(renderBox({ head: t.head, numeric: t.numeric, colour: k }, body));
  }
  out.push('', ...comparisonNotes(c, { lang: o.lang, separator: sep }));
  return out.join('\n') + '\n';
}

export function renderCompareMarkdown(c: Comparison, o: CompareRenderOptions): string {
  const sep = words(o.lang).decimal;
  const out = [`## ${heading(c, o)}`, ''];
  for (const s of sections(c, o)) {
    if (s.heading) out.push(`### ${s.heading}`, '');
    const t = rows(c, s.list, o.lang, sep);
    out.push(mdTable(t.head, t.rows.map((r) => r.cells), t.numeric), '');
  }
  for (const line of comparisonNotes(c, { lang: o.lang, separator: sep })) out.push(`- ${line}`);
  return out.join('\n') + '\n';
}

export function renderCompareCsv(c: Comparison, o: CompareRenderOptions & { style: CsvStyle }): string {
  const p = c.current.scheme.precision;
  const { delimiter: d, separator: sep, bom } = o.style;
  const fields = c.current.scheme.depth > 0;
  // Ids as headers and statuses in English (for scripts); words in Vietnamese, as rank's CSV.
  const w = words(o.lang);
  const vi = o.lang === 'vi';
  const prev = previousYearLabel(c, o.lang);
  const head = vi
    ? [w.unit, w.code, w.block, w.previousRank(prev), w.rank, w.change, `${w.index} ${prev}`, w.index, w.indexChange, w.xlsx.status, ...(fields ? [w.fieldsUp, w.fieldsDown] : [])]
    : ['unit', 'code', 'block', 'previous_rank', 'rank', 'rank_change', 'previous_index', 'index', 'index_change', 'status', ...(fields ? ['fields_up', 'fields_down'] : [])];
  const lines = [csvLine(head, d)];
  for (const s of sections(c, o)) {
    for (const u of s.list) {
      lines.push(
        csvLine([
          u.unit.name,
          u.unit.code ?? '',
          u.unit.block ?? '',
          u.previous?.rank !== undefined ? String(u.previous.rank) : '',
          u.unit.rank !== undefined ? String(u.unit.rank) : '',
          u.rankChange !== undefined ? String(u.rankChange) : '',
          u.previous ? formatRatio(u.previous.index, p, sep) : '',
          formatRatio(u.unit.index, p, sep),
          u.indexChange ? formatRatio(u.indexChange, p, sep) : '',
          vi ? w.status[u.status] : u.status,
          ...(fields ? [String(u.fields?.up ?? ''), String(u.fields?.down ?? '')] : []),
        ], d),
      );
    }
  }
  return (bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

function compareDocument(c: Comparison, o: CompareRenderOptions, m: { sorted: readonly UnitChange[]; risers: readonly UnitChange[]; fallers: readonly UnitChange[] }) {
  const p = c.current.scheme.precision;
  const cmp = comparisonJson(c);
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'comparison',
    scheme: schemeJson(c.current),
    previous: { year: cmp.year, files: cmp.files, scheme: cmp.scheme },
    current: { year: c.current.year ?? null, files: c.current.files, scheme: c.current.scheme.id },
    comparable: cmp.comparable,
    reasons: cmp.reasons,
    mergeRule: cmp.mergeRule,
    counts: cmp.counts,
    mean: cmp.mean,
    top: o.top ?? null,
    units: m.sorted.map((u) => unitChangeJson(u, p)),
    risers: m.risers.map((u) => unitChangeJson(u, p)),
    fallers: m.fallers.map((u) => unitChangeJson(u, p)),
    dropped: c.dropped.map((d) => ({ unit: d.name, code: d.code ?? null, block: d.block ?? null, rank: d.rank ?? null, index: toJsonNumber(d.index, p) })),
    warnings: [...c.previous.warnings, ...c.current.warnings, ...c.warnings].map((p) => problemJson(p, o.lang)),
  };
}

function unitChangeJson(u: UnitChange, p: number) {
  return {
    unit: u.unit.name,
    code: u.unit.code ?? null,
    block: u.unit.block ?? null,
    rank: u.unit.rank ?? null,
    of: u.unit.rankedCount,
    total: toJsonNumber(u.unit.total, p),
    index: toJsonNumber(u.unit.index, p),
    ...changeJson(u, p),
  };
}

export function compareJson(c: Comparison, o: CompareRenderOptions) {
  return compareDocument(c, o, movement(c, o.top));
}

/**
 * The comparison document in pieces: the text around the lists, and the units of `units`, `risers`
 * and `fallers` printed straight into buffers of about 1 MiB (json-change.ts), so that a large
 * comparison is never one object tree or string. Joined, exactly
 * `JSON.stringify(compareJson(c, o), null, 2)` and a newline (a test holds them equal).
 */
export function* compareJsonChunks(c: Comparison, o: CompareRenderOptions): Generator<string | Uint8Array> {
  const m = movement(c, o.top);
  const text = JSON.stringify(compareDocument(c, o, { sorted: [], risers: [], fallers: [] }), null, 2);
  const printer = new ChangedUnitPrinter(c);
  yield* withLists(text, printer, [
    ['units', m.order],
    ['risers', m.riserOrder],
    ['fallers', m.fallerOrder],
  ]);
}
