/**
 * Inline SVG charts for the HTML report: plain strings, no scripts, no fonts from the network, and
 * deterministic (coordinates rounded to 2 decimals) so the same input gives byte-identical output.
 */
import { formatRatio, toRatio, type Ratio } from '../../model/decimal.js';
import type { UnitChange } from '../../model/compare.js';
import type { Ranking, UnitResult } from '../../model/ranking.js';
import type { Band, Component } from '../../model/scheme.js';
import { words, type Lang } from '../words.js';

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const r2 = (x: number) => (Math.round(x * 100) / 100).toString();
const asNumber = (r: Ratio) => Number(r.num) / Number(r.den);

/** Band colours, best first; units in no band are grey. */
export const BAND_COLOURS = ['#1a7f37', '#2f81c7', '#c98a00', '#c2410c', '#a11d48'];
export const NO_BAND = '#8c959f';

export function bandColour(r: Ranking, band: Band | undefined): string {
  if (!band) return NO_BAND;
  return BAND_COLOURS[Math.min(r.scheme.bands.indexOf(band), BAND_COLOURS.length - 1)]!;
}

const ROW_H = 20;

/** Room for the longest label (12px sans-serif averages under 7px a character), within limits. */
function labelWidth(labels: readonly string[]): number {
  return Math.round(Math.min(340, Math.max(110, Math.max(0, ...labels.map((l) => l.length)) * 6.8 + 16)));
}

/** Horizontal bars of the index by unit (in rank order), with the band thresholds drawn. */
export function barChart(r: Ranking, units: readonly UnitResult[], lang: Lang, title: string): string {
  const sep = words(lang).decimal;
  const p = r.scheme.precision;
  const values = units.map((u) => asNumber(u.index));
  const thresholds = r.scheme.bands.map((b) => asNumber(toRatio(b.min))).filter((t) => t > 0);
  const low = Math.max(0, Math.floor((Math.min(...values, ...thresholds) - 5) / 10) * 10);
  const high = 100;
  const LABEL_W = labelWidth(units.map((u) => (u.rank !== undefined ? `${u.rank}. ${u.name}` : u.name)));
  const plotW = 420;
  const width = LABEL_W + plotW + 70;
  const top = 40;
  const height = top + units.length * ROW_H + 30;
  const x = (v: number) => LABEL_W + ((v - low) / (high - low)) * plotW;
  const out: string[] = [
    `<svg class="chart bars" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
  ];
  for (let t = low; t <= high; t += 10) {
    out.push(`<line class="grid" x1="${r2(x(t))}" y1="${top - 4}" x2="${r2(x(t))}" y2="${height - 26}"/>`);
    out.push(`<text class="tick" x="${r2(x(t))}" y="${height - 10}" text-anchor="middle">${t}</text>`);
  }
  units.forEach((u, i) => {
    const y = top + i * ROW_H;
    const v = asNumber(u.index);
    out.push(
      `<text class="label" x="${LABEL_W - 8}" y="${y + 14}" text-anchor="end">${esc(u.rank !== undefined ? `${u.rank}. ${u.name}` : u.name)}</text>`,
      `<rect class="bar" x="${LABEL_W}" y="${y + 3}" width="${r2(Math.max(0.5, x(v) - LABEL_W))}" height="${ROW_H - 6}" fill="${bandColour(r, u.band)}"><title>${esc(`${u.name}: ${formatRatio(u.index, p, sep)}%`)}</title></rect>`,
      `<text class="value" x="${r2(x(v) + 4)}" y="${y + 14}">${formatRatio(u.index, p, sep)}</text>`,
    );
  });
  // Threshold labels alternate between two rows so close thresholds (80 %, 90 %) never collide.
  r.scheme.bands
    .filter((b) => asNumber(toRatio(b.min)) > low && asNumber(toRatio(b.min)) <= high)
    .forEach((b, k) => {
      const t = asNumber(toRatio(b.min));
      out.push(
        `<line class="threshold" x1="${r2(x(t))}" y1="${top - 6 - (k % 2) * 14}" x2="${r2(x(t))}" y2="${top + units.length * ROW_H}"/>`,
        `<text class="threshold-label" x="${r2(x(t))}" y="${top - 10 - (k % 2) * 14}" text-anchor="middle">${esc(b.label[lang])} ${t}%</text>`,
      );
    });
  out.push('</svg>');
  return out.join('\n');
}

/** Splits a label into lines of at most `width` characters (a longer word gets its own line). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && `${current} ${word}`.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

/** Sequential colour for a share (0-100 %): light for low, dark blue for high; legible on paper. */
export function heatColour(pct: number): string {
  const stops = [
    [0, [254, 240, 217]],
    [50, [253, 204, 138]],
    [70, [158, 202, 225]],
    [85, [66, 146, 198]],
    [100, [8, 69, 148]],
  ] as const;
  const v = Math.max(0, Math.min(100, pct));
  let i = 0;
  while (i < stops.length - 2 && v > stops[i + 1]![0]) i++;
  const [a, ca] = stops[i]!;
  const [b, cb] = stops[i + 1]!;
  const f = b === a ? 0 : (v - a) / (b - a);
  const c = ca.map((x, k) => Math.round(x + (cb[k]! - x) * f));
  return `#${c.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
}

/** Units x nodes (the components, or a tree's fields), each cell the % of the node's maximum. */
export function heatMap(r: Ranking, units: readonly UnitResult[], components: readonly Component[], lang: Lang, title: string): string {
  const sep = words(lang).decimal;
  const LABEL_W = labelWidth(units.map((u) => u.name));
  const cellW = 84;
  const lines = components.map((c) => wrapWords(c.label[lang], 12).slice(0, 4));
  const headH = 14 * Math.max(1, ...lines.map((l) => l.length)) + 10;
  const width = LABEL_W + components.length * cellW + 10;
  const height = headH + units.length * ROW_H + 10;
  const out: string[] = [
    `<svg class="chart heat" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
  ];
  components.forEach((c, j) => {
    const cx = LABEL_W + j * cellW + (cellW - 2) / 2;
    const ls = lines[j]!;
    const tspans = ls.map((l, k) => `<tspan x="${r2(cx)}" y="${headH - 8 - (ls.length - 1 - k) * 14}">${esc(l)}</tspan>`).join('');
    out.push(`<text class="col" text-anchor="middle"><title>${esc(c.label[lang])}</title>${tspans}</text>`);
  });
  units.forEach((u, i) => {
    const y = headH + i * ROW_H;
    out.push(`<text class="label" x="${LABEL_W - 8}" y="${y + 14}" text-anchor="end">${esc(u.name)}</text>`);
    components.forEach((c, j) => {
      const cr = u.nodes[c.index]!;
      const x = LABEL_W + j * cellW;
      if (!cr.applicable) {
        out.push(`<rect class="cell na" x="${x}" y="${y}" width="${cellW - 2}" height="${ROW_H - 2}"/><text class="cell-text" x="${x + (cellW - 2) / 2}" y="${y + 13}" text-anchor="middle">–</text>`);
        return;
      }
      if (!cr.index) return;
      const pct = asNumber(cr.index);
      const dark = pct > 80;
      out.push(
        `<rect class="cell" x="${x}" y="${y}" width="${cellW - 2}" height="${ROW_H - 2}" fill="${heatColour(pct)}"><title>${esc(`${u.name} · ${c.label[lang]}: ${formatRatio(cr.index!, 1, sep)}%`)}</title></rect>`,
        `<text class="cell-text${dark ? ' on-dark' : ''}" x="${x + (cellW - 2) / 2}" y="${y + 13}" text-anchor="middle">${formatRatio(cr.index!, 1, sep)}</text>`,
      );
    });
  });
  out.push('</svg>');
  return out.join('\n');
}

/**
 * Previous rank on the left, current rank on the right, a line per unit. Units are placed by their
 * position in each year's order, so tied ranks do not overlap; labels carry the ranks.
 */
export function slopeChart(changes: readonly UnitChange[], dropped: readonly { name: string; rank?: number }[], labels: { left: string; right: string }, title: string): string {
  const current = changes.filter((c) => c.unit.rank !== undefined);
  const before = [
    ...current.filter((c) => c.previous?.rank !== undefined).map((c) => ({ rank: c.previous!.rank!, name: c.previous!.name, change: c as UnitChange | undefined })),
    ...dropped.filter((d) => d.rank !== undefined).map((d) => ({ rank: d.rank!, name: d.name, change: undefined as UnitChange | undefined })),
  ].sort((a, b) => a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rows = Math.max(1, current.length, before.length);
  const rowH = 16;
  const left = 210;
  const right = left + 230;
  const top = 34;
  const width = right + 210;
  const height = top + rows * rowH + 16;
  const y = (position: number) => top + position * rowH + rowH / 2;
  const rightPos = new Map(current.map((c, i) => [c, i]));
  const out: string[] = [
    `<svg class="chart slope" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<text class="head" x="${left}" y="18" text-anchor="middle">${esc(labels.left)}</text>`,
    `<text class="head" x="${right}" y="18" text-anchor="middle">${esc(labels.right)}</text>`,
  ];
  before.forEach((b, i) => {
    const c = b.change;
    if (!c) {
      out.push(
        `<circle class="dot dropped" cx="${left}" cy="${r2(y(i))}" r="3"/>`,
        `<text class="label dropped" x="${left - 8}" y="${r2(y(i) + 4)}" text-anchor="end">${esc(`${b.name} ${b.rank}`)}</text>`,
      );
      return;
    }
    const cls = c.rankChange === undefined ? 'same' : c.rankChange > 0 ? 'up' : c.rankChange < 0 ? 'down' : 'same';
    const to = rightPos.get(c)!;
    out.push(
      `<line class="slope-line ${cls}" x1="${left}" y1="${r2(y(i))}" x2="${right}" y2="${r2(y(to))}"><title>${esc(`${c.unit.name}: ${b.rank} → ${c.unit.rank}`)}</title></line>`,
      `<circle class="dot ${cls}" cx="${left}" cy="${r2(y(i))}" r="3"/>`,
      `<text class="label" x="${left - 8}" y="${r2(y(i) + 4)}" text-anchor="end">${esc(`${b.name} ${b.rank}`)}</text>`,
    );
  });
  current.forEach((c, i) => {
    out.push(
      `<circle class="dot ${c.previous?.rank === undefined ? 'new' : 'now'}" cx="${right}" cy="${r2(y(i))}" r="3"/>`,
      `<text class="label" x="${right + 8}" y="${r2(y(i) + 4)}">${esc(`${c.unit.rank} ${c.unit.name}`)}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}
