/**
 * The ranking as rows of display strings, shared by the table, Markdown and CSV renderers so they
 * always agree on what a cell says.
 */
import { compareRatios, format, formatPercent, formatRatio, formatScaled, normalize } from '../model/decimal.js';
import type { Ranking, UnitResult } from '../model/ranking.js';
import type { Comparison, UnitChange } from '../model/compare.js';
import type { Component, Scheme, SchemeNode } from '../model/scheme.js';
import { words, type Lang } from './words.js';

export interface ViewOptions {
  readonly lang: Lang;
  /** Decimal separator for human formats: ',' in Vietnamese, '.' in machine formats. */
  readonly separator: ',' | '.';
  /** With a comparison, the previous rank, the change and the index change are columns too. */
  readonly comparison?: Comparison;
  /** How deep into the scheme's tree the node columns go (0: the parts, default). */
  readonly depth?: number;
}

/**
 * The nodes shown as columns at a depth of the scheme's tree: the nodes at that depth and the leaves
 * above it (a part without fields), each part's subtotal after its fields, in the scheme's order;
 * bonus and penalty nodes are top-level.
 */
export function shownNodes(scheme: Scheme, depth = 0): SchemeNode[] {
  const out: SchemeNode[] = [];
  const visit = (n: SchemeNode) => {
    if (n.depth < depth && n.children.length > 0) n.children.forEach((c) => visit(scheme.nodes[c]!));
    out.push(n);
  };
  scheme.nodes.filter((n) => n.parent < 0).forEach(visit);
  return out;
}

/** "▲7" / "tăng 7 bậc", "▼3", "=", "new" / "mới", "n/a". */
export function rankChangeText(c: UnitChange | undefined, lang: Lang): string {
  const w = words(lang);
  if (!c) return '';
  if (c.status === 'new') return w.isNew;
  if (c.rankChange === undefined) return c.unit.rank === undefined ? '-' : w.noChange;
  return c.rankChange > 0 ? w.up(c.rankChange) : c.rankChange < 0 ? w.down(-c.rankChange) : w.same;
}

/** The view of a human format (table, Markdown, report): the language's decimal separator. */
export function humanView(lang: Lang, comparison?: Comparison): ViewOptions {
  return { lang, separator: words(lang).decimal, ...(comparison ? { comparison } : {}) };
}

export function signed(text: string): string {
  return /^-/.test(text) || /^0([.,]0+)?$/.test(text) ? text : `+${text}`;
}


export function previousYearLabel(comparison: Comparison, lang: Lang): string {
  return comparison.previous.year ?? words(lang).previousYear;
}

export interface Column {
  readonly id: string;
  readonly title: string;
  readonly numeric: boolean;
  readonly cell: (u: UnitResult) => string;
}

export function componentTitle(c: Component, lang: Lang, separator: string): string {
  return `${c.label[lang]} (${format(normalize(c.max), undefined, separator)})`;
}

export function hasCodes(r: Ranking): boolean {
  return r.table.codes.some((c) => c !== undefined);
}

export function hasVaryingMax(r: Ranking): boolean {
  return r.max.some((m) => m !== r.max[0]);
}

/** Columns of the ranked table, in order. `machine` keeps every column and ids as titles. */
export function columns(r: Ranking, o: ViewOptions & { machine?: boolean; humanTitles?: boolean }): Column[] {
  const w = words(o.lang);
  const p = r.scheme.precision;
  const t = r.table;
  // Numbers straight from the ranking's columns (integers at the table's scale).
  const scaled = (q: number) => formatScaled(q, t.scale, p, o.separator);
  const cols: Column[] = [
    { id: 'rank', title: w.rank, numeric: true, cell: (u) => (u.rank === undefined ? (o.machine ? '' : '-') : String(u.rank)) },
    { id: 'unit', title: w.unit, numeric: false, cell: (u) => u.name },
  ];
  if (o.machine || hasCodes(r)) cols.push({ id: 'code', title: w.code, numeric: false, cell: (u) => u.code ?? '' });
  if (o.machine && r.blocks.some((b) => b.name !== undefined)) cols.push({ id: 'block', title: w.block, numeric: false, cell: (u) => u.block ?? '' });
  for (const c of shownNodes(r.scheme, o.depth)) {
    const points = t.points[c.index]!;
    // Machine headers are ids, with the path below the top ("appraisal/institutions"): rank reads them back.
    const id = c.path.join('/');
    cols.push({
      id,
      title: o.machine && o.lang === 'en' && !o.humanTitles ? id : componentTitle(c, o.lang, o.humanTitles ? words(o.lang).decimal : o.separator),
      numeric: true,
      cell: (u) => {
        const q = points[u.at]!;
        if (Number.isNaN(q)) return o.machine ? '-' : w.notApplicable;
        // Penalty points are taken off: shown with a minus (in a machine format, as the scheme writes them).
        return c.role === 'penalty' && q > 0 && (!o.machine || c.negative) ? `-${scaled(q)}` : scaled(q);
      },
    });
  }
  cols.push({ id: 'total', title: w.total, numeric: true, cell: (u) => scaled(r.total[u.at]!) });
  if (o.machine || hasVaryingMax(r)) cols.push({ id: 'max', title: w.max, numeric: true, cell: (u) => scaled(r.max[u.at]!) });
  cols.push({ id: 'index', title: w.index, numeric: true, cell: (u) => formatPercent(r.total[u.at]!, r.max[u.at]!, p, o.separator) });
  if (r.scheme.bands.length > 0) cols.push({ id: 'band', title: w.band, numeric: false, cell: (u) => (u.band ? u.band.label[o.lang] : '') });
  if (o.comparison) {
    const comparison = o.comparison;
    // The change of the unit whose row is being made (its cells ask for it in turn).
    let last: { at: number; change: UnitChange } | undefined;
    const changes = { get: (u: UnitResult) => (last?.at === u.at ? last : (last = { at: u.at, change: comparison.change(u.at) })).change };
    const prevYear = previousYearLabel(o.comparison, o.lang);
    cols.push({
      id: 'previous_rank',
      title: w.previousRank(prevYear),
      numeric: true,
      cell: (u) => String(changes.get(u)?.previous?.rank ?? (o.machine ? '' : '-')),
    });
    cols.push({
      id: 'rank_change',
      title: w.change,
      numeric: !!o.machine,
      cell: (u) => {
        const c = changes.get(u);
        if (!o.machine) return rankChangeText(c, o.lang);
        return c?.rankChange !== undefined ? String(c.rankChange) : '';
      },
    });
    cols.push({
      id: 'index_change',
      title: w.indexChange,
      numeric: true,
      cell: (u) => {
        const d = changes.get(u)?.indexChange;
        if (!d) return '';
        return o.machine ? formatRatio(d, p, o.separator) : signed(formatRatio(d, p, o.separator));
      },
    });
    // With fields under parts: how many of them rose and fell ("▲5 ▼2"; CSV: two counts).
    if (r.scheme.depth > 0) {
      const moves = (u: UnitResult) => changes.get(u)?.fields;
      if (o.machine) {
        cols.push({ id: 'fields_up', title: w.fieldsUp, numeric: true, cell: (u) => String(moves(u)?.up ?? '') });
        cols.push({ id: 'fields_down', title: w.fieldsDown, numeric: true, cell: (u) => String(moves(u)?.down ?? '') });
      } else {
        cols.push({ id: 'fields_change', title: w.fieldsChange, numeric: false, cell: (u) => { const m = moves(u); return m ? `▲${m.up} ▼${m.down}` : ''; } });
      }
    }
    if (o.machine) cols.push({ id: 'status', title: o.humanTitles ? w.xlsx.status : 'status', numeric: false, cell: (u) => changes.get(u)?.status ?? '' });
  }
  if (o.machine) {
    cols.push({ id: 'ranked', title: w.rankedColumn, numeric: false, cell: (u) => (u.ranked ? w.yes : w.no) });
  }
  // Machine-readable English output uses the stable ids as headers.
  return o.machine && o.lang === 'en' && !o.humanTitles ? cols.map((c) => ({ ...c, title: c.id })) : cols;
}

/** One-line summaries: "13 units, mean 81.98, median 82.11, best 87.55 (TP. Quảng Ngãi), ...". */
export function summaryLines(r: Ranking, o: ViewOptions): string[] {
  const w = words(o.lang);
  const p = r.scheme.precision;
  const lines: string[] = [];
  const many = r.blocks.length > 1;
  for (const b of many ? [...r.blocks, undefined] : [undefined]) {
    const units = b ? b.units : r.units;
    const s = b ? b.stats : r.stats;
    const bands = b ? b.bands : r.bands;
    if (!s) continue;
    const rankedCount = units.filter((u) => u.ranked).length;
    const best = units.filter((u) => compareRatios(u.index, s.max) === 0).map((u) => u.name);
    const worst = units.filter((u) => compareRatios(u.index, s.min) === 0).map((u) => u.name);
    const parts = [
      `${units.length} ${units.length === 1 ? w.oneUnit : w.units}` + (rankedCount !== units.length ? ` (${rankedCount} ${w.ranked})` : ''),
      `${w.mean} ${formatRatio(s.mean, p, o.separator)}`,
      `${w.median} ${formatRatio(s.median, p, o.separator)}`,
      `${w.best} ${formatRatio(s.max, p, o.separator)} (${best.join(', ')})`,
      `${w.worst} ${formatRatio(s.min, p, o.separator)} (${worst.join(', ')})`,
    ];
    const bandText = bands.map((bc) => `${bc.band ? bc.band.label[o.lang] : w.noBand}: ${bc.count}`).join(', ');
    const label = b ? `${b.name ?? '-'}: ` : many ? `${w.all}: ` : '';
    lines.push(label + parts.join(', ') + (bandText ? `; ${bandText}` : ''));
  }
  return lines;
}

/** The heading of a ranking: `custom` (--title), else the scheme's title and the year. */
export function title(r: Ranking, lang: Lang, custom?: string): string {
  if (custom !== undefined) return custom;
  const name = r.scheme.title[lang];
  // "Quảng Ngãi district PAR INDEX 2023" already says its year.
  const year = r.year && !name.includes(r.year) ? (lang === 'vi' ? ` năm ${r.year}` : ` ${r.year}`) : '';
  return `${name}${year}`;
}

/** How many units no longer present the lines under a table name (all are in the JSON). */
export const DROPPED_SHOWN = 30;

/** Lines under a compared table: counts, change of the mean, merges, renames, units no longer present. */
export function comparisonNotes(comparison: Comparison, o: ViewOptions): string[] {
  const w = words(o.lang);
  const p = comparison.current.scheme.precision;
  const prevYear = previousYearLabel(comparison, o.lang);
  const lines: string[] = [];
  let head = w.counts(comparison.counts);
  if (comparison.meanChange) head += `; ${w.meanChange} ${signed(formatRatio(comparison.meanChange, p, o.separator))}`;
  lines.push(head);
  for (const c of comparison.units) {
    if (c.status === 'merged') {
      const from = c.predecessors.map((x) => `${x.name}${x.rank !== undefined ? ` (${x.rank})` : ''}`).join(', ');
      lines.push(`${c.unit.name}: ${w.mergedFrom} ${from}${c.rankChange === undefined && c.unit.rank !== undefined ? ` - ${w.noChange}` : ''}`);
    } else if (c.status === 'renamed') {
      lines.push(`${c.unit.name}: ${w.previously} ${c.predecessors[0]!.name}`);
    }
  }
  if (comparison.dropped.length) {
    // A province that merged its communes without a crosswalk drops thousands: the first are named, the rest counted.
    const dropped = comparison.dropped;
    const shown = dropped.length > DROPPED_SHOWN + 1 ? dropped.slice(0, DROPPED_SHOWN) : dropped;
    const named = shown.map((d) => `${d.name} (${d.rank !== undefined ? `${d.rank}, ` : ''}${formatRatio(d.index, p, o.separator)})`).join(', ');
    lines.push(`${w.dropped(prevYear)}: ${named}${shown.length < dropped.length ? w.andMore(dropped.length - shown.length) : ''}`);
  }
  if (!comparison.comparable) lines.push(`${w.notComparable}: ${comparison.reasons.map((r) => w.reason(r)).join('; ')}`);
  return lines;
}
