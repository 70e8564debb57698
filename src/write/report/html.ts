/**
 * The annual report as one self-contained HTML page: inline CSS and SVG, no scripts, no fonts or
 * images from the network, readable on a phone, printable on A4. Byte-identical for the same input.
 */
import { format, formatRatio, normalize } from '../../model/decimal.js';
import type { UnitChange } from '../../model/compare.js';
import type { Ranking } from '../../model/ranking.js';
import { columns, comparisonNotes, humanView, rankChangeText, signed, summaryLines } from '../view.js';
import { words } from '../words.js';
import { bandLegend, barChart, bandColour, esc, heatLegend, heatMap, histogram, slopeChart } from './charts.js';
import type { UnitResult } from '../../model/ranking.js';

/** Beyond this many units in a block, per-unit charts draw the first and last units only (3,300 communes would be a 66,000-pixel chart). */
export const CHART_UNITS = 60;
const ENDS = 25;

/** The units a per-unit chart draws, and how many it leaves out. */
function charted(units: readonly UnitResult[]): { units: readonly UnitResult[]; hidden: number } {
  if (units.length <= CHART_UNITS) return { units, hidden: 0 };
  return { units: [...units.slice(0, ENDS), ...units.slice(-ENDS)], hidden: units.length - 2 * ENDS };
}
import { fieldNodes, type ReportModel } from './model.js';

const CSS = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --up: #1a7f37; --down: #cf222e; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1240px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.6rem; margin: 0.2em 0; }
h2 { font-size: 1.2rem; margin: 1.6em 0 0.5em; padding-bottom: 0.2em; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 1em 0 0.4em; }
.sub, .note, footer { color: var(--muted); font-size: 0.9rem; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
.figure { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.figure .label { color: var(--muted); font-size: 0.85rem; }
.figure .value { font-size: 1.5rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.figure .fnote { color: var(--muted); font-size: 0.8rem; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; font-size: 0.85rem; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 6px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
td.num, th.num { text-align: right; } td { white-space: nowrap; } th { min-width: 3em; max-width: 7.5em; hyphens: auto; overflow-wrap: anywhere; }
td.name { white-space: normal; min-width: 9em; }
td.up { color: var(--up); } td.down { color: var(--down); }
/* On a narrow screen the table scrolls sideways; the unit's name stays in view. */
td.name { position: sticky; left: 0; background: #fff; box-shadow: 1px 0 0 var(--line); }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; margin-right: 4px; vertical-align: -0.05em; }
.movers { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 16px; }
svg.chart { max-width: 100%; height: auto; font: 12px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
svg .grid { stroke: #eaeef2; } svg .tick, svg .value { fill: var(--muted); font-size: 11px; }
svg .label { fill: var(--ink); } svg .threshold { stroke: #57606a; stroke-dasharray: 4 3; } svg .threshold-label { fill: #57606a; font-size: 11px; }
svg .cell.na { fill: #eaeef2; } svg .cell-text { fill: #1f2328; font-size: 10px; }
svg .axis { fill: var(--ink); font-size: 12px; font-weight: 600; } svg .bin { fill: #2f81c7; }
.legend { font-size: 0.85rem; color: var(--muted); } .legend .key { margin-right: 12px; white-space: nowrap; }
svg .col { fill: var(--ink); font-size: 11px; }
svg .slope-line { stroke-width: 1.5; fill: none; } svg .up { stroke: var(--up); fill: var(--up); } svg .down { stroke: var(--down); fill: var(--down); }
svg .same { stroke: #8c959f; fill: #8c959f; } svg .dot.now { fill: var(--ink); } svg .dot.new { fill: var(--accent); } svg .dot.dropped, svg .label.dropped { fill: #8c959f; }
svg .head { font-weight: 600; fill: var(--ink); }
@media (max-width: 600px) { main { padding: 10px; } h1 { font-size: 1.3rem; } .figure .value { font-size: 1.2rem; } }
@page { size: A4 landscape; margin: 12mm 12mm 14mm; @bottom-right { content: counter(page) " / " counter(pages); font: 9pt system-ui, sans-serif; color: #59636e; } }
@media print {
  body { font-size: 10.5pt; } main { max-width: none; padding: 0; }
  .scroll { overflow: visible; } h2 { break-after: avoid; } svg.chart, .figure { break-inside: avoid; }
  table { font-size: 7.5pt; width: 100%; } th, td { padding: 2px 3px; } td { white-space: normal; } th { min-width: 0; }
  tr { break-inside: avoid; } th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg.chart { max-width: 100%; } a { color: inherit; text-decoration: none; }
}
`.trim();

function table(head: readonly string[], numeric: readonly boolean[], rows: readonly (readonly string[])[], cellClass?: (row: number, col: number) => string): string {
  const th = head.map((h, i) => `<th${numeric[i] ? ' class="num"' : ''} scope="col">${esc(h)}</th>`).join('');
  const body = rows
    .map(
      (r, ri) =>
        `<tr>${r
          .map((c, ci) => {
            const cls = [numeric[ci] ? 'num' : '', cellClass?.(ri, ci) ?? ''].filter(Boolean).join(' ');
            return `<td${cls ? ` class="${cls}"` : ''}>${c}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  return `<div class="scroll"><table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

function rankingSection(m: ReportModel): string {
  const r = m.ranking;
  const o = humanView(m.lang, m.comparison);
  const cols = columns(r, o);
  const out: string[] = [`<section id="ranking"><h2>${esc(m.text.ranking)}</h2>`];
  const changeCol = cols.findIndex((c) => c.id === 'rank_change');
  // (Made once, not once per block: a commune report can have a block per district: 700 before 2025.)
  const changes = new Map((m.comparison?.units ?? []).map((c) => [c.unit, c]));
  for (const b of r.blocks) {
    if (b.name !== undefined) out.push(`<h3>${esc(b.name)}</h3>`);
    out.push(
      table(
        cols.map((c) => c.title),
        cols.map((c) => c.numeric),
        b.units.map((u) =>
          cols.map((c) => {
            const text = esc(c.cell(u));
            if (c.id === 'band' && u.band) return `<span class="swatch" style="background:${bandColour(r, u.band)}"></span>${text}`;
            return text;
          }),
        ),
        (ri, ci) => {
          if (ci === 1) return 'name';
          if (ci !== changeCol) return '';
          const rc = changes.get(b.units[ri]!)?.rankChange;
          return rc === undefined || rc === 0 ? '' : rc > 0 ? 'up' : 'down';
        },
      ),
    );
  }
  const notes = [...summaryLines(r, o), ...(m.comparison ? comparisonNotes(m.comparison, o) : [])];
  out.push(`<div class="note">${notes.map((n) => `<p>${esc(n)}</p>`).join('')}</div></section>`);
  return out.join('\n');
}

/** With blocks: each block's count, mean, median, best and worst, side by side. */
function blockTable(m: ReportModel): string {
  const r = m.ranking;
  if (!r.blocks.some((b) => b.name !== undefined)) return '';
  const w = words(m.lang);
  const p = r.scheme.precision;
  const rows = r.blocks.map((b) => [esc(b.name ?? '-'), String(b.units.length), ...(b.stats ? [b.stats.mean, b.stats.median, b.stats.max, b.stats.min].map((x) => formatRatio(x, p, w.decimal)) : ['', '', '', ''])]);
  return `<h3>${esc(m.text.byBlock)}</h3>${table([w.block, m.text.units, m.text.mean, m.text.median, m.text.best, m.text.worst], [false, true, true, true, true, true], rows)}`;
}

function moverTable(m: ReportModel, list: readonly UnitChange[], heading: string): string {
  const w = words(m.lang);
  const sep = words(m.lang).decimal;
  const p = m.ranking.scheme.precision;
  const rows = list.map((c) => [
    esc(c.unit.name),
    String(c.previous?.rank ?? '-'),
    String(c.unit.rank ?? '-'),
    esc(rankChangeText(c, m.lang)),
    c.indexChange ? signed(formatRatio(c.indexChange, p, sep)) : '',
  ]);
  const body = rows.length ? table([w.unit, w.previousRank(m.comparison!.previous.year ?? ''), w.rank, w.change, w.indexChange], [false, true, true, false, true], rows) : `<p class="note">${esc(m.text.none)}</p>`;
  return `<div><h3>${esc(heading)}</h3>${body}</div>`;
}

function leadersSection(m: ReportModel): string {
  const sep = words(m.lang).decimal;
  const blocks = m.ranking.blocks.some((b) => b.name !== undefined);
  const w = words(m.lang);
  const rows = m.leaders.map((l, k) => [
    k > 0 && m.leaders[k - 1]!.component === l.component ? '' : esc(`${l.component.label[m.lang]} (${format(normalize(l.component.max), undefined, sep)})`),
    esc(l.unit?.name ?? m.text.none),
    ...(blocks ? [esc(l.unit?.block ?? '')] : []),
    l.points,
    l.pct,
  ]);
  const head = [m.text.component, m.text.leader, ...(blocks ? [w.block] : []), m.text.points, '%'];
  const numeric = [false, false, ...(blocks ? [false] : []), true, true];
  return `<section id="leaders"><h2>${esc(m.text.leaders)}</h2>${table(head, numeric, rows)}</section>`;
}

export function renderReportHtml(m: ReportModel, version: string): string {
  const r: Ranking = m.ranking;
  const figures = m.figures
    .map((f) => `<div class="figure"><div class="label">${esc(f.label)}</div><div class="value">${esc(f.value)}</div>${f.note ? `<div class="fnote">${esc(f.note)}</div>` : ''}</div>`)
    .join('\n');
  const parts: string[] = [
    '<!doctype html>',
    `<html lang="${m.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(m.title)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<header><h1>${esc(m.title)}</h1><p class="sub">${esc(m.subtitle)}</p></header>`,
    `<section id="headline"><h2>${esc(m.text.headline)}</h2><div class="figures">\n${figures}\n</div>${blockTable(m)}</section>`,
    rankingSection(m),
  ];
  if (m.comparison) {
    const w = words(m.lang);
    parts.push(`<section id="movers"><h2>${esc(m.text.movers)}</h2><div class="movers">${moverTable(m, m.risers, w.risers)}${moverTable(m, m.fallers, w.fallers)}</div></section>`);
  }
  parts.push(leadersSection(m));
  const heat: string[] = [`<section id="heatmap"><h2>${esc(m.text.heat)}</h2><p class="note">${esc(m.text.heatNote)}</p>${heatLegend(m.text.heatScale)}`];
  const bars: string[] = [`<section id="bars"><h2>${esc(m.text.bars)}</h2>${bandLegend(r, m.lang)}`];
  const spread: string[] = [`<section id="distribution"><h2>${esc(m.text.distribution)}</h2>`];
  for (const b of r.blocks) {
    const head = b.name !== undefined ? `<h3>${esc(b.name)}</h3>` : '';
    const c = charted(b.units);
    const more = c.hidden ? `<p class="note">${esc(m.text.notShown(c.hidden, ENDS))}</p>` : '';
    heat.push(`${head}<div class="scroll">${heatMap(r, c.units, fieldNodes(r.scheme), m.lang, `${m.text.heat}${b.name ? ` - ${b.name}` : ''}`)}</div>${more}`);
    bars.push(`${head}<div class="scroll">${barChart(r, c.units, m.lang, `${m.text.bars}${b.name ? ` - ${b.name}` : ''}`)}</div>${more}`);
    spread.push(`${head}<div class="scroll">${histogram(b.units, m.lang, `${m.text.distribution}${b.name ? ` - ${b.name}` : ''}`, m.text.count)}</div>`);
  }
  parts.push(heat.join('\n') + '</section>', bars.join('\n') + '</section>', spread.join('\n') + '</section>');
  if (m.comparison) {
    const c = m.comparison;
    const left = c.previous.year ?? words(m.lang).previousRank('').trim();
    const right = r.year ?? '';
    const slope: string[] = [`<section id="slope"><h2>${esc(m.text.slope)}</h2>`];
    const byBlock = new Map<string | undefined, UnitChange[]>();
    for (const u of c.units) {
      const list = byBlock.get(u.unit.block);
      if (list) list.push(u);
      else byBlock.set(u.unit.block, [u]);
    }
    for (const b of r.blocks) {
      const all = byBlock.get(b.name) ?? [];
      // A long list: the biggest moves only, up and down (the table has every change).
      const long = all.length > CHART_UNITS;
      const moved = [...all].filter((u) => u.rankChange !== undefined && u.rankChange !== 0).sort((x, y) => Math.abs(y.rankChange!) - Math.abs(x.rankChange!));
      const shown = new Set(moved.slice(0, 2 * ENDS));
      const inBlock = long ? all.filter((u) => shown.has(u)) : all;
      const dropped = long ? [] : c.dropped.filter((d) => d.block === b.name).map((d) => ({ name: d.name, ...(d.rank !== undefined ? { rank: d.rank } : {}) }));
      const note = long ? `<p class="note">${esc(m.text.movesShown(inBlock.length, all.length))}</p>` : '';
      slope.push(`${b.name !== undefined ? `<h3>${esc(b.name)}</h3>` : ''}<div class="scroll">${slopeChart(inBlock, dropped, { left, right }, m.text.slope)}</div>${note}`);
    }
    parts.push(slope.join('\n') + '</section>');
  }
  parts.push(
    `<footer><p>${esc(`${words(m.lang).scheme}: ${r.scheme.title[m.lang]} (${r.scheme.id})${r.scheme.source ? `. ${r.scheme.source[m.lang]}` : ''}`)}</p><p>${esc(`${m.text.generated} ${version}`)}</p></footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  );
  return parts.join('\n');
}
