/** The `trend` view: rank and index per year for every unit, with a sparkline of the index. */
import { renderBox } from './box.js';
import type { Paint } from './paint.js';
import { compareRatios, formatRatio, subRatios, toJsonNumber, toRatio, type Ratio } from '../model/decimal.js';
import type { Trend } from '../model/trend.js';
import { csvLine, type CsvStyle } from './csv.js';
import { problemJson, schemeJson, SCHEMA_VERSION } from './json.js';
import type { Lang } from './words.js';
import { mdTable } from './markdown.js';
import { signed } from './view.js';
import { words } from './words.js';

const BARS = '▁▂▃▄▅▆▇█';

/** One character per year, scaled between the lowest and highest index of the whole table. */
export function sparkline(values: readonly (Ratio | undefined)[], low: Ratio, high: Ratio): string {
  const span = subRatios(high, low);
  return values
    .map((v) => {
      if (!v) return ' ';
      if (span.num === 0n) return BARS[BARS.length - 1]!;
      const pos = subRatios(v, low);
      // floor(pos / span * 7), exactly
      const level = Number((pos.num * span.den * 7n) / (pos.den * span.num));
      return BARS[Math.max(0, Math.min(7, level))]!;
    })
    .join('');
}

function bounds(t: Trend): { low: Ratio; high: Ratio } | undefined {
  const all = t.tracks.flatMap((x) => x.series.filter((u) => u !== undefined).map((u) => u.index));
  if (all.length === 0) return undefined;
  const sorted = all.sort(compareRatios);
  return { low: sorted[0]!, high: sorted[sorted.length - 1]! };
}

function cells(t: Trend, lang: Lang, sep: string): { head: string[]; numeric: boolean[]; rows: string[][] } {
  const w = words(lang);
  const p = t.rankings[t.rankings.length - 1]!.scheme.precision;
  const b = bounds(t);
  const blocks = t.tracks.some((x) => x.block !== undefined);
  const head = [w.unit, ...(blocks ? [w.block] : []), ...t.years, w.trend, `${t.years[0]}-${t.years[t.years.length - 1]}`];
  const numeric = [false, ...(blocks ? [false] : []), ...t.years.map(() => true), false, true];
  const rows = t.tracks.map((x) => {
    const first = x.series.find((u) => u !== undefined);
    const last = [...x.series].reverse().find((u) => u !== undefined);
    const change = first && last && first !== last && x.series[0] && x.series[x.series.length - 1] ? signed(formatRatio(subRatios(last.index, first.index), p, sep)) : '';
    return [
      x.name,
      ...(blocks ? [x.block ?? ''] : []),
      ...x.series.map((u) => (u ? `${u.rank ?? '-'} · ${formatRatio(u.index, p, sep)}` : '')),
      b ? sparkline(x.series.map((u) => u?.index), b.low, b.high) : '',
      change,
    ];
  });
  return { head, numeric, rows };
}

function heading(t: Trend, lang: Lang): string {
  const last = t.rankings[t.rankings.length - 1]!;
  return `${last.scheme.title[lang]} ${t.years[0]}-${t.years[t.years.length - 1]}`;
}

function footnote(t: Trend, lang: Lang): string {
  const w = words(lang);
  const base = w.trendCell;
  const counts = t.rankings.map((r) => r.units.length);
  if (counts.every((n) => n === counts[0])) return base;
  const list = t.years.map((y, i) => `${y}: ${counts[i]}`).join(', ');
  return `${base} ${w.trendCounts(list)}`;
}

export function renderTrendTable(t: Trend, o: { lang: Lang; colour: Paint }): string {
  const k = o.colour;
  const c = cells(t, o.lang, words(o.lang).decimal);
  const table = renderBox({ head: c.head, numeric: c.numeric, colour: k }, c.rows);
  return [k.bold(heading(t, o.lang)), '', table, k.dim(footnote(t, o.lang))].join('\n') + '\n';
}

export function renderTrendMarkdown(t: Trend, o: { lang: Lang }): string {
  const c = cells(t, o.lang, words(o.lang).decimal);
  return [`## ${heading(t, o.lang)}`, '', mdTable(c.head, c.rows, c.numeric), '', `_${footnote(t, o.lang)}_`].join('\n') + '\n';
}

export function renderTrendCsv(t: Trend, o: { style: CsvStyle; lang?: Lang }): string {
  const p = t.rankings[t.rankings.length - 1]!.scheme.precision;
  const { delimiter: d, separator: sep, bom } = o.style;
  const w = words(o.lang ?? 'en');
  const head = o.lang === 'vi' ? [w.unit, w.code, w.block, w.year, w.rank, w.trendOf, w.total, w.index, w.band] : ['unit', 'code', 'block', 'year', 'rank', 'of', 'total', 'index', 'band'];
  const lines = [csvLine(head, d)];
  for (const x of t.tracks) {
    x.series.forEach((u, i) => {
      if (!u) return;
      lines.push(
        csvLine([x.name, x.code ?? '', x.block ?? '', t.years[i]!, u.rank !== undefined ? String(u.rank) : '', String(u.rankedCount), formatRatio(toRatio(u.total), p, sep), formatRatio(u.index, p, sep), u.band?.id ?? ''], d),
      );
    });
  }
  return (bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

export function trendJson(t: Trend, lang: Lang = 'en') {
  const last = t.rankings[t.rankings.length - 1]!;
  const p = last.scheme.precision;
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'trend',
    scheme: schemeJson(last),
    years: t.years,
    files: t.rankings.map((r) => r.files),
    units: t.tracks.map((x) => ({
      unit: x.name,
      code: x.code ?? null,
      block: x.block ?? null,
      series: x.series.map((u, i) =>
        u
          ? { year: t.years[i]!, unit: u.name, rank: u.rank ?? null, of: u.rankedCount, total: toJsonNumber(u.total, p), index: toJsonNumber(u.index, p), band: u.band ? { id: u.band.id, label: u.band.label } : null }
          : null,
      ),
    })),
    summary: t.rankings.map((r, i) => ({
      year: t.years[i]!,
      scheme: r.scheme.id,
      units: r.units.length,
      mean: r.stats ? toJsonNumber(r.stats.mean, p) : null,
      median: r.stats ? toJsonNumber(r.stats.median, p) : null,
    })),
    warnings: t.rankings.flatMap((r) => r.warnings).map((p) => problemJson(p, lang)),
  };
}


